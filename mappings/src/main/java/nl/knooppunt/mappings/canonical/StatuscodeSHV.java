package nl.knooppunt.mappings.canonical;

/** Where the SHV's case stands. The constant names are the codes used in XML, JSON and CSV (see the XSD enumeration StatuscodeSHV). */
public enum StatuscodeSHV {
    AANMELDING, STABILISATIE, SALDI_OPVRAGEN, VOORSTEL_IN_VOORBEREIDING, VOORSTEL_VERSTUURD, AKKOORD_BEREIKT, DWANGAKKOORD_AANGEVRAAGD, REGELING_IN_UITVOERING, DOSSIER_GESLOTEN
}
