package nl.knooppunt.mappings.canonical;

/** What the creditor did with a Kennisgeving. The constant names are the codes used in XML, JSON and CSV (see the XSD enumeration AntwoordKennisgeving). */
public enum AntwoordKennisgeving {
    ONTVANGEN, INCASSO_OPGESCHORT, GEEN_OPENSTAANDE_VORDERING
}
