package nl.knooppunt.gateway.channel.rest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import nl.knooppunt.gateway.outbound.BatchResult;
import nl.knooppunt.gateway.outbound.DeliveryFailure;
import nl.knooppunt.gateway.outbound.FailureClassifier;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;

/**
 * Turns a creditor's HTTP answer into the batch's outcome, inside the {@code rest-deliver} route while
 * the response is still open: a 2xx answer is read as a stream into the rejected messages (every sent
 * message must have a result, as on SOAP); any other status is a {@link DeliveryFailure} as
 * {@link FailureClassifier} rules, with the creditor's {@code Retry-After}.
 */
@Component
class CreditorAnswerReader implements Processor {

    /** Exchange property: the batch id the answer must be for. */
    static final String BATCH_ID = "knooppuntRestBatchId";
    /** Exchange property: the {@link SentReferences} of the batch. */
    static final String SENT = "knooppuntRestSent";
    private static final int MAX_REASON = 500;

    private final ObjectMapper json = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private final Clock clock;

    CreditorAnswerReader(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Integer status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        if (status == null) {
            throw DeliveryFailure.recoverable("The creditor's service gave no HTTP status", null);
        }
        try (InputStream body = exchange.getMessage().getBody(InputStream.class)) {
            if (status < 200 || status > 299) {
                throw FailureClassifier.httpFailure(status, exchange.getMessage().getHeader("Retry-After", String.class),
                        clock.instant(), problemTitle(body));
            }
            if (body == null) {
                throw DeliveryFailure.recoverable("HTTP " + status + " without the per-message results", null);
            }
            exchange.getMessage().setBody(read(body, exchange.getProperty(BATCH_ID, UUID.class),
                    exchange.getProperty(SENT, SentReferences.class)));
        }
    }

    BatchResult read(InputStream body, UUID batchId, SentReferences sent) throws DeliveryFailure {
        Map<UUID, String> rejected = new HashMap<>();
        UUID answeredBatch = null;
        int results = 0;
        try (JsonParser parser = json.getFactory().createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw unreadable("not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (CreditorAnswer.BATCH_ID.equals(field) && value == JsonToken.VALUE_STRING) {
                    answeredBatch = UUID.fromString(parser.getText());
                } else if (CreditorAnswer.RESULTS.equals(field) && value == JsonToken.START_ARRAY) {
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        CreditorAnswer.Result result = json.readValue(parser, CreditorAnswer.Result.class);
                        results++;
                        if (result.reference() == null || !sent.answer(result.reference())) {
                            throw DeliveryFailure.recoverable("The creditor answered for a message not in the batch", null);
                        }
                        if (!result.accepted()) {
                            rejected.put(result.reference(), reason(result.reason()));
                        }
                    }
                } else {
                    parser.skipChildren();
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw unreadable(e.getMessage());
        }
        if (!batchId.equals(answeredBatch)) {
            throw DeliveryFailure.recoverable("The creditor answered for batch " + answeredBatch, null);
        }
        if (sent.answered() != sent.size()) {
            // Like SOAP: without a result the creditor may or may not have a message, so the batch goes
            // again under the same id and the creditor de-duplicates.
            throw DeliveryFailure.recoverable("The creditor answered for " + sent.answered() + " of " + sent.size()
                    + " messages", null);
        }
        return new BatchResult(rejected);
    }

    private static DeliveryFailure unreadable(String why) {
        return DeliveryFailure.recoverable("The creditor's answer cannot be read: " + why, null);
    }

    private static String reason(String reason) {
        if (reason == null || reason.isBlank()) {
            return "refused";
        }
        return reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason;
    }

    /**
     * An RFC 9457 problem's {@code title} — generic by definition — and nothing else of an error
     * answer: its detail may repeat a client's data, and the reason is kept and shown.
     */
    private String problemTitle(InputStream body) {
        if (body == null) {
            return null;
        }
        try {
            JsonNode problem = json.readTree(body.readNBytes(16 * 1024));
            JsonNode title = problem == null ? null : problem.get("title");
            return title != null && title.isTextual() ? reason(title.asText()) : null;
        } catch (IOException e) {
            return null;
        }
    }
}
