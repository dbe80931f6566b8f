package nl.knooppunt.gateway.shvapi;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Schema(name = "DossierPage", description = "One page of dossiers, newest first.")
record DossierPageResponse(List<DossierSummaryResponse> items, int page, int size, long totalItems, long totalPages) {

    @Schema(name = "DossierSummary")
    record DossierSummaryResponse(
            UUID id,
            String shvOin,
            String shvReference,
            String settlementType,
            String status,
            Instant submittedAt,
            Instant updatedAt,
            @Schema(description = "Number of claims per claim status.") Map<String, Integer> claimsByStatus) {}
}
