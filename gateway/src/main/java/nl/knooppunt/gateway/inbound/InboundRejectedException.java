package nl.knooppunt.gateway.inbound;

import nl.knooppunt.gateway.shared.Refusal;

/**
 * A message from a creditor that is refused; nothing was changed. The reason holds no personal
 * data. Every channel names it after its outcome (SOAP fault code, problem type, error-report line).
 */
public class InboundRejectedException extends Refusal {

    private final InboundOutcome outcome;

    public InboundRejectedException(InboundOutcome outcome, String reason) {
        super(kindOf(outcome), codeOf(outcome), titleOf(outcome), reason);
        this.outcome = outcome;
    }

    public InboundOutcome outcome() {
        return outcome;
    }

    private static Kind kindOf(InboundOutcome outcome) {
        return switch (outcome) {
            case SCHEMA_INVALID -> Kind.INVALID;
            case UNKNOWN_CONVERSATION -> Kind.NOT_FOUND;
            case REPLY_NOT_PERMITTED, REPLAY_CONFLICT -> Kind.CONFLICT;
            case NOT_AUTHORIZED, NO_CONVENANT -> Kind.FORBIDDEN;
            case BUSINESS_KEY_MISMATCH -> Kind.UNPROCESSABLE;
            // Not a refusal: the message was fine (or the gateway failed), so nothing to blame the sender for.
            case ACCEPTED, NOT_PROCESSED, INTERNAL_ERROR ->
                    throw new IllegalArgumentException(outcome + " is not a reason to refuse a message");
        };
    }

    /** The stable code of the problem type; published, never changed. */
    private static String codeOf(InboundOutcome outcome) {
        return outcome.code();
    }

    private static String titleOf(InboundOutcome outcome) {
        return switch (outcome) {
            case SCHEMA_INVALID -> "Message does not match the contract";
            case UNKNOWN_CONVERSATION -> "Unknown conversation or message";
            case REPLY_NOT_PERMITTED -> "Reply not permitted";
            case NOT_AUTHORIZED -> "Not authorized to send this message";
            case REPLAY_CONFLICT -> "Referentienummer used before for another message";
            case BUSINESS_KEY_MISMATCH -> "Business key does not match the conversation";
            case NO_CONVENANT -> "No convenant for vooraf akkoord";
            default -> throw new IllegalArgumentException(outcome.name());
        };
    }
}
