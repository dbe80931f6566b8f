package nl.knooppunt.gateway.outbound;

import java.time.Clock;
import java.time.Instant;
import nl.knooppunt.gateway.privacy.PersonalDataCipher;
import nl.knooppunt.gateway.registry.CreditorChannel;
import nl.knooppunt.gateway.registry.Participant;
import nl.knooppunt.gateway.registry.ParticipantRepository;
import nl.knooppunt.gateway.time.TimeProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The transactional outbox: a message to a participant is stored in the same transaction as the
 * dossier or claim change that causes it, so either both happen or neither does. The engine picks
 * it up from there.
 */
@Service
public class Outbox {

    private final OutboundRepository outbound;
    private final ParticipantRepository participants;
    private final PersonalDataCipher cipher;
    private final TimeProperties time;
    private final Clock clock;

    Outbox(OutboundRepository outbound, ParticipantRepository participants,
           PersonalDataCipher cipher, TimeProperties time, Clock clock) {
        this.outbound = outbound;
        this.participants = participants;
        this.cipher = cipher;
        this.time = time;
        this.clock = clock;
    }

    /** Queues the message; must run inside the transaction of its cause. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void enqueue(NewOutboundMessage message) {
        // Any participant with a channel may receive: creditors now, SHVs for their notifications later.
        Participant recipient = participants.findById(message.recipientId())
                .orElseThrow(() -> new IllegalArgumentException("Unknown recipient: " + message.recipientId()));
        CreditorChannel channel = recipient.channel()
                .orElseThrow(() -> new IllegalStateException("Recipient " + recipient.oin() + " has no channel"));
        Instant now = clock.instant();
        outbound.insertPending(message, cipher.encrypt(message.payload(), payloadContext(message.reference())), now,
                DueTime.of(channel, now, time.zone()));
    }

    static String payloadContext(java.util.UUID reference) {
        return "outbound:" + reference;
    }
}
