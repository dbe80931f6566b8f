package nl.knooppunt.mappings.canonical;

/** The two sides of every conversation. */
public enum Party {
    /** Schuldhulpverlener: the debt counsellor. */
    SHV,
    /** Schuldeiser: the creditor. */
    SE;

    public Party other() {
        return this == SHV ? SE : SHV;
    }
}
