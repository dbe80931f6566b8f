package nl.knooppunt.gateway.conversation;

import java.time.Instant;
import java.util.UUID;

/**
 * The exchange between the SHV and one creditor about one claim.
 *
 * @param id the gateway's own key
 * @param reference ConversatieReferentienummer, carried by every message of the exchange
 */
public record Conversation(UUID id, UUID reference, UUID dossierId, UUID claimId, UUID shvId, UUID creditorId,
                           Instant startedAt) {}
