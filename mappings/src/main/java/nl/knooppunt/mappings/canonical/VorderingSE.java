package nl.knooppunt.mappings.canonical;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One claim as the creditor reports it (Saldoverzoek antwoord, Statusbericht SE). */
public record VorderingSE(String factuurnummerSE, String factuurnummerSEVolgensSHV, Schuldtype schuldtype,
                          VorderingsType vorderingsType, LocalDate ontstaansdatum, BigDecimal oorspronkelijkBedrag,
                          BigDecimal hoofdsom, BigDecimal rente, BigDecimal kosten, BigDecimal actueelVorderingsbedrag,
                          String overgedragenAan, String omschrijving) {

    public VorderingSE {
        Check.text(factuurnummerSE, "FactuurnummerSE", Check.KENMERK_MAX, false);
        Check.text(factuurnummerSEVolgensSHV, "FactuurnummerSEVolgensSHV", Check.KENMERK_MAX, false);
        Check.that(factuurnummerSE != null || factuurnummerSEVolgensSHV != null, "FactuurnummerSE",
                "is required when FactuurnummerSEVolgensSHV is absent");
        Check.required(schuldtype, "Schuldtype");
        Check.required(vorderingsType, "VorderingsType");
        Check.date(ontstaansdatum, "Ontstaansdatum", false);
        oorspronkelijkBedrag = Check.amount(oorspronkelijkBedrag, "OorspronkelijkBedrag", false);
        hoofdsom = Check.amount(hoofdsom, "Hoofdsom", false);
        rente = Check.amount(rente, "Rente", false);
        kosten = Check.amount(kosten, "Kosten", false);
        actueelVorderingsbedrag = Check.amount(actueelVorderingsbedrag, "ActueelVorderingsbedrag", true);
        Check.text(overgedragenAan, "OvergedragenAan", Check.NAAM_MAX, false);
        Check.that(schuldtype != Schuldtype.OVERGEDRAGEN || overgedragenAan != null, "OvergedragenAan",
                "is required when Schuldtype is OVERGEDRAGEN");
        Check.text(omschrijving, "Omschrijving", Check.NAAM_MAX, false);
    }
}
