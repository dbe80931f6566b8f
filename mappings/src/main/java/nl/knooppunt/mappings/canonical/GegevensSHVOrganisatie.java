package nl.knooppunt.mappings.canonical;

/** The SHV organisation and its case worker. */
public record GegevensSHVOrganisatie(String schuldhulpverlener, Contactpersoon contactpersoon) {

    public GegevensSHVOrganisatie {
        Check.text(schuldhulpverlener, "Schuldhulpverlener", Check.NAAM_MAX, true);
        Check.required(contactpersoon, "Contactpersoon");
    }
}
