package nl.knooppunt.mappings.canonical;

import java.time.LocalDate;
import java.util.List;

/** SE to SHV, answers Saldoverzoek with the claims. */
public record SaldoverzoekAntwoord(String klantnummerSHV, String klantnummerSE, Contactpersoon contactpersoon,
        LocalDate peildatum, List<VorderingSE> vorderingen) implements SaldoAntwoord {

    public SaldoverzoekAntwoord {
        SaldoAntwoord.check(klantnummerSHV, klantnummerSE, contactpersoon, peildatum);
        vorderingen = Check.list(vorderingen, "Vorderingen", 0);
    }

    @Override
    public MessageType messageType() {
        return MessageType.SALDOVERZOEK_ANTWOORD;
    }
}
