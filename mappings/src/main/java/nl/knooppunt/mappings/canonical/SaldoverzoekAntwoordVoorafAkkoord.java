package nl.knooppunt.mappings.canonical;

import java.time.LocalDate;
import java.util.List;

/** SE to SHV, answers Saldoverzoek with the claims and consents up front to the settlement. */
public record SaldoverzoekAntwoordVoorafAkkoord(String klantnummerSHV, String klantnummerSE, Contactpersoon contactpersoon,
        LocalDate peildatum, List<VorderingSE> vorderingen) implements SaldoAntwoord {

    public SaldoverzoekAntwoordVoorafAkkoord {
        SaldoAntwoord.check(klantnummerSHV, klantnummerSE, contactpersoon, peildatum);
        vorderingen = Check.list(vorderingen, "Vorderingen", 0);
    }

    @Override
    public MessageType messageType() {
        return MessageType.SALDOVERZOEK_ANTWOORD_VOORAF_AKKOORD;
    }
}
