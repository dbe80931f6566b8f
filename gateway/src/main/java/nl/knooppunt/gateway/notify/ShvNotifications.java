package nl.knooppunt.gateway.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import nl.knooppunt.gateway.conversation.Conversation;
import nl.knooppunt.gateway.dossier.Claim;
import nl.knooppunt.gateway.dossier.ClaimLine;
import nl.knooppunt.gateway.dossier.Dossier;
import nl.knooppunt.gateway.dossier.DossierNotFoundException;
import nl.knooppunt.gateway.dossier.DossierRepository;
import nl.knooppunt.gateway.dossier.StatusChange;
import nl.knooppunt.gateway.dossier.StatusChangeListener;
import nl.knooppunt.gateway.inbound.InboundListener;
import nl.knooppunt.gateway.outbound.NewOutboundMessage;
import nl.knooppunt.gateway.outbound.Outbox;
import nl.knooppunt.gateway.registry.ChannelType;
import nl.knooppunt.gateway.registry.Participant;
import nl.knooppunt.gateway.registry.ParticipantRepository;
import nl.knooppunt.mappings.canonical.MessageType;
import org.springframework.stereotype.Component;

/**
 * Tells the dossier's SHV every step (ADR 0016): each claim and dossier status change and each
 * accepted creditor message becomes a notification, written in the transaction of its cause — into
 * the SHV's mailbox ({@code shv_notification}) always, and into the outbound engine as a webhook
 * message when the SHV has a {@link ChannelType#WEBHOOK} channel. The JSON document is built here
 * once and is the same in both; it holds identifiers, statuses and amounts, never the client's
 * personal data.
 */
@Component
class ShvNotifications implements StatusChangeListener, InboundListener {

    /** The message type of a webhook message in the outbound engine: no Berichttype, so no workflow listener takes it for one. */
    static final String MESSAGE_TYPE = "ShvNotification";
    /** Version of the document's layout; a change that breaks readers gets a new one. */
    static final int VERSION = 1;

    private final NotificationRepository notifications;
    private final DossierRepository dossiers;
    private final ParticipantRepository participants;
    private final Outbox outbox;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    ShvNotifications(NotificationRepository notifications, DossierRepository dossiers,
                     ParticipantRepository participants, Outbox outbox, Clock clock) {
        this.notifications = notifications;
        this.dossiers = dossiers;
        this.participants = participants;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public void claimChanged(StatusChange change) {
        Dossier dossier = dossier(change.dossierId());
        Claim claim = dossiers.findClaim(change.claimId()).orElseThrow();
        notify(dossier, claim, NotificationKind.CLAIM_STATUS_CHANGED, document -> {
            document.set("claim", claim(claim));
            document.set("change", change(change));
        });
    }

    @Override
    public void dossierChanged(StatusChange change) {
        Dossier dossier = dossier(change.dossierId());
        notify(dossier, null, NotificationKind.DOSSIER_STATUS_CHANGED, document -> document.set("change", change(change)));
    }

    @Override
    public void accepted(Participant sender, Conversation conversation, MessageType type, UUID reference,
                         UUID crossReference, Instant receivedAt) {
        Dossier dossier = dossier(conversation.dossierId());
        // Read after the message's effect: the claim as the answer left it.
        Claim claim = dossiers.findClaim(conversation.claimId()).orElseThrow();
        notify(dossier, claim, NotificationKind.CREDITOR_MESSAGE_ACCEPTED, document -> {
            document.set("claim", claim(claim));
            ObjectNode message = document.putObject("message");
            message.put("messageType", type.code());
            message.put("referentienummer", reference.toString());
            message.put("crossReferentienummer", crossReference == null ? null : crossReference.toString());
            message.put("conversatieReferentienummer", conversation.reference().toString());
            message.put("receivedAt", receivedAt.toString());
            if (type == MessageType.SALDOVERZOEK_ANTWOORD || type == MessageType.SALDOVERZOEK_ANTWOORD_VOORAF_AKKOORD) {
                message.put("countedAmount", amount(claim.confirmedAmount()));
                message.set("linesByDebtType", linesByDebtType(claim));
            }
            if (type == MessageType.GEEN_MEDEWERKING && claim.noCooperationReason() != null) {
                message.put("noCooperationReason", claim.noCooperationReason());
            }
        });
    }

    private interface Body {
        void fill(ObjectNode document);
    }

    private void notify(Dossier dossier, Claim claim, NotificationKind kind, Body body) {
        UUID shvId = dossier.shvId();
        long sequence = notifications.nextSequence(shvId);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        ObjectNode document = json.createObjectNode();
        document.put("id", id.toString());
        document.put("version", VERSION);
        document.put("type", kind.type());
        document.put("sequence", sequence);
        document.put("createdAt", now.toString());
        document.put("shvOin", dossier.shvOin());
        ObjectNode d = document.putObject("dossier");
        d.put("id", dossier.id().toString());
        d.put("shvReference", dossier.shvReference());
        d.put("status", dossier.status().name());
        body.fill(document);
        String payload = write(document);
        notifications.insert(id, shvId, sequence, dossier.id(), claim == null ? null : claim.id(), kind, payload, now);
        Participant shv = participants.findById(shvId).orElseThrow();
        if (shv.channel().filter(c -> c.type() == ChannelType.WEBHOOK).isPresent()) {
            // The SHV's notifications are one stream per dossier: the dossier id is its conversation
            // reference. The gateway itself speaks; the engine does not use the sender, so the SHV is named.
            outbox.enqueue(new NewOutboundMessage(id, dossier.id(), null, MESSAGE_TYPE, dossier.id(),
                    claim == null ? null : claim.id(), shvId, shvId, payload.getBytes(StandardCharsets.UTF_8)));
        }
    }

    private Dossier dossier(UUID dossierId) {
        return dossiers.findById(dossierId).orElseThrow(() -> new DossierNotFoundException(dossierId));
    }

    private ObjectNode claim(Claim claim) {
        ObjectNode node = json.createObjectNode();
        node.put("id", claim.id().toString());
        node.put("creditorOin", claim.creditorOin());
        node.put("creditorName", claim.creditorName());
        node.put("status", claim.status().name());
        return node;
    }

    private ObjectNode change(StatusChange change) {
        ObjectNode node = json.createObjectNode();
        node.put("from", change.fromStatus());
        node.put("to", change.toStatus());
        node.put("at", change.occurredAt().toString());
        node.put("causeType", change.cause().type().name());
        node.put("causeReference", change.cause().reference());
        return node;
    }

    /** The claim's lines summed per Schuldtype, in the order of the codes. */
    private ArrayNode linesByDebtType(Claim claim) {
        List<ClaimLine> lines = dossiers.findClaimLines(claim.dossierId()).stream()
                .filter(l -> l.claimId().equals(claim.id())).toList();
        Map<String, List<ClaimLine>> byType = new TreeMap<>();
        for (ClaimLine line : lines) {
            byType.computeIfAbsent(line.debtType(), t -> new java.util.ArrayList<>()).add(line);
        }
        ArrayNode result = json.createArrayNode();
        byType.forEach((type, ofType) -> {
            ObjectNode node = result.addObject();
            node.put("debtType", type);
            node.put("lines", ofType.size());
            node.put("amount", amount(ofType.stream().map(ClaimLine::currentAmount)
                    .filter(java.util.Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add)));
            node.put("counted", ofType.stream().anyMatch(ClaimLine::counted));
            ArrayNode to = node.putArray("transferredTo");
            ofType.stream().map(ClaimLine::transferredTo).filter(java.util.Objects::nonNull).distinct()
                    .forEach(to::add);
        });
        return result;
    }

    private static String amount(BigDecimal amount) {
        return amount == null ? null : amount.toPlainString();
    }

    private String write(ObjectNode document) {
        try {
            return json.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A notification cannot be written as JSON", e);
        }
    }
}
