package nl.knooppunt.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import nl.knooppunt.gateway.inbound.InboundOutcome;
import nl.knooppunt.gateway.inbound.InboundRejectedException;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** The REST problem a creditor gets for the refusals of issue 14's answers slice (defects 3 and 5). */
class InboundRefusalProblemTest {

    private final ProblemHandler handler = new ProblemHandler();

    @Test
    void aBusinessKeyMismatchIsA422WithItsStableType() {
        ResponseEntity<ProblemDetail> response = handler.refused(new InboundRejectedException(
                InboundOutcome.BUSINESS_KEY_MISMATCH, "KlantnummerSE is not ...; nothing was changed"));

        assertThat(response.getStatusCode().value()).isEqualTo(422);
        assertThat(response.getBody().getType().toString()).isEqualTo("urn:knooppunt:problem:inbound-business-key-mismatch");
        assertThat(response.getBody().getDetail()).startsWith("KlantnummerSE");
    }

    @Test
    void noConvenantIsA403WithItsStableType() {
        ResponseEntity<ProblemDetail> response = handler.refused(new InboundRejectedException(
                InboundOutcome.NO_CONVENANT, "no convenant"));

        assertThat(response.getStatusCode().value()).isEqualTo(403);
        assertThat(response.getBody().getType().toString()).isEqualTo("urn:knooppunt:problem:inbound-no-convenant");
    }
}
