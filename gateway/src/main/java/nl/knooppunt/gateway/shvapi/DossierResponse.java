package nl.knooppunt.gateway.shvapi;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(name = "Dossier", description = "A dossier with the status of every claim and the full status history.")
record DossierResponse(
        UUID id,
        String shvOin,
        String shvReference,
        @Schema(allowableValues = {"SB", "SK", "SA"}) String settlementType,
        @Schema(description = "Dossier status; see the state machine in docs/architecture.md.") String status,
        Instant submittedAt,
        Instant updatedAt,
        @Schema(description = "When the dossier reached a final status.") Instant closedAt,
        @Schema(description = "The client's personal data; absent once purged after the retention period.")
        SubmitDossierRequest.ClientRequest client,
        SubmitDossierRequest.ContactPersonRequest contactPerson,
        @Schema(description = "When the personal data was purged, if it was.") Instant personalDataPurgedAt,
        List<ClaimResponse> claims,
        @Schema(description = "Every message the gateway queued for the creditors, and where it stands.")
        List<MessageResponse> messages,
        List<StatusChangeResponse> history) {

    @Schema(name = "Claim")
    record ClaimResponse(
            UUID id,
            String creditorOin,
            String creditorName,
            String clientNumberAtCreditor,
            List<String> invoiceNumbers,
            @Schema(description = "Amount the SHV believes is owed, euros with two decimals.") String amountKnownToShv,
            @Schema(description = "The claim as the creditor stated it in its Saldoverzoek antwoord (sum of its current amounts).")
            String confirmedAmount,
            String status,
            @Schema(description = "ConversatieReferentienummer of the exchange with this creditor about this claim.")
            UUID conversationReference,
            Instant updatedAt) {}

    @Schema(name = "OutgoingMessage")
    record MessageResponse(
            @Schema(description = "Referentienummer.") UUID reference,
            UUID claimId,
            String creditorOin,
            @Schema(description = "Berichttype, e.g. Saldoverzoek.") String messageType,
            @Schema(description = "PENDING, BATCHED, DELIVERED, IN_MAILBOX, FETCHED, CONFIRMED, DEAD, EXPIRED or DISCARDED.")
            String status,
            Instant enqueuedAt,
            @Schema(description = "When its batch leaves at the latest.") Instant dueAt,
            Instant deliveredAt,
            @Schema(description = "Mailbox delivery: fetched and confirmed by then, or it expires.") Instant expiresAt,
            @Schema(description = "Delivery attempts so far.") int attempts,
            @Schema(description = "Why it is not (yet) delivered, if it failed.") String lastError) {}

    @Schema(name = "StatusChange", description = "One entry of the append-only status history.")
    record StatusChangeResponse(
            Instant at,
            @Schema(description = "The claim that changed; absent for a change of the dossier itself.") UUID claimId,
            String from,
            String to,
            @Schema(allowableValues = {"MESSAGE", "USER", "SYSTEM"}) String causeType,
            @Schema(description = "The Referentienummer of the message, the OIN or user, or the system event.")
            String causeReference,
            String note) {}
}
