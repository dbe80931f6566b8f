package nl.knooppunt.gateway.outbound;

import java.util.Objects;
import java.util.UUID;

/**
 * A message to a participant (a creditor, or an SHV), as its cause hands it to the outbox. The engine carries the references
 * but does not interpret them.
 *
 * @param reference Referentienummer: the message's stable id, sent with it so a creditor can de-duplicate
 * @param conversationReference ConversatieReferentienummer of the conversation it belongs to
 * @param crossReference for a reply, the Referentienummer of the message it answers; else null
 * @param messageType the Berichttype
 * @param recipientId the participant it goes to, over that participant's channel
 * @param payload the message as it will be sent (encrypted by the outbox)
 */
public record NewOutboundMessage(UUID reference, UUID conversationReference, UUID crossReference, String messageType,
                                 UUID dossierId, UUID claimId, UUID senderId, UUID recipientId, byte[] payload) {

    public NewOutboundMessage {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(conversationReference, "conversationReference");
        Objects.requireNonNull(messageType, "messageType");
        Objects.requireNonNull(dossierId, "dossierId");
        Objects.requireNonNull(senderId, "senderId");
        Objects.requireNonNull(recipientId, "recipientId");
        Objects.requireNonNull(payload, "payload");
    }
}
