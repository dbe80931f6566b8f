package nl.knooppunt.gateway.workflow;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import nl.knooppunt.gateway.dossier.Cause;
import nl.knooppunt.gateway.dossier.Claim;
import nl.knooppunt.gateway.dossier.ClaimStatus;
import nl.knooppunt.gateway.dossier.DossierRepository;
import nl.knooppunt.gateway.dossier.DossierStatus;
import nl.knooppunt.gateway.dossier.StatusService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves a dossier on when its claims together say so: the saldo inventory is complete when every
 * creditor has answered its Saldoverzoek, and the settlement is agreed when every creditor still in
 * it has accepted (or agreed up front). Runs in the transaction of the claim change.
 */
@Service
public class DossierProgress {

    /** A creditor has answered its Saldoverzoek (or is out of the picture). */
    static final Set<ClaimStatus> SALDO_ANSWERED = EnumSet.of(ClaimStatus.SALDO_CONFIRMED, ClaimStatus.PRE_AGREED,
            ClaimStatus.NO_COOPERATION, ClaimStatus.WITHDRAWN);
    /** A creditor agrees with the settlement. */
    static final Set<ClaimStatus> AGREEING = EnumSet.of(ClaimStatus.ACCEPTED, ClaimStatus.PRE_AGREED);
    /** Claims that take no part in the settlement. */
    static final Set<ClaimStatus> LEFT_OUT = EnumSet.of(ClaimStatus.NO_COOPERATION, ClaimStatus.WITHDRAWN);

    private final DossierRepository dossiers;
    private final StatusService statuses;

    DossierProgress(DossierRepository dossiers, StatusService statuses) {
        this.dossiers = dossiers;
        this.statuses = statuses;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void afterClaimChange(UUID dossierId, Cause cause) {
        // Locked first: two creditors answering the last two claims at once must not both see the
        // other's claim unanswered, or the dossier would never move on.
        DossierStatus status = statuses.lockDossier(dossierId);
        List<Claim> claims = dossiers.findClaims(dossierId);
        if (status == DossierStatus.SALDO_INVENTORY
                && claims.stream().allMatch(c -> SALDO_ANSWERED.contains(c.status()))) {
            statuses.changeDossier(dossierId, DossierStatus.PROPOSAL_READY, cause, "every creditor answered the saldoverzoek");
        } else if ((status == DossierStatus.PROPOSAL_SENT || status == DossierStatus.RECONSIDERATION)
                && claims.stream().allMatch(c -> AGREEING.contains(c.status()) || LEFT_OUT.contains(c.status()))
                && claims.stream().anyMatch(c -> AGREEING.contains(c.status()))) {
            statuses.changeDossier(dossierId, DossierStatus.AGREED, cause, "every creditor agreed");
        }
    }
}
