package nl.knooppunt.mappings.canonical;

import java.time.LocalDate;
import java.util.List;

/** SHV to SE (creditor that does not work with BSN): the client applied for debt help. */
public record Kennisgeving(GegevensKlant gegevensKlant, GegevensSHVOrganisatie gegevensSHVOrganisatie,
                           LocalDate datumAanmelding, List<String> factuurnummersSEVolgensSHV) implements MessageBody {

    public Kennisgeving {
        Check.required(gegevensKlant, "GegevensKlant");
        Check.required(gegevensSHVOrganisatie, "GegevensSHVOrganisatie");
        Check.date(datumAanmelding, "DatumAanmelding", true);
        factuurnummersSEVolgensSHV = Check.kenmerken(factuurnummersSEVolgensSHV, "FactuurnummersSEVolgensSHV", 0);
    }

    @Override
    public MessageType messageType() {
        return MessageType.KENNISGEVING;
    }
}
