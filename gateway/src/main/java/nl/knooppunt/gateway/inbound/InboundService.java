package nl.knooppunt.gateway.inbound;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.knooppunt.gateway.conversation.Conversation;
import nl.knooppunt.gateway.conversation.Conversations;
import nl.knooppunt.gateway.conversation.MessageLog;
import nl.knooppunt.gateway.messages.MessageXml;
import nl.knooppunt.gateway.outbound.OutboundMessageView;
import nl.knooppunt.gateway.outbound.OutboundMessages;
import nl.knooppunt.gateway.outbound.OutboundStatus;
import nl.knooppunt.gateway.privacy.PersonalDataAudit;
import nl.knooppunt.gateway.privacy.PersonalDataCipher;
import nl.knooppunt.gateway.registry.Participant;
import nl.knooppunt.gateway.registry.ParticipantRepository;
import nl.knooppunt.mappings.canonical.Header;
import nl.knooppunt.mappings.canonical.Message;
import nl.knooppunt.mappings.canonical.MessageType;
import nl.knooppunt.mappings.canonical.Party;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules for one message from a creditor, whatever the channel: checks that the sender may send
 * it in this conversation and that it may answer what it answers, has its effect applied
 * ({@link InboundEffects}), and keeps it. Runs inside the transaction (and savepoint) the
 * {@link InboundDoor} opens, so a refused message changes nothing. The Schuldenknooppunt correlation rules apply: the ConversatieReferentienummer
 * names the conversation, the CrossReferentienummer the message answered, which the sender must
 * have received in that conversation. An accepted message is written to the personal-data audit,
 * as it brings data about the client into the dossier.
 */
@Service
class InboundService {

    private final InboundMessages inbound;
    private final MessageLog messageLog;
    private final Conversations conversations;
    private final ParticipantRepository participants;
    private final OutboundMessages outbound;
    private final InboundEffects effects;
    private final MessageXml xml;
    private final PersonalDataCipher cipher;
    private final PersonalDataAudit audit;
    private final Clock clock;
    private final ObjectProvider<InboundListener> listenerProvider;
    private volatile List<InboundListener> listeners;

    InboundService(InboundMessages inbound, MessageLog messageLog, Conversations conversations,
                   ParticipantRepository participants, OutboundMessages outbound, InboundEffects effects,
                   MessageXml xml, PersonalDataCipher cipher, PersonalDataAudit audit, Clock clock,
                   ObjectProvider<InboundListener> listeners) {
        this.inbound = inbound;
        this.messageLog = messageLog;
        this.conversations = conversations;
        this.participants = participants;
        this.outbound = outbound;
        this.effects = effects;
        this.xml = xml;
        this.cipher = cipher;
        this.audit = audit;
        this.clock = clock;
        this.listenerProvider = listeners;
    }

    /**
     * Processes one message from the authenticated creditor.
     *
     * @return the outcome; for a message received before, its original outcome (marked as replay)
     * @throws InboundRejectedException when the message is refused; nothing was changed
     */
    @Transactional(propagation = Propagation.MANDATORY)
    InboundResult receive(Participant sender, Message message, String channel) {
        Header header = message.header();
        UUID reference = header.referentienummer();
        byte[] content = xml.write(message);
        Optional<InboundResult> replay = replayOf(sender, reference, content);
        if (replay.isPresent()) {
            return replay.get();
        }
        if (messageLog.find(reference).isPresent()) {
            throw new InboundRejectedException(InboundOutcome.NOT_AUTHORIZED,
                    "Referentienummer " + reference + " is already used by another message");
        }
        MessageType type = header.berichttype();
        if (!sender.isCreditor() || type.sender() != Party.SE) {
            throw new InboundRejectedException(InboundOutcome.NOT_AUTHORIZED,
                    type.code() + " is not a message a creditor sends");
        }
        if (!sender.oin().value().equals(header.afzenderOin())) {
            throw new InboundRejectedException(InboundOutcome.NOT_AUTHORIZED,
                    "AfzenderOin is not the OIN of the sending organisation");
        }
        Conversation conversation = conversations.findByReference(header.conversatieReferentienummer())
                .orElseThrow(() -> new InboundRejectedException(InboundOutcome.UNKNOWN_CONVERSATION,
                        "No conversation " + header.conversatieReferentienummer()));
        if (!conversation.creditorId().equals(sender.id())) {
            throw new InboundRejectedException(InboundOutcome.NOT_AUTHORIZED,
                    "Conversation " + conversation.reference() + " is not yours");
        }
        Participant shv = participants.findById(conversation.shvId()).orElseThrow();
        if (!shv.oin().value().equals(header.ontvangerOin())) {
            throw new InboundRejectedException(InboundOutcome.UNKNOWN_CONVERSATION,
                    "OntvangerOin is not the schuldhulpverlener of this conversation");
        }
        if (header.crossReferentienummer() != null) {
            checkAnswered(sender, conversation, type, header.crossReferentienummer());
        }

        Instant now = clock.instant();
        // In the log before its effects, which may answer it (a Statusverzoek gets a Statusbericht whose
        // CrossReferentienummer names it); a refusal by the effects rolls the entry back with the rest.
        messageLog.record(reference, conversation.id(), header.crossReferentienummer(), type.code(),
                MessageLog.Direction.INBOUND, sender.id(), shv.id(), now);
        effects.apply(conversation, message);
        inbound.insert(reference, sender.id(), conversation.dossierId(), conversation.claimId(), type.code(), channel,
                InboundOutcome.ACCEPTED, cipher.encrypt(content, payloadContext(reference)),
                cipher.fingerprint(content, FINGERPRINT_PURPOSE), now);
        audit.recordMessages(sender.oin().value(), PersonalDataAudit.ActorType.PARTICIPANT, conversation.dossierId(),
                channel, "sent " + type.code(), List.of(reference));
        for (InboundListener listener : listeners()) {
            listener.accepted(sender, conversation, type, reference, header.crossReferentienummer(), now);
        }
        return InboundResult.accepted(reference);
    }

    /**
     * The original result of a message received before, if it was; another sender's reference, or
     * the same reference with other content, is refused. Plain method: the door calls it inside its
     * transaction.
     */
    Optional<InboundResult> replayOf(Participant sender, Message message) {
        return replayOf(sender, message.header().referentienummer(), xml.write(message));
    }

    private Optional<InboundResult> replayOf(Participant sender, UUID reference, byte[] content) {
        Optional<InboundMessages.Stored> earlier = inbound.find(reference);
        if (earlier.isEmpty()) {
            return Optional.empty();
        }
        if (!earlier.get().senderId().equals(sender.id())) {
            throw new InboundRejectedException(InboundOutcome.NOT_AUTHORIZED,
                    "Referentienummer " + reference + " is already used by another message");
        }
        String fingerprint = earlier.get().fingerprint();
        // The canonical form, so SOAP and REST forms of one message are the same message.
        if (fingerprint != null && !cipher.hasFingerprint(content, FINGERPRINT_PURPOSE, fingerprint)) {
            throw new InboundRejectedException(InboundOutcome.REPLAY_CONFLICT, "Referentienummer " + reference
                    + " was used before for a message with other content; nothing was changed. Resend a message "
                    + "exactly, or give a new or corrected message a new Referentienummer");
        }
        return Optional.of(new InboundResult(reference, earlier.get().outcome(), true,
                "received before at " + earlier.get().receivedAt()));
    }

    /** The answered message must be one the sender received in this conversation, and of a type this type answers. */
    private void checkAnswered(Participant sender, Conversation conversation, MessageType type, UUID crossReference) {
        MessageLog.Entry answered = messageLog.find(crossReference)
                .filter(m -> m.conversationId().equals(conversation.id()))
                .filter(m -> m.direction() == MessageLog.Direction.OUTBOUND && m.recipientId().equals(sender.id()))
                .orElseThrow(() -> new InboundRejectedException(InboundOutcome.UNKNOWN_CONVERSATION,
                        "CrossReferentienummer " + crossReference + " is not a message you received in this conversation"));
        MessageType answeredType = MessageType.fromCode(answered.messageType()).orElseThrow();
        if (!type.mayAnswer(answeredType)) {
            throw new InboundRejectedException(InboundOutcome.REPLY_NOT_PERMITTED,
                    "A " + type.code() + " may not answer a " + answeredType.code());
        }
        // A creditor that holds the Referentienummer has received the message, whatever the transport
        // record says (still batched, dead, expired): its answer counts, and marks the message reached.
        OutboundStatus delivery = outbound.find(crossReference).map(OutboundMessageView::status).orElse(null);
        if (delivery != null && !delivery.reachedRecipient() && !outbound.answeredByRecipient(crossReference)) {
            throw new InboundRejectedException(InboundOutcome.REPLY_NOT_PERMITTED,
                    "Message " + crossReference + " has not been sent to you");
        }
    }

    // Resolved on first use: a listener may depend on beans that depend on the door.
    private List<InboundListener> listeners() {
        List<InboundListener> resolved = listeners;
        if (resolved == null) {
            resolved = listenerProvider.orderedStream().toList();
            listeners = resolved;
        }
        return resolved;
    }

    private static final String FINGERPRINT_PURPOSE = "inbound-message";

    static String payloadContext(UUID reference) {
        return "inbound:" + reference;
    }
}
