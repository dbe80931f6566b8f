package nl.knooppunt.gateway.workflow;

import java.time.ZoneId;
import nl.knooppunt.gateway.dossier.ClaimStatus;
import nl.knooppunt.gateway.dossier.DossierRepository;
import nl.knooppunt.gateway.outbound.DeliveryEvent;
import nl.knooppunt.gateway.outbound.DeliveryListener;
import nl.knooppunt.gateway.outbound.OutboundStatus;
import nl.knooppunt.gateway.time.TimeProperties;
import nl.knooppunt.gateway.time.WorkingDayCalendar;
import nl.knooppunt.mappings.canonical.MessageType;
import org.springframework.stereotype.Component;

/**
 * Starts the answer term of a Saldoverzoek when it <em>reached</em> its creditor: delivered to the
 * creditor's system ({@code delivered} with status DELIVERED), or fetched from its mailbox for the
 * first time ({@code fetched}). A message placed in the mailbox ({@code delivered} with status
 * IN_MAILBOX) has reached no one yet, so its term does not start then. Runs inside the engine's
 * transaction; told the same fact again, it changes nothing (one deadline per Saldoverzoek).
 */
@Component
class AnswerDeadlineStart implements DeliveryListener {

    private final AnswerDeadlineRepository deadlines;
    private final DossierRepository dossiers;
    private final AnswerDeadlineProperties properties;
    private final WorkingDayCalendar calendar;
    private final ZoneId zone;

    AnswerDeadlineStart(AnswerDeadlineRepository deadlines, DossierRepository dossiers,
                        AnswerDeadlineProperties properties, WorkingDayCalendar calendar, TimeProperties time) {
        this.deadlines = deadlines;
        this.dossiers = dossiers;
        this.properties = properties;
        this.calendar = calendar;
        this.zone = time.zone();
    }

    @Override
    public void delivered(DeliveryEvent event) {
        if (event.status() == OutboundStatus.DELIVERED) {
            start(event);
        }
    }

    @Override
    public void fetched(DeliveryEvent event) {
        start(event);
    }

    private void start(DeliveryEvent event) {
        if (event.claimId() == null || !MessageType.SALDOVERZOEK.code().equals(event.messageType())) {
            return;
        }
        // A claim answered meanwhile awaits nothing. NOT_REACHED: the message reached it after all, and
        // SaldoverzoekDelivery puts the claim back to SALDO_REQUESTED in this same transaction.
        boolean awaited = dossiers.findClaimStatus(event.claimId())
                .filter(s -> s == ClaimStatus.SALDO_REQUESTED || s == ClaimStatus.NOT_REACHED)
                .isPresent();
        if (awaited) {
            deadlines.insert(event.claimId(), event.dossierId(), event.reference(), AnswerTerm.of(event.at(),
                    properties.answerTermWorkingDays(), properties.reminderWorkingDaysBefore(), calendar, zone));
        }
    }
}
