package nl.knooppunt.gateway.registry;

/** The role an organisation plays in the exchange. */
public enum ParticipantKind {
    /** Schuldhulpverlener: submits dossiers and proposals. */
    SHV,
    /** Schuldeiser (creditor) or incassobureau: answers saldoverzoeken and proposals. */
    CREDITOR
}
