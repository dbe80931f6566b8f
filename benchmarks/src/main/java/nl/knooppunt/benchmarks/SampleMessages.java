package nl.knooppunt.benchmarks;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import nl.knooppunt.mappings.canonical.*;

/** Realistic, fictitious messages of the three types that make up most traffic. */
final class SampleMessages {
    static final String OIN_SHV = "00000001001234567000";
    static final String OIN_SE = "00000002007654321000";

    private SampleMessages() {
    }

    static Message of(MessageType type, int sequence) {
        boolean fromShv = type.sender() == Party.SHV;
        UUID cross = type.crossReference() == CrossReferenceRule.FORBIDDEN ? null : new UUID(7, sequence);
        Header header = new Header(new UUID(1, sequence), new UUID(2, sequence), cross, Header.CURRENT_VERSIE, type,
                fromShv ? OIN_SHV : OIN_SE, fromShv ? OIN_SE : OIN_SHV, OffsetDateTime.parse("2025-03-14T09:30:15+01:00"));
        return new Message(header, body(type));
    }

    private static MessageBody body(MessageType type) {
        Contactpersoon shvContact = new Contactpersoon("C. Casemanager", "+31 20 000 0000", "casemanager@shv.example.org");
        GegevensSHVOrganisatie shv = new GegevensSHVOrganisatie("Schuldhulp Voorbeeldgemeente", shvContact);
        return switch (type) {
            case SALDOVERZOEK -> new Saldoverzoek(new GegevensKlant("SHV-K-0042", "SE-77", TypeSchuldregeling.SB,
                    new Persoon(Geslacht.V, "F.E.", "Fictieve Eva", "de", "Voorbeeld", LocalDate.of(1985, 7, 21)), null,
                    new Adres(Adressoort.WOONADRES, "Voorbeeldstraat", 12, null, null, null, "9999ZZ", "Teststad", null, null)),
                    shv, LocalDate.of(2025, 3, 1), List.of("F-2024-0001", "F-2024-0002"));
            case SALDOVERZOEK_ANTWOORD -> new SaldoverzoekAntwoord("SHV-K-0042", "SE-77",
                    new Contactpersoon("Afdeling Bijzonder Beheer", "020-0000001", "beheer@schuldeiser.example.org"),
                    LocalDate.of(2025, 3, 1), List.of(
                            new VorderingSE("INV-88001", "F-2024-0001", Schuldtype.OPENSTAAND, VorderingsType.CONCURRENT,
                                    LocalDate.of(2023, 11, 5), new BigDecimal("1200.00"), new BigDecimal("1200.00"),
                                    new BigDecimal("80.75"), new BigDecimal("340.00"), new BigDecimal("1620.75"), null,
                                    "Energielevering 2023"),
                            new VorderingSE("INV-88002", "F-2024-0002", Schuldtype.OPENSTAAND, VorderingsType.CONCURRENT,
                                    LocalDate.of(2024, 1, 5), new BigDecimal("99.00"), null, null, null,
                                    new BigDecimal("99.00"), null, null)));
            case BETAALVOORSTEL -> new Betaalvoorstel("SHV-K-0042", "SE-77", TypeSchuldregeling.SB, shv, 1, 13,
                    new BigDecimal("2150.00"), new BigDecimal("18333.45"), new BigDecimal("212.50"), 18,
                    new BigDecimal("20.86"), LocalDate.of(2025, 5, 1), Uitbetaalmomenten.PER_KWARTAAL, null, null,
                    List.of(new VorderingVoorstel("INV-88001", VorderingsType.CONCURRENT, new BigDecimal("1620.75"),
                            new BigDecimal("20.86"), new BigDecimal("338.09"))));
            default -> throw new IllegalArgumentException("no sample for " + type);
        };
    }
}
