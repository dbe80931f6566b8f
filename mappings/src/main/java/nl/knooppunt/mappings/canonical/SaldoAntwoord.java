package nl.knooppunt.mappings.canonical;

import java.time.LocalDate;
import java.util.List;

/** What Saldoverzoek antwoord and Saldoverzoek antwoord vooraf akkoord have in common: the claims. */
public sealed interface SaldoAntwoord extends MessageBody permits SaldoverzoekAntwoord, SaldoverzoekAntwoordVoorafAkkoord {

    String klantnummerSHV();

    String klantnummerSE();

    Contactpersoon contactpersoon();

    LocalDate peildatum();

    List<VorderingSE> vorderingen();

    /** Whether the creditor consents up front to the settlement (Collectief Schuldregelen). */
    default boolean voorafAkkoord() {
        return this instanceof SaldoverzoekAntwoordVoorafAkkoord;
    }

    static void check(String klantnummerSHV, String klantnummerSE, Contactpersoon contactpersoon, LocalDate peildatum) {
        Check.text(klantnummerSHV, "KlantnummerSHV", Check.KENMERK_MAX, true);
        Check.text(klantnummerSE, "KlantnummerSE", Check.KENMERK_MAX, true);
        Check.required(contactpersoon, "Contactpersoon");
        Check.date(peildatum, "Peildatum", true);
    }
}
