package nl.knooppunt.mappings.canonical;

/** Gender as registered in the BRP. The constant names are the codes used in XML, JSON and CSV (see the XSD enumeration Geslacht). */
public enum Geslacht {
    M, V, O
}
