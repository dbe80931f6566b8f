package nl.knooppunt.gateway.outbound;

import java.time.Instant;
import java.util.UUID;

/**
 * A batch this instance holds the lease on, for one attempt.
 *
 * @param createdAt when the batch was formed (its row's {@code created_at}): the same on every attempt
 */
public record ClaimedBatch(UUID batchId, UUID recipientId, String messageType, int messageCount, int attempt,
                           String owner, Instant createdAt) {}
