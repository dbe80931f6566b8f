package nl.knooppunt.gateway.outbound;

import java.util.UUID;

/**
 * One message of a batch as a channel sends it.
 *
 * @param reference Referentienummer
 * @param conversationReference ConversatieReferentienummer
 * @param crossReference CrossReferentienummer, for replies
 * @param payload the message as queued, decrypted
 */
public record OutboundItem(UUID reference, UUID conversationReference, UUID crossReference, String messageType,
                           UUID dossierId, UUID claimId, byte[] payload) {}
