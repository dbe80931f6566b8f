package nl.knooppunt.mappings.canonical;

/** Why a settlement ended. The constant names are the codes used in XML, JSON and CSV (see the XSD enumeration RedenBeeindiging). */
public enum RedenBeeindiging {
    VOLTOOID, NIET_NAKOMEN_AFSPRAKEN, TOELATING_WSNP, OVERLIJDEN, INGETROKKEN_DOOR_KLANT, OVERIG
}
