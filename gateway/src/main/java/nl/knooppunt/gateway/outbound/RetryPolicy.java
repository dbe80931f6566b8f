package nl.knooppunt.gateway.outbound;

import io.github.resilience4j.core.IntervalFunction;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
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

    /**
     * When the batch may be tried again after the given failed attempt: after the backoff, or after
     * the wait the recipient asked for, whichever is later.
     */
    public Instant nextAttemptAt(int failedAttempt, Instant failedAt, Optional<Duration> retryAfter) {
        Duration wait = delayAfter(failedAttempt);
        if (retryAfter.isPresent() && retryAfter.get().compareTo(wait) > 0) {
            wait = retryAfter.get();
        }
        return failedAt.plus(wait);
    }

    public boolean mayRetryAfter(int failedAttempt) {
        return failedAttempt < maxAttempts;
    }

    public int maxAttempts() {
        return maxAttempts;
    }
}
