package nl.knooppunt.gateway.outbound;

import static nl.knooppunt.gateway.database.Timestamps.utc;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.knooppunt.gateway.time.WorkingDayCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes the outcome of one attempt, exactly once: only the instance that still holds the lease
 * for that attempt may record it, and each message's outcome in a batch is written once.
 */
@Component
class OutcomeRecorder {

    private static final Logger log = LoggerFactory.getLogger(OutcomeRecorder.class);

    private final OutboundRepository outbound;
    private final MessageMoves moves;
    private final RetryPolicy retries;
    private final WorkingDayCalendar workingDays;
    private final OutboundProperties properties;
    private final Clock clock;

    OutcomeRecorder(OutboundRepository outbound, MessageMoves moves, RetryPolicy retries, WorkingDayCalendar workingDays,
                    OutboundProperties properties, Clock clock) {
        this.outbound = outbound;
        this.moves = moves;
        this.retries = retries;
        this.workingDays = workingDays;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * The recipient answered: rejected messages become dead letters, all others are delivered (or
     * placed in the mailbox). Listeners hear of each message in this transaction.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public boolean delivered(ClaimedBatch batch, BatchResult result, OutboundChannel.Delivery delivery) {
        if (!stillOurs(batch)) {
            return false;
        }
        Instant now = clock.instant();
        int rejected = 0;
        for (Map.Entry<UUID, String> rejection : result.rejected().entrySet()) {
            if (outbound.rejectMember(batch.batchId(), rejection.getKey(), rejection.getValue())) {
                rejected++;
            } else {
                log.warn("Batch {}: recipient rejected message {} that is not in this batch", batch.batchId(),
                        rejection.getKey());
            }
        }
        int accepted = outbound.acceptRemainingMembers(batch.batchId());
        String ofThisBatch = "m.current_batch_id = :batch and b.outcome = :outcome";
        if (delivery == OutboundChannel.Delivery.MAILBOX) {
            Map<String, Object> params = new HashMap<>();
            params.put("outcome", MemberOutcome.ACCEPTED.name());
            params.put("expires", utc(workingDays.endOfWorkingDaysAfter(now, properties.mailboxExpiryWorkingDays())));
            moves.moveMembers(batch.batchId(), batch.messageCount(), OutboundStatus.IN_MAILBOX,
                    "delivered_at = :at, expires_at = :expires, last_error = null", ofThisBatch, params, now);
        } else {
            moves.moveMembers(batch.batchId(), batch.messageCount(), OutboundStatus.DELIVERED,
                    "delivered_at = :at, expires_at = null, last_error = null", ofThisBatch,
                    Map.of("outcome", MemberOutcome.ACCEPTED.name()), now);
        }
        if (rejected > 0) {
            moves.moveMembers(batch.batchId(), batch.messageCount(), OutboundStatus.DEAD,
                    "last_error = 'rejected by creditor: ' || b.outcome_detail", ofThisBatch,
                    Map.of("outcome", MemberOutcome.REJECTED.name()), now);
        }
        outbound.completeBatch(batch.batchId(), BatchStatus.COMPLETED, null, null, now);
        outbound.finishAttempt(batch.batchId(), batch.attempt(), AttemptOutcome.DELIVERED,
                accepted + " accepted, " + rejected + " rejected", now);
        log.info("Batch {} delivered on attempt {}: {} accepted, {} rejected", batch.batchId(), batch.attempt(),
                accepted, rejected);
        return true;
    }

    /**
     * The batch did not get through. A recoverable failure is retried after a backoff (or the wait
     * the recipient asked for, if longer) until the attempts run out; then, or at once for an
     * unrecoverable failure, its messages become dead letters.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public boolean failed(ClaimedBatch batch, DeliveryFailure failure) {
        if (!stillOurs(batch)) {
            return false;
        }
        Instant now = clock.instant();
        String reason = failure.getMessage();
        if (failure.isRecoverable() && retries.mayRetryAfter(batch.attempt())) {
            Instant next = retries.nextAttemptAt(batch.attempt(), now, failure.retryAfter());
            outbound.completeBatch(batch.batchId(), BatchStatus.READY, reason, next, now);
            outbound.finishAttempt(batch.batchId(), batch.attempt(), AttemptOutcome.TRANSPORT_FAILURE, reason, now);
            log.warn("Batch {} failed on attempt {} ({}); next attempt at {}", batch.batchId(), batch.attempt(),
                    reason, next);
            return true;
        }
        String deadReason = failure.isRecoverable()
                ? "gave up after " + batch.attempt() + " attempts; last: " + reason
                : "not deliverable: " + reason;
        moves.moveMembers(batch.batchId(), batch.messageCount(), OutboundStatus.DEAD, "last_error = :reason",
                "m.current_batch_id = :batch", Map.of("reason", deadReason), now);
        outbound.completeBatch(batch.batchId(), BatchStatus.DEAD, deadReason, null, now);
        outbound.finishAttempt(batch.batchId(), batch.attempt(),
                failure.isRecoverable() ? AttemptOutcome.TRANSPORT_FAILURE : AttemptOutcome.UNRECOVERABLE, reason, now);
        log.error("Batch {} is dead after attempt {}: {}", batch.batchId(), batch.attempt(), deadReason);
        return true;
    }

    private boolean stillOurs(ClaimedBatch batch) {
        Optional<OutboundRepository.BatchRow> row = outbound.lockBatch(batch.batchId());
        boolean ours = row.isPresent()
                && row.get().status() == BatchStatus.SENDING
                && batch.owner().equals(row.get().leaseOwner())
                && row.get().attempts() == batch.attempt();
        if (!ours) {
            log.warn("Batch {}: attempt {} lost its lease before finishing; its outcome is not recorded "
                    + "(the batch is resent under the same id)", batch.batchId(), batch.attempt());
        }
        return ours;
    }
}
