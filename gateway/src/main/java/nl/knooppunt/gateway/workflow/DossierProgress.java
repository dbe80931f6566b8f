package nl.knooppunt.gateway.workflow;

import java.time.Clock;
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
 * Moves a dossier on when its claims together say so. Runs in the transaction of the claim change.
 *
 * <p>The rules, per claim status:
 * <ul>
 * <li><b>Saldo inventory complete</b> ({@code SALDO_INVENTORY → PROPOSAL_READY}) when no claim waits
 *     for its Saldoverzoek any more: every claim is {@link #SALDO_ANSWERED} — the creditor stated its
 *     claim ({@code SALDO_CONFIRMED}, {@code PRE_AGREED}), has no claim ({@code NO_DEBT}), refuses
 *     ({@code NO_COOPERATION}), was passed over by the SHV after its answer term ran out
 *     ({@code PASSED_OVER}), could not be reached ({@code NOT_REACHED}: its Saldoverzoek became a
 *     dead letter or expired, so waiting would be forever; a late answer still counts), or the claim
 *     was withdrawn. Only {@code NEW}, {@code SALDO_REQUESTED} and {@code OVERDUE} keep the dossier waiting.</li>
 * <li><b>Settlement agreed</b> ({@code PROPOSAL_SENT | RECONSIDERATION → AGREED}) when every claim
 *     is {@link #AGREEING} or {@link #LEFT_OUT} of the settlement (no proposal went to it: no debt,
 *     refused, not reached, passed over, withdrawn), and at least one agrees.</li>
 * </ul>
 * After every claim change it also closes the answer deadlines of the dossier's claims that no longer
 * await an answer (see {@link AnswerDeadlines}).
 */
@Service
public class DossierProgress {

    /** The Saldoverzoek has its outcome: answered, not reached, or the claim withdrawn. */
    static final Set<ClaimStatus> SALDO_ANSWERED = EnumSet.of(ClaimStatus.SALDO_CONFIRMED, ClaimStatus.PRE_AGREED,
            ClaimStatus.NO_COOPERATION, ClaimStatus.NO_DEBT, ClaimStatus.NOT_REACHED, ClaimStatus.PASSED_OVER,
            ClaimStatus.WITHDRAWN);
    /** A creditor agrees with the settlement. */
    static final Set<ClaimStatus> AGREEING = EnumSet.of(ClaimStatus.ACCEPTED, ClaimStatus.PRE_AGREED);
    /** Claims that take no part in the settlement. */
    static final Set<ClaimStatus> LEFT_OUT = EnumSet.of(ClaimStatus.NO_COOPERATION, ClaimStatus.NO_DEBT,
            ClaimStatus.NOT_REACHED, ClaimStatus.PASSED_OVER, ClaimStatus.WITHDRAWN);

    private final DossierRepository dossiers;
    private final StatusService statuses;
    private final AnswerDeadlineRepository deadlines;
    private final Clock clock;

    DossierProgress(DossierRepository dossiers, StatusService statuses, AnswerDeadlineRepository deadlines, Clock clock) {
        this.dossiers = dossiers;
        this.statuses = statuses;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void afterClaimChange(UUID dossierId, Cause cause) {
        // Locked first: two creditors answering the last two claims at once must not both see the
        // other's claim unanswered, or the dossier would never move on.
        DossierStatus status = statuses.lockDossier(dossierId);
        // An answered (passed over, withdrawn) claim's answer deadline has nothing left to do.
        deadlines.closeSettled(dossierId, clock.instant());
        List<Claim> claims = dossiers.findClaims(dossierId);
        if (status == DossierStatus.SALDO_INVENTORY
                && claims.stream().allMatch(c -> SALDO_ANSWERED.contains(c.status()))) {
            statuses.changeDossier(dossierId, DossierStatus.PROPOSAL_READY, cause, "every saldoverzoek answered or not reached");
        } else if ((status == DossierStatus.PROPOSAL_SENT || status == DossierStatus.RECONSIDERATION)
                && claims.stream().allMatch(c -> AGREEING.contains(c.status()) || LEFT_OUT.contains(c.status()))
                && claims.stream().anyMatch(c -> AGREEING.contains(c.status()))) {
            statuses.changeDossier(dossierId, DossierStatus.AGREED, cause, "every creditor agreed");
        }
    }
}
