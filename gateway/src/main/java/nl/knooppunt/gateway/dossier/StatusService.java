package nl.knooppunt.gateway.dossier;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way statuses change: the row is locked, the transition checked against the state
 * machine, the new status written and the change appended to the history, all in the caller's
 * transaction. A forbidden transition changes nothing. Every {@link StatusChangeListener} is told
 * of each change, in the same transaction, after the history entry is written.
 */
@Service
public class StatusService {

    private final DossierRepository dossiers;
    private final StatusHistoryRepository history;
    private final Clock clock;
    private final ObjectProvider<StatusChangeListener> listenerProvider;
    private volatile List<StatusChangeListener> listeners;

    StatusService(DossierRepository dossiers, StatusHistoryRepository history, Clock clock,
                  ObjectProvider<StatusChangeListener> listeners) {
        this.dossiers = dossiers;
        this.history = history;
        this.clock = clock;
        this.listenerProvider = listeners;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void changeDossier(UUID dossierId, DossierStatus to, Cause cause, String note) {
        DossierStatus from = dossiers.lockDossierStatus(dossierId)
                .orElseThrow(() -> new DossierNotFoundException(dossierId));
        DossierStatus.TRANSITIONS.check(from, to);
        Instant now = clock.instant();
        dossiers.updateDossierStatus(dossierId, to, now);
        long id = history.append(dossierId, null, from.name(), to.name(), now, cause, note);
        StatusChange change = new StatusChange(id, dossierId, null, from.name(), to.name(), now, cause, note);
        for (StatusChangeListener listener : listeners()) {
            listener.dossierChanged(change);
        }
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void changeClaim(UUID dossierId, UUID claimId, ClaimStatus to, Cause cause, String note) {
        ClaimStatus from = dossiers.lockClaimStatus(claimId)
                .orElseThrow(() -> new IllegalArgumentException("No claim " + claimId));
        ClaimStatus.TRANSITIONS.check(from, to);
        Instant now = clock.instant();
        dossiers.updateClaimStatus(claimId, to, now);
        long id = history.append(dossierId, claimId, from.name(), to.name(), now, cause, note);
        StatusChange change = new StatusChange(id, dossierId, claimId, from.name(), to.name(), now, cause, note);
        for (StatusChangeListener listener : listeners()) {
            listener.claimChanged(change);
        }
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

    /**
     * Locks the claim until the end of the transaction and returns its status (empty when there is
     * no such claim): for a decision on a claim's current status before changing it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<ClaimStatus> lockClaim(UUID claimId) {
        return dossiers.lockClaimStatus(claimId);
    }

    /** Records the first status of a new dossier or claim. */
    @Transactional(propagation = Propagation.MANDATORY)
    void recordCreated(UUID dossierId, UUID claimId, String status, Instant at, Cause cause, String note) {
        history.append(dossierId, claimId, null, status, at, cause, note);
    }

    // Resolved on first use: a listener may depend on beans that depend on this service.
    private List<StatusChangeListener> listeners() {
        List<StatusChangeListener> resolved = listeners;
        if (resolved == null) {
            resolved = listenerProvider.orderedStream().toList();
            listeners = resolved;
        }
        return resolved;
    }
}
