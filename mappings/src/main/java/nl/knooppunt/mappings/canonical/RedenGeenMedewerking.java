package nl.knooppunt.mappings.canonical;

/** The reasons a creditor may give for not cooperating. The constant names are the codes used in XML, JSON and CSV (see the XSD enumeration RedenGeenMedewerking). */
public enum RedenGeenMedewerking {
    KLANT_ONBEKEND, FINALE_KWIJTING_ONTVANGEN, RECENTE_STABILISATIEPOGING, GEEN_SAMENWERKING_SHV
}
