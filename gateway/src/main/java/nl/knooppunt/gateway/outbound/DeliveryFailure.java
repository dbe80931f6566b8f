package nl.knooppunt.gateway.outbound;

/**
 * A batch that did not get through as a whole. Recoverable failures (timeouts, refused
 * connections, HTTP 408/429/5xx, SOAP server faults) are retried with backoff; unrecoverable ones
 * (the creditor refuses the batch itself as invalid) make its messages dead letters at once.
 */
public class DeliveryFailure extends Exception {

    private final boolean recoverable;

    public DeliveryFailure(String reason, boolean recoverable, Throwable cause) {
        super(reason, cause);
        this.recoverable = recoverable;
    }

    public static DeliveryFailure recoverable(String reason, Throwable cause) {
        return new DeliveryFailure(reason, true, cause);
    }

    public static DeliveryFailure unrecoverable(String reason, Throwable cause) {
        return new DeliveryFailure(reason, false, cause);
    }

    public boolean isRecoverable() {
        return recoverable;
    }
}
