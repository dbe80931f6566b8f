package nl.knooppunt.mappings.canonical;

/** A BRP/BAG-style address; {@code adressoort} is the 2.0 Adreskeuze (residential address or briefadres). */
public record Adres(Adressoort adressoort, String straatnaam, Integer huisnummer, String huisletter,
                    String huisnummertoevoeging, AanduidingBijHuisnummer aanduidingBijHuisnummer, String postcode,
                    String woonplaats, String woonbootverwijzing, String woonwagenverwijzing) {

    public Adres {
        Check.required(adressoort, "Adressoort");
        Check.text(straatnaam, "Straatnaam", Check.KORTE_TEKST_MAX, true);
        Check.range(huisnummer, "Huisnummer", 1, 99999, true);
        Check.pattern(huisletter, "Huisletter", Check.HUISLETTER, "one letter", false);
        Check.pattern(huisnummertoevoeging, "Huisnummertoevoeging", Check.HUISNUMMERTOEVOEGING,
                "1 to 4 letters or digits", false);
        Check.pattern(postcode, "Postcode", Check.POSTCODE, "a Dutch postcode like 1234AB", true);
        Check.text(woonplaats, "Woonplaats", Check.KORTE_TEKST_MAX, true);
        Check.text(woonbootverwijzing, "Woonbootverwijzing", Check.KORTE_TEKST_MAX, false);
        Check.text(woonwagenverwijzing, "Woonwagenverwijzing", Check.KORTE_TEKST_MAX, false);
    }
}
