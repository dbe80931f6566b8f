package nl.knooppunt.mappings.canonical;

import java.math.BigDecimal;
import java.util.List;

/** SHV to SE, answers a rejecting Betaalvoorstel antwoord: please reconsider, optionally with a revised offer. */
public record Heroverweging(String klantnummerSHV, String klantnummerSE, String toelichting,
                            BigDecimal aangebodenPercentage, GegevensSHVOrganisatie gegevensSHVOrganisatie,
                            List<VorderingVoorstel> vorderingen) implements MessageBody {

    public Heroverweging {
        Check.text(klantnummerSHV, "KlantnummerSHV", Check.KENMERK_MAX, true);
        Check.text(klantnummerSE, "KlantnummerSE", Check.KENMERK_MAX, false);
        Check.text(toelichting, "Toelichting", Check.TOELICHTING_MAX, true);
        aangebodenPercentage = Check.percentage(aangebodenPercentage, "AangebodenPercentage", false);
        Check.required(gegevensSHVOrganisatie, "GegevensSHVOrganisatie");
        vorderingen = Check.list(vorderingen, "Vorderingen", 0);
    }

    @Override
    public MessageType messageType() {
        return MessageType.HEROVERWEGING;
    }
}
