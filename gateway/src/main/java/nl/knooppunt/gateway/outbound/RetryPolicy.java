package nl.knooppunt.gateway.outbound;

import io.github.resilience4j.core.IntervalFunction;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * How often and how far apart a failing batch is retried: exponential backoff with random jitter
 * (Resilience4j's interval function), so that many batches failing at once do not all come back
 * at the same moment.
 */
@Component
public class RetryPolicy {

    private final IntervalFunction backoff;
    private final int maxAttempts;

    RetryPolicy(OutboundProperties properties) {
        this.backoff = IntervalFunction.ofExponentialRandomBackoff(properties.initialBackoff(),
                properties.backoffMultiplier(), properties.backoffJitter(), properties.maxBackoff());
        this.maxAttempts = properties.maxAttempts();
    }

    /** The wait after the given failed attempt (1 = the first send). */
    public Duration delayAfter(int failedAttempt) {
        return Duration.ofMillis(backoff.apply(failedAttempt));
    }

    public boolean mayRetryAfter(int failedAttempt) {
        return failedAttempt < maxAttempts;
    }

    public int maxAttempts() {
        return maxAttempts;
    }
}
