package nl.knooppunt.mappings.canonical;

import java.time.LocalDate;

/** Name and birth date of the client or the partner. */
public record Persoon(Geslacht geslacht, String voorletters, String voornamen, String voorvoegsel,
                      String achternaam, LocalDate geboortedatum) {

    public Persoon {
        Check.text(voorletters, "Voorletters", Check.VOORLETTERS_MAX, false);
        Check.text(voornamen, "Voornamen", Check.NAAM_MAX, false);
        Check.text(voorvoegsel, "Voorvoegsel", Check.VOORVOEGSEL_MAX, false);
        Check.text(achternaam, "Achternaam", Check.NAAM_MAX, true);
        Check.date(geboortedatum, "Geboortedatum", true);
    }
}
