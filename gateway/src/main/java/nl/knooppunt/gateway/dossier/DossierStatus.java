package nl.knooppunt.gateway.dossier;

import nl.knooppunt.gateway.shared.Transitions;

/**
 * Where a dossier stands in the schuldregeling process. The allowed transitions are in
 * {@link #TRANSITIONS}; nothing else decides them.
 */
public enum DossierStatus {
    /** Submitted by the SHV, not yet sent out. */
    RECEIVED,
    /** Saldoverzoeken are out; waiting for every creditor to state its claim. */
    SALDO_INVENTORY,
    /** Every creditor answered the saldoverzoek; the SHV can make its proposal. */
    PROPOSAL_READY,
    /** Betaalvoorstel sent; waiting for the creditors' answers. */
    PROPOSAL_SENT,
    /** At least one creditor rejected; the SHV asked for reconsideration (Heroverweging). */
    RECONSIDERATION,
    /** Every creditor agreed (or agreed up front); the settlement runs. */
    AGREED,
    /** The settlement ran its term. */
    COMPLETED,
    /** The agreed settlement ended early (Schuldregeling beëindigd). */
    TERMINATED,
    /** No amicable settlement could be reached. */
    REJECTED,
    /** The SHV withdrew the dossier before agreement. */
    WITHDRAWN;

    public static final Transitions<DossierStatus> TRANSITIONS = Transitions.of(DossierStatus.class)
            .from(RECEIVED, SALDO_INVENTORY, WITHDRAWN)
            .from(SALDO_INVENTORY, PROPOSAL_READY, WITHDRAWN)
            .from(PROPOSAL_READY, PROPOSAL_SENT, AGREED, WITHDRAWN)
            .from(PROPOSAL_SENT, AGREED, RECONSIDERATION, REJECTED, WITHDRAWN)
            .from(RECONSIDERATION, AGREED, REJECTED, WITHDRAWN)
            .from(AGREED, COMPLETED, TERMINATED)
            .build();

    /** A closed dossier changes no more; its personal data falls under the retention period. */
    public boolean isClosed() {
        return TRANSITIONS.isTerminal(this);
    }
}
