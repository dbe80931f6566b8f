package nl.knooppunt.mappings.canonical;

/** How a claim ranks when the proposal is computed. The constant names are the codes used in XML, JSON and CSV (see the XSD enumeration VorderingsType). */
public enum VorderingsType {
    PREFERENT, CONCURRENT, SEPARATIST, ACHTERGESTELD, BUITEN_REGELING
}
