package nl.knooppunt.mappings.canonical;

/** Whether the creditor still holds a claim, transferred it, or does not know it. The constant names are the codes used in XML, JSON and CSV (see the XSD enumeration Schuldtype). */
public enum Schuldtype {
    OPENSTAAND, OVERGEDRAGEN, ONBEKEND
}
