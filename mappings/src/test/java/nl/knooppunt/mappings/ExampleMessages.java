package nl.knooppunt.mappings;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.knooppunt.mappings.canonical.*;

/**
 * One fixed example of every message type: the source of the golden files. All data is fictitious
 * (test BSNs in the 9999 range, example.org mail, postcode 9999).
 */
public final class ExampleMessages {
    public static final String OIN_SHV = "00000001001234567000";
    public static final String OIN_SE = "00000002007654321000";
    static final UUID CONVERSATIE = UUID.fromString("0b6a7c1e-3f4d-4a5b-8c9d-000000000001");

    private ExampleMessages() {
    }

    public static Map<MessageType, Message> all() {
        Map<MessageType, Message> examples = new EnumMap<>(MessageType.class);
        for (MessageType type : MessageType.values()) {
            examples.put(type, of(type));
        }
        return examples;
    }

    public static Message of(MessageType type) {
        UUID cross = switch (type.crossReference()) {
            case FORBIDDEN -> null;
            case REQUIRED, OPTIONAL -> id(900 + type.ordinal());
        };
        boolean fromShv = type.sender() == Party.SHV;
        Header header = new Header(id(100 + type.ordinal()), CONVERSATIE, cross, Header.CURRENT_VERSIE, type,
                fromShv ? OIN_SHV : OIN_SE, fromShv ? OIN_SE : OIN_SHV,
                OffsetDateTime.of(2025, 3, 14, 9, 30, 15, 0, ZoneOffset.ofHours(1)));
        return new Message(header, body(type));
    }

    static UUID id(int n) {
        return UUID.fromString("5e1f0000-0000-4000-8000-%012d".formatted(n));
    }

    static MessageBody body(MessageType type) {
        return switch (type) {
            case KENNISGEVING -> new Kennisgeving(gegevensKlant(), shv(), LocalDate.of(2025, 3, 1),
                    List.of("F-2024-0001", "F-2024-0002"));
            case KENNISGEVING_PUBLIEK -> new KennisgevingPubliek("999999990", "999999989", gegevensKlant(), shv(),
                    LocalDate.of(2025, 3, 1), List.of("CJ-0001"));
            case KENNISGEVING_ANTWOORD -> new KennisgevingAntwoord("SHV-K-0042", "SE-77", AntwoordKennisgeving.INCASSO_OPGESCHORT,
                    List.of("F-2024-0001"), contactSe(), "Incasso opgeschort tot nader bericht.");
            case GEEN_MEDEWERKING -> new GeenMedewerking("SHV-K-0042", RedenGeenMedewerking.KLANT_ONBEKEND, null, contactSe());
            case SALDOVERZOEK -> new Saldoverzoek(gegevensKlant(), shv(), LocalDate.of(2025, 3, 1),
                    List.of("F-2024-0001", "F-2024-0002"));
            case SALDOVERZOEK_ANTWOORD -> new SaldoverzoekAntwoord("SHV-K-0042", "SE-77", contactSe(),
                    LocalDate.of(2025, 3, 1), vorderingenSe());
            case SALDOVERZOEK_ANTWOORD_VOORAF_AKKOORD -> new SaldoverzoekAntwoordVoorafAkkoord("SHV-K-0042", "SE-77",
                    contactSe(), LocalDate.of(2025, 3, 1), List.of(vorderingenSe().get(0)));
            case BETAALVOORSTEL -> new Betaalvoorstel("SHV-K-0042", "SE-77", TypeSchuldregeling.SB, shv(), 1, 13,
                    new BigDecimal("2150.00"), new BigDecimal("18333.45"), new BigDecimal("212.50"), 18,
                    new BigDecimal("20.86"), LocalDate.of(2025, 5, 1), Uitbetaalmomenten.PER_KWARTAAL,
                    OorzaakSchulden.AANPASSINGSSCHULDEN, "Inkomen daalde na verlies van werk; vaste lasten zijn verlaagd.",
                    List.of(new VorderingVoorstel("F-2024-0001", VorderingsType.CONCURRENT, new BigDecimal("1520.75"),
                            new BigDecimal("20.86"), new BigDecimal("317.23"))));
            case BETAALVOORSTEL_ANTWOORD -> new BetaalvoorstelAntwoord("SHV-K-0042", "SE-77", Beslissing.AFGEWEZEN,
                    Afwijzingsreden.VORDERING_ONJUIST, "Het actuele saldo is 1.620,75 euro.", contactSe());
            case HEROVERWEGING -> new Heroverweging("SHV-K-0042", "SE-77",
                    "Het saldo is aangepast; het voorstel blijft verder gelijk.", new BigDecimal("21.50"), shv(),
                    List.of(new VorderingVoorstel("F-2024-0001", VorderingsType.CONCURRENT, new BigDecimal("1620.75"),
                            new BigDecimal("21.50"), new BigDecimal("348.46"))));
            case SCHULDREGELING_AKKOORD -> new SchuldregelingAkkoord(LocalDate.of(2025, 6, 2), "SE-77", "SHV-K-0042",
                    TypeSchuldregeling.SB, Uitbetaalmomenten.PER_KWARTAAL,
                    List.of(new VorderingAkkoord("F-2024-0001", VorderingsType.CONCURRENT, new BigDecimal("1620.75"),
                            new BigDecimal("21.50"), new BigDecimal("348.46"), "BETREF-0042-1")));
            case SCHULDREGELING_BEEINDIGD -> new SchuldregelingBeeindigd("SHV-K-0042", "SE-77", LocalDate.of(2026, 12, 1),
                    RedenBeeindiging.VOLTOOID, new BigDecimal("348.46"), null);
            case STATUSBERICHT_SHV -> new StatusberichtSHV("SHV-K-0042", "SE-77", StatuscodeSHV.VOORSTEL_IN_VOORBEREIDING,
                    LocalDate.of(2025, 4, 10), LocalDate.of(2025, 4, 24), "Wacht nog op twee saldo-opgaven.");
            case STATUSBERICHT_SE -> new StatusberichtSE("SHV-K-0042", "SE-77", StatuscodeSE.VORDERING_OVERGEDRAGEN,
                    LocalDate.of(2025, 4, 2), null, List.of(new VorderingSE("F-2024-0002", null, Schuldtype.OVERGEDRAGEN,
                            VorderingsType.CONCURRENT, LocalDate.of(2024, 2, 1), new BigDecimal("300.00"), null, null,
                            null, new BigDecimal("345.10"), "Voorbeeld Incasso B.V.", null)));
            case STATUSVERZOEK -> new Statusverzoek("SHV-K-0042", "SE-77", "Is het betaalvoorstel al verstuurd?", null);
        };
    }

    static GegevensKlant gegevensKlant() {
        return new GegevensKlant("SHV-K-0042", "SE-77", TypeSchuldregeling.SB,
                new Persoon(Geslacht.V, "F.E.", "Fictieve Eva", "de", "Voorbeeld", LocalDate.of(1985, 7, 21)),
                new Persoon(Geslacht.M, "T.", "Test", null, "Proefpersoon", LocalDate.of(1983, 1, 9)),
                new Adres(Adressoort.WOONADRES, "Voorbeeldstraat", 12, "a", "2", null, "9999ZZ", "Teststad", null, null));
    }

    static GegevensSHVOrganisatie shv() {
        return new GegevensSHVOrganisatie("Schuldhulp Voorbeeldgemeente",
                new Contactpersoon("C. Casemanager", "+31 20 000 0000", "casemanager@shv.example.org"));
    }

    static Contactpersoon contactSe() {
        return new Contactpersoon("Afdeling Bijzonder Beheer", "020-0000001", "beheer@schuldeiser.example.org");
    }

    static List<VorderingSE> vorderingenSe() {
        return List.of(
                new VorderingSE("INV-88001", "F-2024-0001", Schuldtype.OPENSTAAND, VorderingsType.CONCURRENT,
                        LocalDate.of(2023, 11, 5), new BigDecimal("1200.00"), new BigDecimal("1200.00"),
                        new BigDecimal("80.75"), new BigDecimal("340.00"), new BigDecimal("1620.75"), null,
                        "Energielevering 2023"),
                new VorderingSE(null, "F-2024-0009", Schuldtype.ONBEKEND, VorderingsType.CONCURRENT, null, null, null,
                        null, null, new BigDecimal("0.00"), null, null));
    }
}
