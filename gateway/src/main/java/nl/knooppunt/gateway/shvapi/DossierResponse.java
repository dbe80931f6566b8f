package nl.knooppunt.gateway.shvapi;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
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
        List<StatusChangeResponse> history,
        // -- deadlines (issue 14, item 9)
        @Schema(description = "The NVVK norm: at most 120 calendar days from submission to an agreed settlement.")
        Norm120Response norm120) {

    // -- deadlines (issue 14, item 9)
    @Schema(name = "Norm120", description = "The NVVK 120-day norm of the Module Schuldregeling, in calendar days "
            + "(Dutch time) from the day of submission (day 0) to the day the dossier became AGREED (or closed "
            + "otherwise), or today. See docs/workflow.md, \"Deadlines and the 120-day norm\".")
    record Norm120Response(
            @Schema(description = "The day the dossier was submitted.") LocalDate startedOn,
            @Schema(description = "Calendar days used so far (or until agreement).") long daysUsed,
            @Schema(description = "At least this many days will be used: the days used, or the days until the last "
                    + "day of the latest answer term still running, whichever is more. The proposal round is not "
                    + "estimated.") long projectedDays,
            @Schema(description = "The day the 120 days end.") LocalDate dueOn,
            @Schema(description = "More than 120 days used.") boolean breached,
            @Schema(description = "Not breached yet, but projectedDays exceeds 120.") boolean atRisk,
            @Schema(description = "Counting stopped: the dossier was agreed (or closed otherwise).") boolean stopped) {}

    @Schema(name = "Claim")
    record ClaimResponse(
            UUID id,
            String creditorOin,
            String creditorName,
            String clientNumberAtCreditor,
            List<String> invoiceNumbers,
            @Schema(description = "Amount the SHV believes is owed, euros with two decimals.") String amountKnownToShv,
            @Schema(description = "The claim as the creditor stated it in its Saldoverzoek antwoord: the sum of the "
                    + "current amounts of the lines that count (the same as countedAmount; kept for existing clients).")
            String confirmedAmount,
            @Schema(description = "The amount that counts for the settlement: the sum of the current amounts of the "
                    + "lines with debtType OPENSTAAND. Transferred (OVERGEDRAGEN) and unknown (ONBEKEND) lines do not count.")
            String countedAmount,
            @Schema(description = "The lines of the creditor's latest Saldoverzoek antwoord, in its order.")
            List<ClaimLineResponse> lines,
            @Schema(description = "Claim status: NEW, SALDO_REQUESTED, SALDO_CONFIRMED, PRE_AGREED, NO_COOPERATION (the "
                    + "creditor refuses), NO_DEBT (Geen medewerking, klant onbekend), NOT_REACHED (the Saldoverzoek became "
                    + "a dead letter or expired), OVERDUE (no answer within the term), PASSED_OVER (the SHV proceeds "
                    + "without this creditor), PROPOSAL_SENT, ACCEPTED, REJECTED, RECONSIDERATION_REQUESTED, SETTLED, "
                    + "TERMINATED or WITHDRAWN; see docs/workflow.md.")
            String status,
            @Schema(description = "Why the creditor will not cooperate, when its latest answer was Geen medewerking.",
                    allowableValues = {"KLANT_ONBEKEND", "FINALE_KWIJTING_ONTVANGEN", "RECENTE_STABILISATIEPOGING",
                            "GEEN_SAMENWERKING_SHV"})
            String noCooperationReason,
            @Schema(description = "ConversatieReferentienummer of the exchange with this creditor about this claim.")
            UUID conversationReference,
            Instant updatedAt,
            // -- deadlines (issue 14, item 9)
            @Schema(description = "The last working day on which the creditor's answer to its latest Saldoverzoek "
                    + "is on time: the 10th Dutch working day after the day it reached the creditor (delivered, or "
                    + "fetched from its mailbox); the term ends at the end of that day, Dutch time. Absent until the "
                    + "Saldoverzoek reached the creditor.") LocalDate answerDueOn,
            @Schema(description = "When the gateway queued a reminder (Statusbericht SHV) to the creditor.")
            Instant remindedAt,
            @Schema(description = "The answer term ran out without an answer (status OVERDUE); the SHV may proceed "
                    + "without this creditor (POST .../proceed-without).") boolean overdue,

            // ---- answers (issue 14, item 7)
            @Schema(description = "The Kennisgeving sent to this creditor at intake and its answer; absent when the "
                    + "dossier was submitted without kennisgeving.")
            KennisgevingResponse kennisgeving) {}

    @Schema(name = "Kennisgeving", description = "The Kennisgeving (or Kennisgeving Publiek) to one creditor and its answer.")
    record KennisgevingResponse(
            @Schema(description = "Queued to the creditor at intake, before its Saldoverzoek.") boolean sent,
            @Schema(description = "Whether the creditor answered it.") boolean answered,
            @Schema(description = "The answer: an AntwoordKennisgeving of a Kennisgeving antwoord (ONTVANGEN, "
                    + "INCASSO_OPGESCHORT, GEEN_OPENSTAANDE_VORDERING), or GEEN_MEDEWERKING (the claim moves as for a "
                    + "Geen medewerking to the Saldoverzoek; see noCooperationReason).") String answer,
            Instant answeredAt,
            @Schema(description = "The creditor's own number for the client (KlantnummerSE): as the SHV gave it, or as "
                    + "the creditor's first message stated it.") String klantnummerSE) {}

    @Schema(name = "ClaimLine", description = "One claim line (VorderingSE) of a creditor's Saldoverzoek antwoord.")
    record ClaimLineResponse(
            @Schema(description = "FactuurnummerSE.") String invoiceNumberSe,
            @Schema(description = "FactuurnummerSEVolgensSHV.") String invoiceNumberShv,
            @Schema(description = "Schuldtype.", allowableValues = {"OPENSTAAND", "OVERGEDRAGEN", "ONBEKEND"})
            String debtType,
            @Schema(description = "VorderingsType.") String claimType,
            @Schema(description = "Ontstaansdatum.") LocalDate originDate,
            @Schema(description = "OorspronkelijkBedrag, euros with two decimals.") String originalAmount,
            @Schema(description = "Hoofdsom.") String principal,
            @Schema(description = "Rente.") String interest,
            @Schema(description = "Kosten.") String costs,
            @Schema(description = "ActueelVorderingsbedrag.") String currentAmount,
            @Schema(description = "For a transferred line: the party that holds the debt now (OvergedragenAan), "
                    + "for the SHV to add as a creditor.") String transferredTo,
            @Schema(description = "Whether the line counts for the settlement (only OPENSTAAND lines do).")
            boolean counted) {}

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
