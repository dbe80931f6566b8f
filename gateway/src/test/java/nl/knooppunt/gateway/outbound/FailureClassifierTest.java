package nl.knooppunt.gateway.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FailureClassifierTest {

    @ParameterizedTest(name = "HTTP {0} is temporary")
    @ValueSource(ints = {408, 429, 500, 502, 503, 504})
    void temporaryHttpStatuses(int status) {
        assertThat(FailureClassifier.isRecoverableHttpStatus(status)).isTrue();
    }

    @ParameterizedTest(name = "HTTP {0} means the request is refused")
    @ValueSource(ints = {400, 401, 403, 404, 409, 413, 415, 422})
    void refusingHttpStatuses(int status) {
        assertThat(FailureClassifier.isRecoverableHttpStatus(status)).isFalse();
    }

    @Test
    void soapServerFaultsAreTemporaryClientFaultsAreNot() {
        assertThat(FailureClassifier.isRecoverableSoapFault("Server")).isTrue();
        assertThat(FailureClassifier.isRecoverableSoapFault("Receiver")).isTrue();
        assertThat(FailureClassifier.isRecoverableSoapFault("Client")).isFalse();
        assertThat(FailureClassifier.isRecoverableSoapFault("Sender")).isFalse();
    }

    @Test
    void networkTroubleIsTemporaryEvenWhenWrapped() {
        assertThat(FailureClassifier.isRecoverable(new ConnectException("refused"))).isTrue();
        assertThat(FailureClassifier.isRecoverable(new SocketTimeoutException("read timed out"))).isTrue();
        assertThat(FailureClassifier.isRecoverable(new HttpTimeoutException("timeout"))).isTrue();
        assertThat(FailureClassifier.isRecoverable(new SSLHandshakeException("handshake"))).isTrue();
        assertThat(FailureClassifier.isRecoverable(new RuntimeException("wrapped", new IOException("broken pipe"))))
                .isTrue();
    }

    @Test
    void programmingErrorsAreNotRetried() {
        assertThat(FailureClassifier.isRecoverable(new IllegalArgumentException("bad message"))).isFalse();
        DeliveryFailure classified = FailureClassifier.classify("REST channel", new IllegalStateException("bug"));
        assertThat(classified.isRecoverable()).isFalse();
        assertThat(classified.getMessage()).isEqualTo("REST channel: IllegalStateException bug");
    }

    @Test
    void alreadyClassifiedFailuresKeepTheirVerdict() {
        DeliveryFailure refused = DeliveryFailure.unrecoverable("HTTP 400", null);
        assertThat(FailureClassifier.classify("x", refused)).isSameAs(refused);
        assertThat(FailureClassifier.isRecoverable(new RuntimeException(refused))).isFalse();
    }

    @Test
    void retryAfterInSecondsOrAsHttpDate() {
        Instant now = Instant.parse("2026-11-23T09:00:00Z");
        assertThat(FailureClassifier.retryAfter("120", now)).contains(Duration.ofMinutes(2));
        assertThat(FailureClassifier.retryAfter("Mon, 23 Nov 2026 09:05:00 GMT", now)).contains(Duration.ofMinutes(5));
        assertThat(FailureClassifier.retryAfter("Mon, 23 Nov 2026 08:00:00 GMT", now)).as("a date passed")
                .contains(Duration.ZERO);
        assertThat(FailureClassifier.retryAfter("soon", now)).isEmpty();
        assertThat(FailureClassifier.retryAfter(null, now)).isEmpty();
    }

    @Test
    void httpAnswersAreClassifiedByStatusWithTheirRetryAfter() {
        Instant now = Instant.parse("2026-11-23T09:00:00Z");
        DeliveryFailure busy = FailureClassifier.httpFailure(429, "30", now, "slow down");
        assertThat(busy.isRecoverable()).isTrue();
        assertThat(busy.retryAfter()).contains(Duration.ofSeconds(30));
        assertThat(busy.getMessage()).startsWith("HTTP 429: slow down");
        assertThat(FailureClassifier.httpFailure(503, null, now, null).retryAfter()).isEmpty();
        DeliveryFailure refused = FailureClassifier.httpFailure(400, "30", now, "bad batch");
        assertThat(refused.isRecoverable()).isFalse();
        assertThat(refused.retryAfter()).isEmpty();
    }
}
