package nl.knooppunt.gateway.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
        notify(dossier, claim, NotificationKind.CLAIM_STATUS_CHANGED, change(change), null);
    }

    @Override
    public void dossierChanged(StatusChange change) {
        notify(dossier(change.dossierId()), null, NotificationKind.DOSSIER_STATUS_CHANGED, change(change), null);
    }

    @Override
    public void accepted(Participant sender, Conversation conversation, MessageType type, UUID reference,
                         UUID crossReference, Instant receivedAt) {
        Dossier dossier = dossier(conversation.dossierId());
        // Read after the message's effect: the claim as the answer left it.
        Claim claim = dossiers.findClaim(conversation.claimId()).orElseThrow();
        boolean saldo = type == MessageType.SALDOVERZOEK_ANTWOORD || type == MessageType.SALDOVERZOEK_ANTWOORD_VOORAF_AKKOORD;
        NotificationDocument.CreditorMessage message = new NotificationDocument.CreditorMessage(type.code(), reference,
                crossReference, conversation.reference(), receivedAt.toString(),
                saldo ? amount(claim.confirmedAmount()) : null, saldo ? linesByDebtType(claim) : null,
                type == MessageType.GEEN_MEDEWERKING ? claim.noCooperationReason() : null);
        notify(dossier, claim, NotificationKind.CREDITOR_MESSAGE_ACCEPTED, null, message);
    }

    private void notify(Dossier dossier, Claim claim, NotificationKind kind, NotificationDocument.Change change,
                        NotificationDocument.CreditorMessage message) {
        UUID shvId = dossier.shvId();
        long sequence = notifications.nextSequence(shvId);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        NotificationDocument document = new NotificationDocument(id, VERSION, kind.type(), sequence, now.toString(),
                dossier.shvOin(),
                new NotificationDocument.DossierRef(dossier.id(), dossier.shvReference(), dossier.status().name()),
                claim == null ? null : new NotificationDocument.ClaimRef(claim.id(), claim.creditorOin(),
                        claim.creditorName(), claim.status().name()),
                change, message);
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

    private static NotificationDocument.Change change(StatusChange change) {
        return new NotificationDocument.Change(change.fromStatus(), change.toStatus(), change.occurredAt().toString(),
                change.cause().type().name(), change.cause().reference());
    }

    /** The claim's lines summed per Schuldtype, in the order of the codes. */
    private List<NotificationDocument.DebtTypeLines> linesByDebtType(Claim claim) {
        Map<String, List<ClaimLine>> byType = new TreeMap<>();
        for (ClaimLine line : dossiers.findClaimLines(claim.dossierId())) {
            if (line.claimId().equals(claim.id())) {
                byType.computeIfAbsent(line.debtType(), t -> new ArrayList<>()).add(line);
            }
        }
        List<NotificationDocument.DebtTypeLines> result = new ArrayList<>();
        byType.forEach((type, lines) -> result.add(new NotificationDocument.DebtTypeLines(type, lines.size(),
                amount(lines.stream().map(ClaimLine::currentAmount).filter(Objects::nonNull)
                        .reduce(BigDecimal.ZERO, BigDecimal::add)),
                lines.stream().anyMatch(ClaimLine::counted),
                lines.stream().map(ClaimLine::transferredTo).filter(Objects::nonNull).distinct().toList())));
        return result;
    }

    private static String amount(BigDecimal amount) {
        return amount == null ? null : amount.toPlainString();
    }

    private String write(NotificationDocument document) {
        try {
            return json.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A notification cannot be written as JSON", e);
        }
    }
}
