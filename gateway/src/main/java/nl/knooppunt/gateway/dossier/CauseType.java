package nl.knooppunt.gateway.dossier;

/** What kind of event caused a status change. */
public enum CauseType {
    /** A message, named by its Referentienummer. */
    MESSAGE,
    /** A person or organisation acting through an API or screen, named by OIN or user id. */
    USER,
    /** The gateway itself (a schedule, an expiry, a delivery outcome). */
    SYSTEM
}
