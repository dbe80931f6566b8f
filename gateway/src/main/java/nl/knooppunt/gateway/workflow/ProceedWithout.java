package nl.knooppunt.gateway.workflow;

import java.util.UUID;
import nl.knooppunt.gateway.dossier.Cause;
import nl.knooppunt.gateway.dossier.Claim;
import nl.knooppunt.gateway.dossier.ClaimStatus;
import nl.knooppunt.gateway.dossier.Dossier;
import nl.knooppunt.gateway.dossier.DossierNotFoundException;
import nl.knooppunt.gateway.dossier.DossierRepository;
import nl.knooppunt.gateway.dossier.StatusService;
import nl.knooppunt.gateway.registry.Participant;
import nl.knooppunt.gateway.shared.Refusal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The SHV proceeds without a creditor whose answer term ran out: its claim goes
 * {@code OVERDUE → PASSED_OVER} and no longer keeps the dossier waiting ({@link DossierProgress}
 * then moves it on, e.g. to PROPOSAL_READY). Only from OVERDUE: a claim still within its term has
 * its chance, and a NOT_REACHED claim keeps no dossier waiting already. Asked again for a claim passed
 * over already, nothing changes and the answer is the same (idempotent). A late answer still counts.
 */
@Service
public class ProceedWithout {

    /** What the call did. */
    public enum Outcome {
        /** The claim is passed over now. */
        PASSED_OVER,
        /** It was passed over before; nothing changed. */
        ALREADY_PASSED_OVER
    }

    private final DossierRepository dossiers;
    private final StatusService statuses;
    private final DossierProgress progress;

    ProceedWithout(DossierRepository dossiers, StatusService statuses, DossierProgress progress) {
        this.dossiers = dossiers;
        this.statuses = statuses;
        this.progress = progress;
    }

    /**
     * @param shv the SHV asking; a dossier of another SHV does not exist for it
     * @throws DossierNotFoundException no such dossier of this SHV
     * @throws ClaimNotFoundException the dossier has no such claim
     * @throws ClaimNotOverdueException the claim's status does not allow it; nothing changed
     */
    @Transactional
    public Outcome passOver(Participant shv, UUID dossierId, UUID claimId) {
        Dossier dossier = dossiers.findById(dossierId).filter(d -> d.shvId().equals(shv.id()))
                .orElseThrow(() -> new DossierNotFoundException(dossierId));
        Claim claim = dossiers.findClaim(claimId).filter(c -> c.dossierId().equals(dossier.id()))
                .orElseThrow(ClaimNotFoundException::new);
        Cause cause = Cause.user(shv.oin().value());
        // Checked again under the claim's lock by changeClaim; a claim answered in between is refused there.
        ClaimStatus status = dossiers.findClaimStatus(claim.id()).orElseThrow();
        if (status == ClaimStatus.PASSED_OVER) {
            return Outcome.ALREADY_PASSED_OVER;
        }
        if (status != ClaimStatus.OVERDUE) {
            throw new ClaimNotOverdueException(status);
        }
        try {
            statuses.changeClaim(dossierId, claimId, ClaimStatus.PASSED_OVER, cause,
                    "the SHV proceeds without this creditor: no answer within the term");
        } catch (nl.knooppunt.gateway.shared.IllegalTransitionException answeredMeanwhile) {
            throw new ClaimNotOverdueException(ClaimStatus.valueOf(answeredMeanwhile.from()));
        }
        progress.afterClaimChange(dossierId, cause);
        return Outcome.PASSED_OVER;
    }

    /** The dossier has no such claim. */
    static class ClaimNotFoundException extends Refusal {
        ClaimNotFoundException() {
            super(Kind.NOT_FOUND, "not-found", "Not found", "There is no such claim in this dossier.");
        }
    }

    /** Proceeding without the creditor is possible only once its answer term ran out. */
    static class ClaimNotOverdueException extends Refusal {
        ClaimNotOverdueException(ClaimStatus status) {
            super(Kind.CONFLICT, "claim-not-overdue", "Claim not overdue",
                    "The claim is " + status + "; proceeding without the creditor is possible only when its answer "
                            + "term ran out (OVERDUE). Nothing was changed.");
        }
    }
}
