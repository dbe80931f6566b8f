package nl.knooppunt.gateway.inbound;

import java.time.Instant;
import java.util.UUID;
import nl.knooppunt.gateway.conversation.Conversation;
import nl.knooppunt.gateway.registry.Participant;
import nl.knooppunt.mappings.canonical.MessageType;

/**
 * Told of every creditor message the door accepted, so that a feature (the SHV's notifications) can
 * follow without the door knowing it. Every Spring bean implementing this is called, in
 * {@link org.springframework.core.annotation.Order order}, <b>inside the message's transaction</b>,
 * after its effect was applied and the message stored: what a listener writes commits or rolls back
 * with the message. A listener that throws refuses the message; so a listener must be quick and must
 * not call out of the process. Not called for a replay of a message accepted before.
 */
public interface InboundListener {

    /**
     * @param sender the creditor that sent it
     * @param conversation the conversation (and so the dossier and claim) it belongs to
     * @param type its Berichttype
     * @param reference its Referentienummer
     * @param crossReference the Referentienummer of the message it answers, or null
     * @param receivedAt when the gateway accepted it (the injected clock)
     */
    void accepted(Participant sender, Conversation conversation, MessageType type, UUID reference,
                  UUID crossReference, Instant receivedAt);
}
