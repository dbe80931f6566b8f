package nl.knooppunt.mappings.canonical;

/** Gegevens Klant as the SHV sends them. */
public record GegevensKlant(String klantnummerSHV, String klantnummerSEVolgensSHV,
                            TypeSchuldregeling typeSchuldregeling, Persoon klant, Persoon partner, Adres adres) {

    public GegevensKlant {
        Check.text(klantnummerSHV, "KlantnummerSHV", Check.KENMERK_MAX, true);
        Check.text(klantnummerSEVolgensSHV, "KlantnummerSEVolgensSHV", Check.KENMERK_MAX, false);
        Check.required(klant, "Klant");
        Check.required(adres, "Adres");
    }
}
