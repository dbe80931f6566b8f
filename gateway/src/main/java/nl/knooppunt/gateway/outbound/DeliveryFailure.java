package nl.knooppunt.gateway.outbound;

import java.time.Duration;
import java.util.Optional;

/**
 * A batch that did not get through as a whole. Recoverable failures (timeouts, refused
 * connections, HTTP 408/429/5xx, SOAP server faults) are retried with backoff; unrecoverable ones
 * (the recipient refuses the batch itself as invalid) make its messages dead letters at once.
 *
 * <p>A recoverable failure may say how long the recipient asked us to wait (HTTP {@code Retry-After},
 * an SFTP server's quota message): the next attempt then comes no earlier than that, and the wait
 * still counts as one of the batch's attempts.
 */
public class DeliveryFailure extends Exception {

    private final boolean recoverable;
    private final Duration retryAfter;

    public DeliveryFailure(String reason, boolean recoverable, Throwable cause) {
        this(reason, recoverable, cause, null);
    }

    private DeliveryFailure(String reason, boolean recoverable, Throwable cause, Duration retryAfter) {
        super(reason, cause);
        if (retryAfter != null && (!recoverable || retryAfter.isNegative())) {
            throw new IllegalArgumentException("Only a recoverable failure has a retry-after, and it is not negative");
        }
        this.recoverable = recoverable;
        this.retryAfter = retryAfter;
    }

    public static DeliveryFailure recoverable(String reason, Throwable cause) {
        return new DeliveryFailure(reason, true, cause, null);
    }

    /** A recoverable failure where the recipient asked for a wait: try again no earlier than {@code retryAfter}. */
    public static DeliveryFailure recoverable(String reason, Throwable cause, Duration retryAfter) {
        return new DeliveryFailure(reason, true, cause, retryAfter);
    }

    public static DeliveryFailure unrecoverable(String reason, Throwable cause) {
        return new DeliveryFailure(reason, false, cause, null);
    }

    public boolean isRecoverable() {
        return recoverable;
    }

    /** How long the recipient asked us to wait before the next attempt, if it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
