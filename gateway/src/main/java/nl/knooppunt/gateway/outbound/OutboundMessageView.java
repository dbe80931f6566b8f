package nl.knooppunt.gateway.outbound;

import java.time.Instant;
import java.util.UUID;

/** An outgoing message as the SHV and the operator see it: where it is, and what went wrong. */
public record OutboundMessageView(
        UUID reference,
        UUID claimId,
        String recipientOin,
        String messageType,
        OutboundStatus status,
        Instant enqueuedAt,
        Instant dueAt,
        Instant deliveredAt,
        Instant expiresAt,
        int attempts,
        String lastError) {}
