package nl.knooppunt.mappings.canonical;

import java.time.LocalDate;
import java.util.List;

/** SHV to SE that identifies clients by BSN (public creditors): a Kennisgeving with BSN. */
public record KennisgevingPubliek(String bsnKlant, String bsnPartner, GegevensKlant gegevensKlant,
                                  GegevensSHVOrganisatie gegevensSHVOrganisatie, LocalDate datumAanmelding,
                                  List<String> factuurnummersSEVolgensSHV) implements MessageBody {

    public KennisgevingPubliek {
        Check.pattern(bsnKlant, "BsnKlant", Check.BSN, "a BSN of exactly 9 digits", true);
        Check.pattern(bsnPartner, "BsnPartner", Check.BSN, "a BSN of exactly 9 digits", false);
        Check.required(gegevensKlant, "GegevensKlant");
        Check.required(gegevensSHVOrganisatie, "GegevensSHVOrganisatie");
        Check.date(datumAanmelding, "DatumAanmelding", true);
        factuurnummersSEVolgensSHV = Check.kenmerken(factuurnummersSEVolgensSHV, "FactuurnummersSEVolgensSHV", 0);
    }

    @Override
    public MessageType messageType() {
        return MessageType.KENNISGEVING_PUBLIEK;
    }
}
