package nl.knooppunt.mappings.canonical;

import java.time.LocalDate;
import java.util.List;

/** SHV to SE: request for the balance of all claims on the client. */
public record Saldoverzoek(GegevensKlant gegevensKlant, GegevensSHVOrganisatie gegevensSHVOrganisatie,
                           LocalDate peildatum, List<String> factuurnummersSEVolgensSHV) implements MessageBody {

    public Saldoverzoek {
        Check.required(gegevensKlant, "GegevensKlant");
        Check.required(gegevensSHVOrganisatie, "GegevensSHVOrganisatie");
        Check.date(peildatum, "Peildatum", false);
        factuurnummersSEVolgensSHV = Check.kenmerken(factuurnummersSEVolgensSHV, "FactuurnummersSEVolgensSHV", 0);
    }

    @Override
    public MessageType messageType() {
        return MessageType.SALDOVERZOEK;
    }
}
