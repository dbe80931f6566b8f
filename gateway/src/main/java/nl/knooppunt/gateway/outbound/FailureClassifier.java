package nl.knooppunt.gateway.outbound;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
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
        if (failure instanceof DeliveryFailure f) {
            return f;
        }
        String reason = what + ": " + failure.getClass().getSimpleName()
                + (failure.getMessage() == null ? "" : " " + failure.getMessage());
        return new DeliveryFailure(reason, isRecoverable(failure), failure);
    }
}
