package nl.knooppunt.mappings.canonical;

import java.math.BigDecimal;
import java.time.LocalDate;

/** SHV to SE: the settlement ended, completed or early. */
public record SchuldregelingBeeindigd(String klantnummerSHV, String klantnummerSE, LocalDate datumBeeindiging,
                                      RedenBeeindiging redenBeeindiging, BigDecimal uitbetaaldBedrag,
                                      String toelichting) implements MessageBody {

    public SchuldregelingBeeindigd {
        Check.text(klantnummerSHV, "KlantnummerSHV", Check.KENMERK_MAX, true);
        Check.text(klantnummerSE, "KlantnummerSE", Check.KENMERK_MAX, false);
        Check.date(datumBeeindiging, "DatumBeeindiging", true);
        Check.required(redenBeeindiging, "RedenBeeindiging");
        uitbetaaldBedrag = Check.amount(uitbetaaldBedrag, "UitbetaaldBedrag", false);
        Check.text(toelichting, "Toelichting", Check.TOELICHTING_MAX, false);
        Check.that(redenBeeindiging != RedenBeeindiging.OVERIG || toelichting != null, "Toelichting",
                "is required when RedenBeeindiging is OVERIG");
    }

    @Override
    public MessageType messageType() {
        return MessageType.SCHULDREGELING_BEEINDIGD;
    }
}
