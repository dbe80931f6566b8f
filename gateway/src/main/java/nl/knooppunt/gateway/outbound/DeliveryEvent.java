package nl.knooppunt.gateway.outbound;

import java.time.Instant;
import java.util.UUID;

/**
 * A fact about one outgoing message, as the engine recorded it.
 *
 * @param reference Referentienummer of the message
 * @param conversationReference ConversatieReferentienummer
 * @param crossReference for a reply, the Referentienummer it answers; else null
 * @param recipientId the participant the message went to
 * @param recipientOin that participant's OIN
 * @param status the status the message has now
 * @param at the moment the engine recorded it (the injected clock)
 * @param reason why, for a dead letter or an expiry; else null
 */
public record DeliveryEvent(UUID reference, UUID conversationReference, UUID crossReference, UUID recipientId,
                            String recipientOin, UUID dossierId, UUID claimId, String messageType,
                            OutboundStatus status, Instant at, String reason) {}
