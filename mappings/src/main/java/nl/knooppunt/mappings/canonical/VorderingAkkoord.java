package nl.knooppunt.mappings.canonical;

import java.math.BigDecimal;

/** One claim of an agreed settlement (Schuldregeling akkoord): the proposal's fields plus the payment reference. */
public record VorderingAkkoord(String factuurnummerSE, VorderingsType vorderingsType,
                               BigDecimal actueelVorderingsbedrag, BigDecimal afkooppercentage,
                               BigDecimal prognoseEindbedrag, String betaalreferentie) {

    public VorderingAkkoord {
        Check.text(factuurnummerSE, "FactuurnummerSE", Check.KENMERK_MAX, true);
        Check.required(vorderingsType, "VorderingsType");
        actueelVorderingsbedrag = Check.amount(actueelVorderingsbedrag, "ActueelVorderingsbedrag", true);
        afkooppercentage = Check.percentage(afkooppercentage, "Afkooppercentage", true);
        prognoseEindbedrag = Check.amount(prognoseEindbedrag, "PrognoseEindbedrag", true);
        Check.text(betaalreferentie, "Betaalreferentie", Check.KENMERK_MAX, true);
    }
}
