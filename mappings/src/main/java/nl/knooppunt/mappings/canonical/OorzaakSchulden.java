package nl.knooppunt.mappings.canonical;

/** Debt-cause typology used to substantiate a proposal. The constant names are the codes used in XML, JSON and CSV (see the XSD enumeration OorzaakSchulden). */
public enum OorzaakSchulden {
    OVERLEVINGSSCHULDEN, COMPENSATIESCHULDEN, AANPASSINGSSCHULDEN, OVERKREDITERINGSSCHULDEN
}
