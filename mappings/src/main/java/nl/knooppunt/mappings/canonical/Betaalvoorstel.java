package nl.knooppunt.mappings.canonical;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** SHV to SE: the settlement proposal. */
public record Betaalvoorstel(String klantnummerSHV, String klantnummerSE, TypeSchuldregeling typeSchuldregeling,
                             GegevensSHVOrganisatie gegevensSHVOrganisatie,
                             Integer totaalAantalPreferenteSchuldeisers, Integer totaalAantalConcurrenteSchuldeisers,
                             BigDecimal totaleVastgesteldeSchuldPreferent, BigDecimal totaleVastgesteldeSchuldConcurrent,
                             BigDecimal afloscapaciteitPerMaand, Integer looptijdMaanden,
                             BigDecimal aangebodenPercentage, LocalDate beoogdeIngangsdatum,
                             Uitbetaalmomenten uitbetaalmomenten, OorzaakSchulden oorzaakSchulden,
                             String onderbouwing, List<VorderingVoorstel> vorderingen) implements MessageBody {

    public Betaalvoorstel {
        Check.text(klantnummerSHV, "KlantnummerSHV", Check.KENMERK_MAX, true);
        Check.text(klantnummerSE, "KlantnummerSE", Check.KENMERK_MAX, false);
        Check.required(typeSchuldregeling, "TypeSchuldregeling");
        Check.required(gegevensSHVOrganisatie, "GegevensSHVOrganisatie");
        Check.range(totaalAantalPreferenteSchuldeisers, "TotaalAantalPreferenteSchuldeisers", 0, 9999, true);
        Check.range(totaalAantalConcurrenteSchuldeisers, "TotaalAantalConcurrenteSchuldeisers", 0, 9999, true);
        totaleVastgesteldeSchuldPreferent = Check.amount(totaleVastgesteldeSchuldPreferent,
                "TotaleVastgesteldeSchuldPreferent", true);
        totaleVastgesteldeSchuldConcurrent = Check.amount(totaleVastgesteldeSchuldConcurrent,
                "TotaleVastgesteldeSchuldConcurrent", true);
        afloscapaciteitPerMaand = Check.amount(afloscapaciteitPerMaand, "AfloscapaciteitPerMaand", true);
        Check.range(looptijdMaanden, "LooptijdMaanden", 1, 120, true);
        aangebodenPercentage = Check.percentage(aangebodenPercentage, "AangebodenPercentage", true);
        Check.date(beoogdeIngangsdatum, "BeoogdeIngangsdatum", false);
        Check.text(onderbouwing, "Onderbouwing", Check.TOELICHTING_MAX, false);
        vorderingen = Check.list(vorderingen, "Vorderingen", 1);
    }

    @Override
    public MessageType messageType() {
        return MessageType.BETAALVOORSTEL;
    }
}
