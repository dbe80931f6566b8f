package nl.knooppunt.mappings.canonical;

import java.util.List;

/** SE to SHV, answers Kennisgeving (Publiek). */
public record KennisgevingAntwoord(String klantnummerSHV, String klantnummerSE, AntwoordKennisgeving antwoord,
                                   List<String> factuurnummersSE, Contactpersoon contactpersoon,
                                   String toelichting) implements MessageBody {

    public KennisgevingAntwoord {
        Check.text(klantnummerSHV, "KlantnummerSHV", Check.KENMERK_MAX, true);
        Check.text(klantnummerSE, "KlantnummerSE", Check.KENMERK_MAX, false);
        Check.required(antwoord, "Antwoord");
        factuurnummersSE = Check.kenmerken(factuurnummersSE, "FactuurnummersSE", 0);
        Check.text(toelichting, "Toelichting", Check.TOELICHTING_MAX, false);
    }

    @Override
    public MessageType messageType() {
        return MessageType.KENNISGEVING_ANTWOORD;
    }
}
