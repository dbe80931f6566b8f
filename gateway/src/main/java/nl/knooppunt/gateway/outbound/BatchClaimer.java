package nl.knooppunt.gateway.outbound;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.knooppunt.gateway.registry.CreditorChannel;
import nl.knooppunt.gateway.registry.Participant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes the next batch of one recipient for sending, in a short transaction of its own:
 *
 * <ol>
 *   <li>a batch whose sender died (its lease ran out) is taken over and sent again, same id;
 *   <li>else the oldest batch waiting for a retry, once its time has come;
 *   <li>else, when pending messages are due or fill a batch ({@link OutboundRepository#DUE_OR_FULL},
 *       the rule the finder uses too), a new batch of the oldest of them.
 * </ol>
 *
 * The recipient's row is locked with {@code SKIP LOCKED}, so two instances never claim for the same
 * recipient at once, and a partial unique index allows one batch in {@code SENDING} per recipient.
 */
@Component
class BatchClaimer {

    private static final Logger log = LoggerFactory.getLogger(BatchClaimer.class);

    private final OutboundRepository outbound;
    private final MessageMoves moves;
    private final OutboundProperties properties;
    private final Clock clock;

    BatchClaimer(OutboundRepository outbound, MessageMoves moves, OutboundProperties properties, Clock clock) {
        this.outbound = outbound;
        this.moves = moves;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Optional<ClaimedBatch> claimNext(Participant recipient, boolean perMessageType, String owner) {
        UUID recipientId = recipient.id();
        if (!outbound.lockRecipient(recipientId)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Instant leaseUntil = now.plus(properties.lease());

        Optional<OutboundRepository.BatchRow> sending = outbound.findSendingBatch(recipientId, now);
        if (sending.isPresent()) {
            OutboundRepository.BatchRow batch = sending.get();
            if (!batch.takeable()) {
                return Optional.empty();
            }
            log.warn("Batch {} of recipient {}: lease of {} ran out during attempt {}; taking it over",
                    batch.id(), recipient.oin(), batch.leaseOwner(), batch.attempts());
            outbound.finishAttempt(batch.id(), batch.attempts(), AttemptOutcome.LEASE_EXPIRED,
                    "sender " + batch.leaseOwner() + " did not finish", now);
            return Optional.of(lease(batch, recipientId, owner, now, leaseUntil));
        }

        Optional<OutboundRepository.BatchRow> ready = outbound.findOldestReadyBatch(recipientId, now);
        if (ready.isPresent()) {
            // While a batch waits for its retry, no new batch forms: the recipient is having trouble.
            return ready.get().takeable()
                    ? Optional.of(lease(ready.get(), recipientId, owner, now, leaseUntil))
                    : Optional.empty();
        }

        if (!outbound.hasDueOrFullPending(recipientId, now)) {
            return Optional.empty();
        }
        CreditorChannel channel = recipient.channel().orElseThrow();
        String messageType = perMessageType ? outbound.oldestPendingType(recipientId).orElse(null) : null;
        UUID batchId = UUID.randomUUID();
        // As the database stores it (microseconds), so a resend reads back exactly this creation time.
        Instant createdAt = now.truncatedTo(ChronoUnit.MICROS);
        outbound.insertBatch(batchId, recipientId, channel.type().name(), messageType, owner, createdAt, leaseUntil);
        int count = outbound.addMembers(batchId, recipientId, messageType, channel.maxBatchSize());
        if (count == 0) {
            outbound.deleteEmptyBatch(batchId);
            return Optional.empty();
        }
        moves.moveMembers(batchId, count, OutboundStatus.BATCHED, "current_batch_id = :batch", "true", Map.of(), now);
        outbound.startAttempt(batchId, 1, owner, now);
        log.info("Batch {} formed for recipient {}: {} message(s)", batchId, recipient.oin(), count);
        return Optional.of(new ClaimedBatch(batchId, recipientId, messageType, count, 1, owner, createdAt));
    }

    private ClaimedBatch lease(OutboundRepository.BatchRow batch, UUID recipientId, String owner, Instant now,
                               Instant leaseUntil) {
        int attempt = batch.attempts() + 1;
        outbound.leaseForAttempt(batch.id(), attempt, owner, now, leaseUntil);
        outbound.startAttempt(batch.id(), attempt, owner, now);
        return new ClaimedBatch(batch.id(), recipientId, batch.messageType(), batch.messageCount(), attempt, owner,
                batch.createdAt());
    }
}
