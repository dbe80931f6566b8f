package nl.knooppunt.mappings.canonical;

import java.math.BigDecimal;

/** One claim in a Betaalvoorstel or Heroverweging. */
public record VorderingVoorstel(String factuurnummerSE, VorderingsType vorderingsType,
                                BigDecimal actueelVorderingsbedrag, BigDecimal afkooppercentage,
                                BigDecimal prognoseEindbedrag) {

    public VorderingVoorstel {
        Check.text(factuurnummerSE, "FactuurnummerSE", Check.KENMERK_MAX, true);
        Check.required(vorderingsType, "VorderingsType");
        actueelVorderingsbedrag = Check.amount(actueelVorderingsbedrag, "ActueelVorderingsbedrag", true);
        afkooppercentage = Check.percentage(afkooppercentage, "Afkooppercentage", true);
        prognoseEindbedrag = Check.amount(prognoseEindbedrag, "PrognoseEindbedrag", true);
    }
}
