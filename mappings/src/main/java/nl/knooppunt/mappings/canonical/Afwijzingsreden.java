package nl.knooppunt.mappings.canonical;

/** Why a creditor rejects a proposal. The constant names are the codes used in XML, JSON and CSV (see the XSD enumeration Afwijzingsreden). */
public enum Afwijzingsreden {
    VORDERING_ONJUIST, AFLOSCAPACITEIT_ONJUIST, PERCENTAGE_TE_LAAG, ONVOLDOENDE_ONDERBOUWING, VORDERING_UITGESLOTEN, EERDERE_REGELING, OVERIG
}
