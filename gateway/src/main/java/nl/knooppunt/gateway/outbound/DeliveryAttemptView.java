package nl.knooppunt.gateway.outbound;

import java.time.Instant;
import java.util.UUID;

/** One attempt to send a batch that carried the message, with its outcome for the whole batch and for the message. */
public record DeliveryAttemptView(UUID batchId, int attempt, String owner, Instant startedAt, Instant finishedAt,
                                  AttemptOutcome outcome, String detail, MemberOutcome messageOutcome) {}
