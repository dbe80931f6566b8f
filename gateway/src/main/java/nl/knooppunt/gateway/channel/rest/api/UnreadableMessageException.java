package nl.knooppunt.gateway.channel.rest.api;

import java.util.List;
import nl.knooppunt.gateway.inbound.InboundOutcome;
import nl.knooppunt.gateway.inbound.InboundRejectedException;
import nl.knooppunt.gateway.shared.FieldProblem;
import nl.knooppunt.gateway.shared.Refusal;

/**
 * A message (or batch envelope) that does not match the contract, as the door refused it, with the
 * offending field named in {@code errors}. Same code as every other channel's schema refusal.
 */
class UnreadableMessageException extends Refusal {

    UnreadableMessageException(InboundRejectedException refused, FieldProblem problem) {
        super(refused.kind(), refused.code(), refused.title(), refused.detail(), List.of(problem));
    }

    /** The envelope of a batch is wrong, so no message was looked at. */
    static UnreadableMessageException envelope(String field, String reason) {
        return new UnreadableMessageException(new InboundRejectedException(InboundOutcome.SCHEMA_INVALID,
                "The batch request is not valid: " + field + " " + reason + "; nothing was changed."),
                new FieldProblem(field, reason));
    }
}
