package nl.knooppunt.gateway.notify;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;

/**
 * The JSON document of one notification, as the webhook sends it and the mailbox returns it
 * (docs/workflow.md, "Telling the SHV: webhooks and the mailbox"). Written from these records, so the
 * published schema and what is sent are one. No personal data of the client.
 */
@Schema(name = "Notification", description = "One notification: the webhook's body and a mailbox item.")
@JsonInclude(JsonInclude.Include.NON_NULL)
record NotificationDocument(
        @Schema(description = "The notification's id; also the webhook's Knooppunt-Delivery-Id.") UUID id,
        @Schema(description = "Layout version.", example = "1") int version,
        @Schema(description = "What happened.", allowableValues = {"claim.status-changed", "dossier.status-changed",
                "creditor.message-accepted"}) String type,
        @Schema(description = "1, 2, 3, ... per SHV, without gaps, in commit order: the mailbox cursor.") long sequence,
        @Schema(description = "When it was written (UTC).", format = "date-time") String createdAt,
        String shvOin,
        DossierRef dossier,
        @Schema(description = "Claim notifications and creditor messages.") ClaimRef claim,
        @Schema(description = "Status changes.") Change change,
        @Schema(description = "creditor.message-accepted: the message the inbound door accepted.") CreditorMessage message) {

    @Schema(name = "NotificationDossier")
    record DossierRef(UUID id, String shvReference,
                      @Schema(description = "The dossier's status after the change.") String status) {}

    @Schema(name = "NotificationClaim")
    record ClaimRef(UUID id, String creditorOin, String creditorName,
                    @Schema(description = "The claim's status after the change.") String status) {}

    @Schema(name = "NotificationChange")
    record Change(String from, String to, @Schema(format = "date-time") String at,
                  @Schema(allowableValues = {"MESSAGE", "USER", "SYSTEM"}) String causeType,
                  @Schema(description = "E.g. the Referentienummer of the message behind it.") String causeReference) {}

    @Schema(name = "NotificationCreditorMessage")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CreditorMessage(
            @Schema(description = "Berichttype, e.g. SaldoverzoekAntwoord.") String messageType,
            UUID referentienummer,
            UUID crossReferentienummer,
            UUID conversatieReferentienummer,
            @Schema(format = "date-time") String receivedAt,
            @Schema(description = "Saldoverzoek antwoord: the amount that counts for the settlement.", example = "150.50")
            String countedAmount,
            @Schema(description = "Saldoverzoek antwoord: its lines summed per Schuldtype.") List<DebtTypeLines> linesByDebtType,
            @Schema(description = "Geen medewerking: the RedenGeenMedewerking code.") String noCooperationReason) {}

    @Schema(name = "NotificationDebtTypeLines")
    record DebtTypeLines(@Schema(allowableValues = {"OPENSTAAND", "OVERGEDRAGEN", "ONBEKEND"}) String debtType,
                         int lines, @Schema(example = "150.50") String amount,
                         @Schema(description = "Whether these lines count for the settlement.") boolean counted,
                         @Schema(description = "For transferred lines: who holds them now.") List<String> transferredTo) {}
}
