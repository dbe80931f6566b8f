package nl.knooppunt.gateway.workflow;

import nl.knooppunt.gateway.dossier.Cause;
import nl.knooppunt.gateway.dossier.ClaimStatus;
import nl.knooppunt.gateway.dossier.DossierRepository;
import nl.knooppunt.gateway.dossier.StatusService;
import nl.knooppunt.gateway.outbound.DeliveryEvent;
import nl.knooppunt.gateway.outbound.DeliveryListener;
import nl.knooppunt.mappings.canonical.MessageType;
import org.springframework.stereotype.Component;

/**
 * What the fate of a Saldoverzoek means for its claim, told by the outbound engine inside the
 * transaction that records it: a Saldoverzoek that becomes a dead letter or expires unfetched leaves
 * its claim {@link ClaimStatus#NOT_REACHED} (visible to the SHV, and counted by
 * {@link DossierProgress} so the dossier does not wait forever); one that reaches the creditor after
 * all (resubmitted, or answered) puts it back to {@link ClaimStatus#SALDO_REQUESTED}. Told the same
 * fact again, or about a claim that moved on meanwhile, it changes nothing.
 */
@Component
class SaldoverzoekDelivery implements DeliveryListener {

    private final DossierRepository dossiers;
    private final StatusService statuses;
    private final DossierProgress progress;

    SaldoverzoekDelivery(DossierRepository dossiers, StatusService statuses, DossierProgress progress) {
        this.dossiers = dossiers;
        this.statuses = statuses;
        this.progress = progress;
    }

    @Override
    public void deadLettered(DeliveryEvent event) {
        move(event, ClaimStatus.SALDO_REQUESTED, ClaimStatus.NOT_REACHED, "Saldoverzoek not delivered: dead letter");
    }

    @Override
    public void expired(DeliveryEvent event) {
        move(event, ClaimStatus.SALDO_REQUESTED, ClaimStatus.NOT_REACHED,
                "Saldoverzoek not fetched from the mailbox in time");
    }

    @Override
    public void delivered(DeliveryEvent event) {
        move(event, ClaimStatus.NOT_REACHED, ClaimStatus.SALDO_REQUESTED, "Saldoverzoek reached the creditor after all");
    }

    private void move(DeliveryEvent event, ClaimStatus from, ClaimStatus to, String note) {
        if (event.claimId() == null || !MessageType.SALDOVERZOEK.code().equals(event.messageType())) {
            return;
        }
        // Called for every Saldoverzoek of every batch: one key lookup, and most claims are not in `from`.
        if (dossiers.findClaimStatus(event.claimId()).filter(s -> s == from).isEmpty()) {
            return;
        }
        Cause cause = Cause.message(event.reference());
        // Should an answer move the claim between the read and the lock, the change is refused and the
        // engine's fact rolls back with it; told again later, the claim has moved on and nothing happens.
        statuses.changeClaim(event.dossierId(), event.claimId(), to, cause, note);
        progress.afterClaimChange(event.dossierId(), cause);
    }
}
