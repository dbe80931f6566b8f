package nl.knooppunt.mappings.canonical;

/** A change at the creditor's side. The constant names are the codes used in XML, JSON and CSV (see the XSD enumeration StatuscodeSE). */
public enum StatuscodeSE {
    INCASSO_OPGESCHORT, INCASSO_HERVAT, VORDERING_GEWIJZIGD, VORDERING_OVERGEDRAGEN, BETALINGSACHTERSTAND, CONTACTGEGEVENS_GEWIJZIGD
}
