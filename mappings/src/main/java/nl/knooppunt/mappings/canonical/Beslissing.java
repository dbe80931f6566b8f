package nl.knooppunt.mappings.canonical;

/** The creditor's decision on a proposal. The constant names are the codes used in XML, JSON and CSV (see the XSD enumeration Beslissing). */
public enum Beslissing {
    AKKOORD, AFGEWEZEN
}
