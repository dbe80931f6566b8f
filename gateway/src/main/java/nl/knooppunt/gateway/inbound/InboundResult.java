package nl.knooppunt.gateway.inbound;

import java.util.UUID;

/**
 * What the gateway answers to one message from a creditor.
 *
 * @param replay true when the message had been received before: the original outcome is returned
 *     and nothing is processed again
 */
public record InboundResult(UUID reference, InboundOutcome outcome, boolean replay, String detail) {

    public static InboundResult rejected(UUID reference, InboundRejectedException rejection) {
        return new InboundResult(reference, rejection.outcome(), false, rejection.getMessage());
    }
}
