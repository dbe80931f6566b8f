package nl.knooppunt.mappings.canonical;

/** When the creditor is paid. The constant names are the codes used in XML, JSON and CSV (see the XSD enumeration Uitbetaalmomenten). */
public enum Uitbetaalmomenten {
    EENMALIG, MAANDELIJKS, PER_KWARTAAL, PER_HALFJAAR, JAARLIJKS, EINDE_LOOPTIJD
}
