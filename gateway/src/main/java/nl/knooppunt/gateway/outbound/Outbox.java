package nl.knooppunt.gateway.outbound;

import java.time.Clock;
import java.time.Instant;
import nl.knooppunt.gateway.privacy.PersonalDataCipher;
import nl.knooppunt.gateway.registry.CreditorChannel;
import nl.knooppunt.gateway.registry.Participant;
import nl.knooppunt.gateway.registry.ParticipantRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The transactional outbox: a message to a creditor is stored in the same transaction as the
 * dossier or claim change that causes it, so either both happen or neither does. The engine picks
 * it up from there.
 */
@Service
public class Outbox {

    private final OutboundRepository outbound;
    private final ParticipantRepository participants;
    private final PersonalDataCipher cipher;
    private final OutboundProperties properties;
    private final Clock clock;

    Outbox(OutboundRepository outbound, ParticipantRepository participants,
           PersonalDataCipher cipher, OutboundProperties properties, Clock clock) {
        this.outbound = outbound;
        this.participants = participants;
        this.cipher = cipher;
        this.properties = properties;
        this.clock = clock;
    }

    /** Queues the message; must run inside the transaction of its cause. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void enqueue(NewOutboundMessage message) {
        Participant creditor = participants.findById(message.creditorId())
                .filter(Participant::isCreditor)
                .orElseThrow(() -> new IllegalArgumentException("Recipient is not a creditor: " + message.creditorId()));
        CreditorChannel channel = creditor.channel()
                .orElseThrow(() -> new IllegalStateException("Creditor " + creditor.oin() + " has no channel"));
        Instant now = clock.instant();
        outbound.insertPending(message, cipher.encrypt(message.payload(), payloadContext(message.reference())), now,
                DueTime.of(channel, now, properties.zone()));
    }

    static String payloadContext(java.util.UUID reference) {
        return "outbound:" + reference;
    }
}
