package nl.knooppunt.gateway.channel.rest.api;

import java.util.Map;
import nl.knooppunt.gateway.shared.Refusal;

/** A request body over the configured limit; it was not parsed and nothing was changed. */
class RequestTooLargeException extends Refusal {

    static final String CODE = "request-too-large";

    private final long limit;

    RequestTooLargeException(long limit) {
        super(Kind.TOO_LARGE, CODE, "Request too large", "The request body is larger than " + limit
                + " bytes; it was not read and nothing was changed. Send fewer messages per batch.");
        this.limit = limit;
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("maxBytes", limit);
    }
}
