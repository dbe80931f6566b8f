package nl.knooppunt.gateway.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    static OutboundProperties properties(int maxAttempts, Duration initial, double jitter, Duration max) {
        return new OutboundProperties(Duration.ofSeconds(2), 4, Duration.ofMinutes(2), maxAttempts, initial, 2.0, max,
                jitter, 500, 20, 5,
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

    @Test
    void nextAttemptWaitsForTheRecipientsRetryAfterWhenItIsLongerThanTheBackoff() {
        RetryPolicy policy = new RetryPolicy(properties(8, Duration.ofSeconds(30), 0.0, Duration.ofHours(1)));
        Instant failedAt = Instant.parse("2026-11-23T09:00:00Z");

        assertThat(policy.nextAttemptAt(1, failedAt, Optional.empty())).isEqualTo(failedAt.plusSeconds(30));
        assertThat(policy.nextAttemptAt(1, failedAt, Optional.of(Duration.ofMinutes(5))))
                .isEqualTo(failedAt.plus(Duration.ofMinutes(5)));
        assertThat(policy.nextAttemptAt(1, failedAt, Optional.of(Duration.ofSeconds(5))))
                .as("a shorter wait does not cut the backoff").isEqualTo(failedAt.plusSeconds(30));
        // Beyond the maximum backoff too: the recipient knows best when it can take the batch.
        assertThat(policy.nextAttemptAt(1, failedAt, Optional.of(Duration.ofHours(3))))
                .isEqualTo(failedAt.plus(Duration.ofHours(3)));
    }

    @Test
    void onlyARecoverableFailureCarriesARetryAfter() {
        assertThat(DeliveryFailure.recoverable("HTTP 503", null, Duration.ofSeconds(120)).retryAfter())
                .contains(Duration.ofSeconds(120));
        assertThat(DeliveryFailure.recoverable("timeout", null).retryAfter()).isEmpty();
        assertThatThrownBy(() -> DeliveryFailure.recoverable("x", null, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
