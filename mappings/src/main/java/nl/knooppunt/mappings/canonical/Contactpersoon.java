package nl.knooppunt.mappings.canonical;

/** Case worker at the SHV or contact at the creditor. */
public record Contactpersoon(String naam, String telefoonnummer, String emailadres) {

    public Contactpersoon {
        Check.text(naam, "Naam", Check.NAAM_MAX, true);
        Check.pattern(telefoonnummer, "Telefoonnummer", Check.TELEFOONNUMMER,
                "a telephone number of 6 to 20 digits, spaces, hyphens or parentheses", false);
        Check.pattern(emailadres, "Emailadres", Check.EMAILADRES, "an e-mail address", false);
        Check.that(emailadres == null || emailadres.length() <= Check.EMAILADRES_MAX, "Emailadres",
                "is longer than " + Check.EMAILADRES_MAX + " characters");
    }
}
