package nl.knooppunt.gateway.outbound;

import java.util.UUID;

/** No outgoing message with this Referentienummer. */
public class OutboundMessageNotFoundException extends RuntimeException {

    public OutboundMessageNotFoundException(UUID reference) {
        super("No outgoing message " + reference);
    }
}
