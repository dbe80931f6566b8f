package nl.knooppunt.gateway.outbound;

import java.util.UUID;

/** A batch this instance holds the lease on, for one attempt. */
public record ClaimedBatch(UUID batchId, UUID recipientId, String messageType, int messageCount, int attempt,
                           String owner) {}
