package nl.knooppunt.gateway.inbound;

import java.util.UUID;

/**
 * What the gateway answers to one message from a creditor.
 *
 * @param reference the message's Referentienummer; null when a message could not be read far enough to have one
 * @param replay true when the message had been received before: the original outcome is returned
 *     and nothing is processed again
 */
public record InboundResult(UUID reference, InboundOutcome outcome, boolean replay, String detail) {

    static InboundResult accepted(UUID reference) {
        return new InboundResult(reference, InboundOutcome.ACCEPTED, false, null);
    }

    public static InboundResult rejected(UUID reference, InboundRejectedException rejection) {
        return new InboundResult(reference, rejection.outcome(), false, rejection.getMessage());
    }

    static InboundResult notProcessed(UUID reference) {
        return new InboundResult(reference, InboundOutcome.NOT_PROCESSED, false,
                "Not processed: another message of this all-or-nothing batch was refused; nothing was applied");
    }

    static InboundResult failed(UUID reference) {
        return new InboundResult(reference, InboundOutcome.INTERNAL_ERROR, false,
                "The message could not be stored now; nothing was changed, send it again");
    }

    /** Whether the message was refused for a reason of the sender's (or could not be stored). */
    public boolean refused() {
        return outcome != InboundOutcome.ACCEPTED && outcome != InboundOutcome.NOT_PROCESSED;
    }
}
