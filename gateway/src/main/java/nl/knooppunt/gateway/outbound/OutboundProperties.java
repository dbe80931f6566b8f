package nl.knooppunt.gateway.outbound;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the outbound engine; see docs/delivery.md.
 *
 * @param tick how often each gateway instance looks for batches that are due
 * @param deliveryThreads how many creditors one instance serves at the same time (the bulkhead)
 * @param lease how long a claimed batch stays reserved for the instance sending it; renewed
 *     while sending, so only a dead or stuck instance loses it
 * @param maxAttempts attempts per batch before its messages become dead letters
 * @param initialBackoff wait before the second attempt
 * @param backoffMultiplier growth of the wait per attempt
 * @param maxBackoff upper bound of the wait
 * @param backoffJitter randomisation of each wait (0.5 means +/- 50%)
 * @param pageSize messages read from the database at a time while streaming a batch
 * @param batchesPerTurn batches one delivery thread sends to a creditor before it lets go of it
 * @param mailboxExpiryWorkingDays working days a creditor has to fetch and confirm
 * @param breaker the circuit breaker each creditor gets
 */
@ConfigurationProperties("knooppunt.outbound")
public record OutboundProperties(
        @DefaultValue("2s") Duration tick,
        @DefaultValue("16") int deliveryThreads,
        @DefaultValue("2m") Duration lease,
        @DefaultValue("8") int maxAttempts,
        @DefaultValue("30s") Duration initialBackoff,
        @DefaultValue("2.0") double backoffMultiplier,
        @DefaultValue("1h") Duration maxBackoff,
        @DefaultValue("0.5") double backoffJitter,
        @DefaultValue("500") int pageSize,
        @DefaultValue("20") int batchesPerTurn,
        @DefaultValue("5") int mailboxExpiryWorkingDays,
        @DefaultValue Breaker breaker) {

    /**
     * @param failureRateThreshold percentage of failed calls that opens the breaker
     * @param slidingWindowSize calls the failure rate is computed over
     * @param minimumNumberOfCalls calls needed before the rate counts
     * @param waitInOpenState how long an open breaker refuses calls before trying again
     */
    public record Breaker(
            @DefaultValue("50") float failureRateThreshold,
            @DefaultValue("10") int slidingWindowSize,
            @DefaultValue("3") int minimumNumberOfCalls,
            @DefaultValue("1m") Duration waitInOpenState) {}
}
