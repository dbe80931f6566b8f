package nl.knooppunt.mappings;

/** The wire formats of the contract. */
public enum Format {
    XML, JSON, CSV
}
