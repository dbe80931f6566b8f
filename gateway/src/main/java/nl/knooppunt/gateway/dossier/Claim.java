package nl.knooppunt.gateway.dossier;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One creditor's claim in a dossier, with the conversation the gateway holds with it. */
public record Claim(
        UUID id,
        UUID dossierId,
        UUID creditorId,
        String creditorOin,
        String creditorName,
        int position,
        String clientNumberAtCreditor,
        List<String> invoiceNumbers,
        BigDecimal amountKnownToShv,
        BigDecimal confirmedAmount,
        ClaimStatus status,
        /* Why the creditor will not cooperate (a RedenGeenMedewerking code), if its latest answer was Geen medewerking. */
        String noCooperationReason,
        UUID conversationReference,
        Instant updatedAt) {}
