package nl.knooppunt.gateway.workflow;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.knooppunt.gateway.conversation.Conversation;
import nl.knooppunt.gateway.conversation.Conversations;
import nl.knooppunt.gateway.dossier.Cause;
import nl.knooppunt.gateway.dossier.Claim;
import nl.knooppunt.gateway.dossier.ClaimStatus;
import nl.knooppunt.gateway.dossier.ClientData;
import nl.knooppunt.gateway.dossier.DossierDetails;
import nl.knooppunt.gateway.dossier.DossierService;
import nl.knooppunt.gateway.dossier.StatusService;
import nl.knooppunt.gateway.registry.Participant;
import nl.knooppunt.gateway.registry.ParticipantRepository;
import nl.knooppunt.gateway.time.TimeProperties;
import nl.knooppunt.mappings.canonical.Message;
import nl.knooppunt.mappings.canonical.StatuscodeSHV;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Watches the answer deadlines of Saldoverzoeken (docs/workflow.md, "Deadlines and the 120-day
 * norm"). Called by the {@code answer-deadlines} route on every gateway instance: each call claims
 * the deadlines that are due with one query on the indexed {@code next_action_at} column ({@code for
 * update skip locked}, so two instances never handle the same deadline) and, per deadline:
 * <ul>
 * <li>closes it when its claim no longer awaits an answer (answered, also late; passed over;
 *     withdrawn; not reached) — usually {@link DossierProgress} closed it already;</li>
 * <li>before the term ends, queues the reminder to the creditor once: a Statusbericht SHV in the
 *     conversation of the claim (statuscode SALDI_OPVRAGEN, VerwachteVervolgdatum the last day of the
 *     term, a Toelichting naming the Saldoverzoek);</li>
 * <li>once the term has ended, moves the claim {@code SALDO_REQUESTED → OVERDUE}: that status change
 *     is how the SHV is told. A late answer still counts.</li>
 * </ul>
 * Deadlines that are not due are not read at all, however many there are.
 */
@Service
public class AnswerDeadlines {

    /** The cause of the escalation in the status history. */
    static final String CAUSE = "answer-deadline";
    private static final Logger log = LoggerFactory.getLogger(AnswerDeadlines.class);
    private static final Duration RETRY_AFTER = Duration.ofHours(1);

    /** What the SHV API shows of a claim's latest answer deadline. */
    public record ClaimDeadline(LocalDate answerDueOn, Instant reachedAt, Instant remindedAt, Instant escalatedAt,
                                Instant closedAt) {}

    private final AnswerDeadlineRepository deadlines;
    private final DossierService dossiers;
    private final StatusService statuses;
    private final DossierProgress progress;
    private final Conversations conversations;
    private final ParticipantRepository participants;
    private final CreditorMessages creditorMessages;
    private final AnswerDeadlineProperties properties;
    private final ZoneId zone;
    private final Clock clock;
    private final TransactionTemplate page;
    private final TransactionTemplate savepoint;

    AnswerDeadlines(AnswerDeadlineRepository deadlines, DossierService dossiers, StatusService statuses,
                    DossierProgress progress, Conversations conversations, ParticipantRepository participants,
                    CreditorMessages creditorMessages, AnswerDeadlineProperties properties,
                    TimeProperties time, Clock clock, PlatformTransactionManager transactions) {
        this.deadlines = deadlines;
        this.dossiers = dossiers;
        this.statuses = statuses;
        this.progress = progress;
        this.conversations = conversations;
        this.participants = participants;
        this.creditorMessages = creditorMessages;
        this.properties = properties;
        this.zone = time.zone();
        this.clock = clock;
        this.page = new TransactionTemplate(transactions);
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /**
     * Handles every deadline that is due, a page at a time, each page in a transaction of its own.
     *
     * @return how many deadlines were handled
     */
    public int handleDue() {
        int handled = 0;
        int size;
        do {
            size = page.execute(status -> handlePage());
            handled += size;
        } while (size == properties.deadlineScanPageSize());
        return handled;
    }

    /** The latest answer deadline of each claim of the dossier that has one. */
    public Map<UUID, ClaimDeadline> ofDossier(UUID dossierId) {
        return deadlines.latestPerClaim(dossierId).stream().collect(Collectors.toMap(
                AnswerDeadlineRepository.Row::claimId,
                r -> new ClaimDeadline(r.dueOn(), r.reachedAt(), r.remindedAt(), r.escalatedAt(), r.closedAt())));
    }

    private int handlePage() {
        Instant now = clock.instant();
        List<AnswerDeadlineRepository.Row> due = deadlines.lockDue(now, properties.deadlineScanPageSize());
        for (AnswerDeadlineRepository.Row row : due) {
            try {
                savepoint.executeWithoutResult(status -> handle(row, now));
            } catch (RuntimeException e) {
                // Rolled back to the savepoint; the others of the page go on. Tried again later.
                log.warn("Answer deadline {} of claim {} could not be handled; trying again in {}: {}", row.id(),
                        row.claimId(), RETRY_AFTER, e.toString());
                deadlines.postpone(row.id(), now.plus(RETRY_AFTER));
            }
        }
        return due.size();
    }

    private void handle(AnswerDeadlineRepository.Row row, Instant now) {
        // The claim first, then (in afterClaimChange) its dossier: the order every claim change takes.
        ClaimStatus status = deadlines.lockClaimStatus(row.claimId()).orElse(null);
        if (status == ClaimStatus.OVERDUE) {
            // Escalated already (by an earlier deadline of this claim): wait for an answer or the SHV.
            deadlines.postpone(row.id(), null);
            return;
        }
        if (status != ClaimStatus.SALDO_REQUESTED) {
            // Answered (also late), passed over, withdrawn or not reached: nothing left to do.
            deadlines.close(row.id(), now);
            return;
        }
        if (now.isBefore(row.dueAt())) {
            if (row.remindedAt() == null) {
                remind(row, now);
            } else {
                deadlines.postpone(row.id(), row.dueAt());
            }
            return;
        }
        String note = "no answer to the Saldoverzoek by the end of " + row.dueOn() + " ("
                + properties.answerTermWorkingDays() + " working days after it reached the creditor on "
                + row.reachedAt().atZone(zone).toLocalDate() + ")";
        Cause cause = Cause.system(CAUSE);
        statuses.changeClaim(row.dossierId(), row.claimId(), ClaimStatus.OVERDUE, cause, note);
        deadlines.escalated(row.id(), now);
        progress.afterClaimChange(row.dossierId(), cause);
    }

    /** Queues the reminder to the creditor, in the conversation of the claim. */
    private void remind(AnswerDeadlineRepository.Row row, Instant now) {
        DossierDetails details = dossiers.get(row.dossierId());
        Optional<ClientData> client = details.clientData();
        Claim claim = details.claims().stream().filter(c -> c.id().equals(row.claimId())).findFirst().orElseThrow();
        if (client.isEmpty()) {
            // Purged personal data: KlantnummerSHV is gone, so no reminder can be written. Rare (an open dossier).
            log.info("No reminder for claim {}: the dossier's personal data is gone", row.claimId());
            deadlines.postpone(row.id(), row.dueAt());
            return;
        }
        Participant shv = participants.findById(details.dossier().shvId()).orElseThrow();
        Conversation conversation = conversations.findByClaim(claim.id()).orElseThrow();
        UUID reference = UUID.randomUUID();
        LocalDate today = now.atZone(zone).toLocalDate();
        // Unsolicited, so without CrossReferentienummer: that names a message answered (only a
        // Statusverzoek, for a Statusbericht SHV). The conversation and the Toelichting tie it to the Saldoverzoek.
        Message reminder = CreditorMessages.statusbericht(reference, conversation, null, shv, claim,
                client.get().clientNumberShv(), creditorMessages.clientNumberSe(claim), StatuscodeSHV.SALDI_OPVRAGEN,
                today, row.dueOn(), reminderText(row), now);
        creditorMessages.queue(conversation, reminder);
        deadlines.reminded(row.id(), now, reference, row.dueAt());
    }

    /** The Toelichting of the reminder, in Dutch as the creditors read it. */
    static String reminderText(AnswerDeadlineRepository.Row row) {
        return "Herinnering: wij hebben nog geen antwoord op ons Saldoverzoek met Referentienummer "
                + row.messageReference() + ". De antwoordtermijn eindigt op " + row.dueOn()
                + " (einde van de dag). Zonder antwoord gaat de schuldhulpverlener mogelijk verder zonder uw vordering.";
    }
}
