package nl.knooppunt.gateway.dossier;

import java.time.Instant;
import java.util.UUID;

/** A debt-settlement case submitted by one SHV, without its personal data. */
public record Dossier(
        UUID id,
        UUID shvId,
        String shvOin,
        String shvReference,
        SettlementType settlementType,
        DossierStatus status,
        Instant submittedAt,
        Instant updatedAt,
        Instant closedAt,
        Instant personalDataPurgedAt) {}
