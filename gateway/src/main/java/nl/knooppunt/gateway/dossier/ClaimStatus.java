package nl.knooppunt.gateway.dossier;

import nl.knooppunt.gateway.shared.Transitions;

/**
 * Where one creditor's claim stands. The allowed transitions are in {@link #TRANSITIONS};
 * nothing else decides them.
 */
public enum ClaimStatus {
    /** Registered with the dossier; no message sent yet. */
    NEW,
    /** Saldoverzoek queued for the creditor. */
    SALDO_REQUESTED,
    /** The creditor stated its claim (Saldoverzoek antwoord). */
    SALDO_CONFIRMED,
    /** The creditor stated its claim and agreed up front (Saldoverzoek antwoord vooraf akkoord). */
    PRE_AGREED,
    /**
     * The creditor refuses to cooperate (Geen medewerking with reason finale kwijting, recent
     * stabilisation attempt, or not with this SHV); the reason is kept with the claim.
     */
    NO_COOPERATION,
    /**
     * The creditor has no claim on this client (Geen medewerking, reason klant onbekend): nothing to
     * settle here.
     */
    NO_DEBT,
    /**
     * The Saldoverzoek did not reach the creditor: it became a dead letter or expired unfetched in
     * the mailbox. A late answer still counts; the SHV may ask again.
     */
    NOT_REACHED,
    /**
     * No answer within the answer term (10 werkdagen from the moment the Saldoverzoek reached the
     * creditor): the SHV is told by this change. A late answer still counts; the SHV may proceed
     * without this creditor.
     */
    OVERDUE,
    /**
     * The SHV proceeds without this creditor after its answer term ran out; the claim no longer
     * keeps the dossier waiting. A late answer still counts.
     */
    PASSED_OVER,
    /** Betaalvoorstel queued for the creditor. */
    PROPOSAL_SENT,
    /** The creditor accepted the proposal. */
    ACCEPTED,
    /** The creditor rejected the proposal. */
    REJECTED,
    /** Heroverweging queued: the SHV asks the creditor to reconsider its rejection. */
    RECONSIDERATION_REQUESTED,
    /** The creditor was told the settlement is agreed (Schuldregeling akkoord). */
    SETTLED,
    /** The creditor was told the settlement ended (Schuldregeling beëindigd). */
    TERMINATED,
    /** The dossier was withdrawn or ended before agreement; the claim is no longer pursued. */
    WITHDRAWN;

    public static final Transitions<ClaimStatus> TRANSITIONS = Transitions.of(ClaimStatus.class)
            .from(NEW, SALDO_REQUESTED, WITHDRAWN)
            .from(SALDO_REQUESTED, SALDO_CONFIRMED, PRE_AGREED, NO_COOPERATION, NO_DEBT, NOT_REACHED, OVERDUE, WITHDRAWN)
            // No answer in time: a late answer still counts, or the SHV proceeds without the creditor.
            .from(OVERDUE, SALDO_CONFIRMED, PRE_AGREED, NO_COOPERATION, NO_DEBT, PASSED_OVER, WITHDRAWN)
            .from(PASSED_OVER, SALDO_CONFIRMED, PRE_AGREED, NO_COOPERATION, NO_DEBT, WITHDRAWN)
            .from(SALDO_CONFIRMED, PROPOSAL_SENT, WITHDRAWN)
            .from(PRE_AGREED, PROPOSAL_SENT, SETTLED, WITHDRAWN)
            .from(NO_COOPERATION, SALDO_REQUESTED, WITHDRAWN)
            .from(NO_DEBT, SALDO_REQUESTED, WITHDRAWN)
            // The creditor had the message after all (its answer proves it), or the SHV asks again.
            .from(NOT_REACHED, SALDO_CONFIRMED, PRE_AGREED, NO_COOPERATION, NO_DEBT, SALDO_REQUESTED, WITHDRAWN)
            .from(PROPOSAL_SENT, ACCEPTED, REJECTED, WITHDRAWN)
            .from(REJECTED, RECONSIDERATION_REQUESTED, WITHDRAWN)
            .from(RECONSIDERATION_REQUESTED, ACCEPTED, REJECTED, WITHDRAWN)
            .from(ACCEPTED, SETTLED, WITHDRAWN)
            .from(SETTLED, TERMINATED)
            .build();
}
