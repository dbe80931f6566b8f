package nl.knooppunt.mappings.canonical;

/** Whether a message of a type carries a CrossReferentienummer (the Referentienummer of the message it answers). */
public enum CrossReferenceRule {
    /** The type always answers a message. */
    REQUIRED,
    /** The type may answer a message or be sent on its own (Statusbericht SHV). */
    OPTIONAL,
    /** The type never answers a message. */
    FORBIDDEN
}
