package nl.knooppunt.gateway.outbound;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/**
 * Decides whether a failed delivery is worth retrying. One place for the rule, used by every
 * channel: network trouble and the creditor's temporary problems are recoverable; the creditor
 * telling us the request itself is wrong is not.
 */
public final class FailureClassifier {

    private FailureClassifier() {}

    /** HTTP: 408, 429 and 5xx are temporary; other 4xx mean the request itself is refused. */
    public static boolean isRecoverableHttpStatus(int status) {
        return status == 408 || status == 429 || status >= 500;
    }

    /**
     * HTTP: the failure that an answer with this (non-2xx) status means for the batch. A recoverable one
     * carries the recipient's {@code Retry-After} (RFC 9110: delay-seconds or an HTTP-date), if it gave
     * one that can be read; an unreadable one is ignored, and the backoff applies.
     *
     * @param retryAfter the {@code Retry-After} header, or null
     * @param now the engine's clock, to turn an HTTP-date into a wait
     */
    public static DeliveryFailure httpFailure(int status, String retryAfter, Instant now, String reason) {
        String what = "HTTP " + status + (reason == null || reason.isBlank() ? "" : ": " + reason);
        if (!isRecoverableHttpStatus(status)) {
            return DeliveryFailure.unrecoverable(what, null);
        }
        Optional<Duration> wait = retryAfter(retryAfter, now);
        return wait.isPresent()
                ? DeliveryFailure.recoverable(what + " (retry after " + wait.get().toSeconds() + " s)", null, wait.get())
                : DeliveryFailure.recoverable(what, null);
    }

    /** A {@code Retry-After} value as a wait from {@code now}: never negative; empty when absent or unreadable. */
    public static Optional<Duration> retryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.trim();
        if (value.chars().allMatch(Character::isDigit)) {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        try {
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** SOAP: a Server (1.1) / Receiver (1.2) fault is the creditor's problem; Client/Sender is ours. */
    public static boolean isRecoverableSoapFault(String faultCodeLocalPart) {
        return "Server".equals(faultCodeLocalPart) || "Receiver".equals(faultCodeLocalPart);
    }

    /** Exceptions: timeouts, refused or broken connections and other I/O trouble are temporary. */
    public static boolean isRecoverable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SocketTimeoutException || t instanceof HttpTimeoutException
                    || t instanceof TimeoutException || t instanceof ConnectException) {
                return true;
            }
            if (t instanceof IOException) {
                return true;
            }
            if (t instanceof DeliveryFailure f) {
                return f.isRecoverable();
            }
        }
        return false;
    }

    /** Wraps any exception of a channel as a classified failure. */
    public static DeliveryFailure classify(String what, Throwable failure) {
        // A channel's own verdict may come back wrapped by the transport (e.g. a Camel processor's).
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof DeliveryFailure f) {
                return f;
            }
        }
        String reason = what + ": " + failure.getClass().getSimpleName()
                + (failure.getMessage() == null ? "" : " " + failure.getMessage());
        return new DeliveryFailure(reason, isRecoverable(failure), failure);
    }
}
