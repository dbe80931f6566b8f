package nl.knooppunt.gateway.outbound;

import java.util.UUID;
import nl.knooppunt.gateway.shared.Refusal;

/** No outgoing message with this Referentienummer. */
public class OutboundMessageNotFoundException extends Refusal {

    public OutboundMessageNotFoundException(UUID reference) {
        super(Kind.NOT_FOUND, "not-found", "Not found", "There is no such message.");
    }
}
