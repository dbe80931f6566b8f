package nl.knooppunt.gateway.dossier;

/**
 * Told of every status change of a dossier or a claim, so that a feature (the SHV's notifications)
 * can follow without the state machine knowing it. Every Spring bean implementing this is called by
 * {@link StatusService}, in {@link org.springframework.core.annotation.Order order}, <b>inside the
 * transaction of the change</b>, after its history entry is written: what a listener writes commits
 * or rolls back with the change, and a listener that throws undoes the change. So a listener must be
 * quick and must not call out of the process.
 */
public interface StatusChangeListener {

    /** A claim changed status ({@link StatusChange#claimId()} is set). */
    default void claimChanged(StatusChange change) {}

    /** The dossier itself changed status. */
    default void dossierChanged(StatusChange change) {}
}
