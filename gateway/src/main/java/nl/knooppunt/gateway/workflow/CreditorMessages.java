package nl.knooppunt.gateway.workflow;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import nl.knooppunt.gateway.conversation.Conversation;
import nl.knooppunt.gateway.conversation.MessageLog;
import nl.knooppunt.gateway.dossier.Claim;
import nl.knooppunt.gateway.messages.MessageXml;
import nl.knooppunt.gateway.outbound.NewOutboundMessage;
import nl.knooppunt.gateway.outbound.Outbox;
import nl.knooppunt.gateway.registry.Participant;
import nl.knooppunt.mappings.canonical.Header;
import nl.knooppunt.mappings.canonical.Message;
import nl.knooppunt.mappings.canonical.MessageType;
import nl.knooppunt.mappings.canonical.StatusberichtSHV;
import nl.knooppunt.mappings.canonical.StatuscodeSHV;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way the workflow sends the SHV's messages to the creditor of a conversation: each is
 * written to the message log (so the creditor's answer can name it) and queued in the outbox, in the
 * transaction of its cause. Also writes the parts those messages share: the header, and the
 * Statusbericht SHV with the client's numbers as the creditor knows them.
 */
@Component
class CreditorMessages {

    private final MessageLog messageLog;
    private final Outbox outbox;
    private final MessageXml xml;
    private final ClaimRecords records;
    private final Clock clock;

    CreditorMessages(MessageLog messageLog, Outbox outbox, MessageXml xml, ClaimRecords records, Clock clock) {
        this.messageLog = messageLog;
        this.outbox = outbox;
        this.xml = xml;
        this.records = records;
        this.clock = clock;
    }

    /** The header of a message from the SHV to the creditor of a claim, in the claim's conversation. */
    static Header header(UUID reference, UUID conversationReference, UUID crossReference, MessageType type,
                         Participant shv, String creditorOin, Instant now) {
        return new Header(reference, conversationReference, crossReference, Header.CURRENT_VERSIE, type,
                shv.oin().value(), creditorOin, now.atOffset(ZoneOffset.UTC));
    }

    /** Logs and queues the message (its header names reference, type and cross reference) to the conversation's creditor. */
    @Transactional(propagation = Propagation.MANDATORY)
    void queue(Conversation conversation, Message message) {
        Header header = message.header();
        String type = header.berichttype().code();
        messageLog.record(header.referentienummer(), conversation.id(), header.crossReferentienummer(), type,
                MessageLog.Direction.OUTBOUND, conversation.shvId(), conversation.creditorId(), clock.instant());
        outbox.enqueue(new NewOutboundMessage(header.referentienummer(), conversation.reference(),
                header.crossReferentienummer(), type, conversation.dossierId(), conversation.claimId(),
                conversation.shvId(), conversation.creditorId(), xml.write(message)));
    }

    /** The creditor's own number for the client: as the SHV gave it, else as the creditor's first message stated it. */
    String clientNumberSe(Claim claim) {
        return claim.clientNumberAtCreditor() != null ? claim.clientNumberAtCreditor()
                : records.keptClientNumberSe(claim.id()).orElse(null);
    }

    /**
     * A Statusbericht SHV to the creditor of the claim, not yet queued.
     *
     * @param crossReference the Statusverzoek it answers, or null when unsolicited
     * @param clientNumberSe KlantnummerSE as the creditor knows it (see {@link #clientNumberSe(Claim)}), or null
     */
    static Message statusbericht(UUID reference, Conversation conversation, UUID crossReference, Participant shv,
                                 Claim claim, String clientNumberShv, String clientNumberSe, StatuscodeSHV code,
                                 LocalDate statusDate, LocalDate expectedNext, String explanation, Instant now) {
        return new Message(header(reference, conversation.reference(), crossReference, MessageType.STATUSBERICHT_SHV,
                shv, claim.creditorOin(), now),
                new StatusberichtSHV(clientNumberShv, clientNumberSe, code, statusDate, expectedNext, explanation));
    }
}
