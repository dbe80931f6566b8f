package nl.knooppunt.gateway.inbound;

/** A message from a creditor that is refused; nothing was changed. The reason holds no personal data. */
public class InboundRejectedException extends RuntimeException {

    private final InboundOutcome outcome;

    public InboundRejectedException(InboundOutcome outcome, String reason) {
        super(reason);
        this.outcome = outcome;
    }

    public InboundOutcome outcome() {
        return outcome;
    }
}
