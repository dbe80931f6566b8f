package nl.knooppunt.mappings.canonical;

/** Which BRP address is meant (the 2.0 Adreskeuze). The constant names are the codes used in XML, JSON and CSV (see the XSD enumeration Adressoort). */
public enum Adressoort {
    WOONADRES, BRIEFADRES
}
