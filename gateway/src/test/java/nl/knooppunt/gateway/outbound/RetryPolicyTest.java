package nl.knooppunt.gateway.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    static OutboundProperties properties(int maxAttempts, Duration initial, double jitter, Duration max) {
        return new OutboundProperties(Duration.ofSeconds(2), 4, Duration.ofMinutes(2), maxAttempts, initial, 2.0, max,
                jitter, 500, 20, 5, ZoneId.of("Europe/Amsterdam"),
                new OutboundProperties.Breaker(50, 10, 3, Duration.ofMinutes(1)));
    }

    @Test
    void waitGrowsExponentiallyWithinTheJitterBand() {
        RetryPolicy policy = new RetryPolicy(properties(8, Duration.ofSeconds(30), 0.5, Duration.ofHours(1)));
        for (int attempt = 1; attempt <= 4; attempt++) {
            long base = 30_000L << (attempt - 1);
            for (int i = 0; i < 50; i++) {
                assertThat(policy.delayAfter(attempt).toMillis()).isBetween(base / 2, base * 3 / 2);
            }
        }
    }

    @Test
    void jitterSpreadsRetriesOfBatchesThatFailedTogether() {
        RetryPolicy policy = new RetryPolicy(properties(8, Duration.ofSeconds(30), 0.5, Duration.ofHours(1)));
        Set<Duration> delays = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            delays.add(policy.delayAfter(1));
        }
        assertThat(delays).hasSizeGreaterThan(10);
    }

    @Test
    void waitNeverExceedsTheMaximum() {
        RetryPolicy policy = new RetryPolicy(properties(30, Duration.ofSeconds(30), 0.0, Duration.ofMinutes(10)));
        assertThat(policy.delayAfter(20)).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void attemptsRunOut() {
        RetryPolicy policy = new RetryPolicy(properties(3, Duration.ofSeconds(1), 0.5, Duration.ofMinutes(1)));
        assertThat(policy.mayRetryAfter(1)).isTrue();
        assertThat(policy.mayRetryAfter(2)).isTrue();
        assertThat(policy.mayRetryAfter(3)).isFalse();
    }
}
