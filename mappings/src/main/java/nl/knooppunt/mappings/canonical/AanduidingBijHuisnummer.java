package nl.knooppunt.mappings.canonical;

/** BRP indication for an address without its own house number. The constant names are the codes used in XML, JSON and CSV (see the XSD enumeration AanduidingBijHuisnummer). */
public enum AanduidingBijHuisnummer {
    BIJ, TEGENOVER
}
