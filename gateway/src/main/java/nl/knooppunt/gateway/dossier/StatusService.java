package nl.knooppunt.gateway.dossier;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way statuses change: the row is locked, the transition checked against the state
 * machine, the new status written and the change appended to the history, all in the caller's
 * transaction. A forbidden transition changes nothing.
 */
@Service
public class StatusService {

    private final DossierRepository dossiers;
    private final StatusHistoryRepository history;
    private final Clock clock;

    StatusService(DossierRepository dossiers, StatusHistoryRepository history, Clock clock) {
        this.dossiers = dossiers;
        this.history = history;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void changeDossier(UUID dossierId, DossierStatus to, Cause cause, String note) {
        DossierStatus from = dossiers.lockDossierStatus(dossierId)
                .orElseThrow(() -> new DossierNotFoundException(dossierId));
        DossierStatus.TRANSITIONS.check(from, to);
        Instant now = clock.instant();
        dossiers.updateDossierStatus(dossierId, to, now);
        history.append(dossierId, null, from.name(), to.name(), now, cause, note);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void changeClaim(UUID dossierId, UUID claimId, ClaimStatus to, Cause cause, String note) {
        ClaimStatus from = dossiers.lockClaimStatus(claimId)
                .orElseThrow(() -> new IllegalArgumentException("No claim " + claimId));
        ClaimStatus.TRANSITIONS.check(from, to);
        Instant now = clock.instant();
        dossiers.updateClaimStatus(claimId, to, now);
        history.append(dossierId, claimId, from.name(), to.name(), now, cause, note);
    }

    /**
     * Locks the dossier until the end of the transaction and returns its status: for a decision
     * that reads all its claims, so that two transactions changing two of its claims at the same
     * moment take turns and the second sees the first's change.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public DossierStatus lockDossier(UUID dossierId) {
        return dossiers.lockDossierStatus(dossierId).orElseThrow(() -> new DossierNotFoundException(dossierId));
    }

    /** Records the first status of a new dossier or claim. */
    @Transactional(propagation = Propagation.MANDATORY)
    void recordCreated(UUID dossierId, UUID claimId, String status, Instant at, Cause cause, String note) {
        history.append(dossierId, claimId, null, status, at, cause, note);
    }
}
