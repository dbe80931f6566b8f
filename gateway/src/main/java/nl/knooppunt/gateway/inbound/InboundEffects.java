package nl.knooppunt.gateway.inbound;

import nl.knooppunt.gateway.conversation.Conversation;
import nl.knooppunt.mappings.canonical.Message;

/**
 * What an accepted creditor message means for the dossier, applied by the feature that owns it
 * (the workflow). The door has checked sender, conversation and cross-reference before; this runs
 * in the message's savepoint, so a refusal here undoes only this message.
 */
public interface InboundEffects {

    /**
     * Applies the message's effect in the current transaction.
     *
     * @throws InboundRejectedException with {@link InboundOutcome#REPLY_NOT_PERMITTED} when the
     *     message is not possible in the current state (for instance: answered already), with
     *     {@link InboundOutcome#BUSINESS_KEY_MISMATCH} when its business keys name another client or
     *     creditor number, with {@link InboundOutcome#NO_CONVENANT} for vooraf akkoord without a convenant
     */
    void apply(Conversation conversation, Message message);
}
