package nl.knooppunt.gateway.outbound;

import java.time.Clock;
import java.time.Instant;
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
 * Takes the next batch of one creditor for sending, in a short transaction of its own:
 *
 * <ol>
 *   <li>a batch whose sender died (its lease ran out) is taken over and sent again, same id;
 *   <li>else the oldest batch waiting for a retry, once its time has come;
 *   <li>else, when pending messages are due or fill a batch, a new batch of the oldest of them.
 * </ol>
 *
 * The creditor row is locked with {@code SKIP LOCKED}, so two instances never claim for the same
 * creditor at once, and a partial unique index allows one batch in {@code SENDING} per creditor.
 */
@Component
class BatchClaimer {

    private static final Logger log = LoggerFactory.getLogger(BatchClaimer.class);

    private final OutboundRepository outbound;
    private final OutboundProperties properties;
    private final Clock clock;

    BatchClaimer(OutboundRepository outbound, OutboundProperties properties, Clock clock) {
        this.outbound = outbound;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Optional<ClaimedBatch> claimNext(Participant creditor, boolean perMessageType, String owner) {
        UUID creditorId = creditor.id();
        if (!outbound.lockCreditor(creditorId)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Instant leaseUntil = now.plus(properties.lease());

        Optional<OutboundRepository.BatchRow> sending = outbound.findSendingBatch(creditorId);
        if (sending.isPresent()) {
            OutboundRepository.BatchRow batch = sending.get();
            if (batch.leaseUntil() != null && batch.leaseUntil().isAfter(now)) {
                return Optional.empty();
            }
            log.warn("Batch {} of creditor {}: lease of {} ran out during attempt {}; taking it over",
                    batch.id(), creditor.oin(), batch.leaseOwner(), batch.attempts());
            outbound.finishAttempt(batch.id(), batch.attempts(), "LEASE_EXPIRED",
                    "sender " + batch.leaseOwner() + " did not finish", now);
            return Optional.of(lease(batch, creditorId, owner, now, leaseUntil));
        }

        Optional<OutboundRepository.BatchRow> ready = outbound.findOldestReadyBatch(creditorId);
        if (ready.isPresent()) {
            // While a batch waits for its retry, no new batch forms: the creditor is having trouble.
            return ready.get().nextAttemptAt().isAfter(now)
                    ? Optional.empty()
                    : Optional.of(lease(ready.get(), creditorId, owner, now, leaseUntil));
        }

        CreditorChannel channel = creditor.channel().orElseThrow();
        if (!outbound.hasDuePending(creditorId, channel.maxBatchSize(), now)) {
            return Optional.empty();
        }
        String messageType = perMessageType ? outbound.oldestPendingType(creditorId).orElse(null) : null;
        UUID batchId = UUID.randomUUID();
        outbound.insertBatch(batchId, creditorId, channel.type().name(), messageType, owner, now, leaseUntil);
        int count = outbound.fillBatch(batchId, creditorId, messageType, channel.maxBatchSize());
        if (count == 0) {
            outbound.deleteEmptyBatch(batchId);
            return Optional.empty();
        }
        outbound.startAttempt(batchId, 1, owner, now);
        log.info("Batch {} formed for creditor {}: {} message(s)", batchId, creditor.oin(), count);
        return Optional.of(new ClaimedBatch(batchId, creditorId, messageType, count, 1, owner));
    }

    private ClaimedBatch lease(OutboundRepository.BatchRow batch, UUID creditorId, String owner, Instant now,
                               Instant leaseUntil) {
        int attempt = batch.attempts() + 1;
        outbound.leaseForAttempt(batch.id(), attempt, owner, now, leaseUntil);
        outbound.startAttempt(batch.id(), attempt, owner, now);
        return new ClaimedBatch(batch.id(), creditorId, batch.messageType(), batch.messageCount(), attempt, owner);
    }
}
