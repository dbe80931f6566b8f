package nl.knooppunt.mappings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import nl.knooppunt.mappings.canonical.Contactpersoon;
import nl.knooppunt.mappings.canonical.GegevensKlant;
import nl.knooppunt.mappings.canonical.GegevensSHVOrganisatie;
import nl.knooppunt.mappings.canonical.Message;
import nl.knooppunt.mappings.canonical.MessageType;
import nl.knooppunt.mappings.canonical.Persoon;
import nl.knooppunt.mappings.canonical.Saldoverzoek;
import nl.knooppunt.mappings.canonical.SaldoverzoekAntwoord;
import nl.knooppunt.mappings.canonical.VorderingSE;
import nl.knooppunt.mappings.csv.CsvColumn;
import nl.knooppunt.mappings.csv.CsvLayout;
import nl.knooppunt.mappings.csv.CsvMessageCodec;
import org.junit.jupiter.api.Test;

/**
 * Creditors open the CSV files in spreadsheets: text that would start a formula is written with a leading
 * quote (OWASP CSV injection), amounts and dates stay exactly as they were, and reading gives the text back.
 */
class CsvInjectionTest {
    private static final String HYPERLINK = "=HYPERLINK(\"http://x\")";
    private static final String PHONE = "+31 6 12345678";
    private static final String SUM = "-2+3";
    private static final String AT = "@SUM(A1)";

    @Test
    void hostileSaldoverzoekIsNeutralisedAndReadBack() throws IOException {
        Message example = ExampleMessages.of(MessageType.SALDOVERZOEK);
        Saldoverzoek body = (Saldoverzoek) example.body();
        GegevensKlant klant = body.gegevensKlant();
        Persoon persoon = klant.klant();
        Message hostile = new Message(example.header(), new Saldoverzoek(
                new GegevensKlant(SUM, AT, klant.typeSchuldregeling(),
                        new Persoon(persoon.geslacht(), persoon.voorletters(), AT, persoon.voorvoegsel(), HYPERLINK,
                                persoon.geboortedatum()),
                        klant.partner(), klant.adres()),
                new GegevensSHVOrganisatie("=cmd|' /C calc'!A0",
                        new Contactpersoon(HYPERLINK, PHONE, "casemanager@shv.example.org")),
                body.peildatum(), List.of(HYPERLINK, SUM)));

        assertNeutralisedAndReadBack(example, hostile, Map.of(
                "GegevensKlant.KlantnummerSHV", List.of(SUM),
                "GegevensKlant.KlantnummerSEVolgensSHV", List.of(AT),
                "GegevensKlant.Klant.Voornamen", List.of(AT),
                "GegevensKlant.Klant.Achternaam", List.of(HYPERLINK),
                "GegevensSHVOrganisatie.Schuldhulpverlener", List.of("=cmd|' /C calc'!A0"),
                "GegevensSHVOrganisatie.Contactpersoon.Naam", List.of(HYPERLINK),
                "GegevensSHVOrganisatie.Contactpersoon.Telefoonnummer", List.of(PHONE),
                "FactuurnummersSEVolgensSHV", List.of(HYPERLINK, SUM)));
    }

    @Test
    void hostileSaldoverzoekAntwoordIsNeutralisedAndReadBack() throws IOException {
        Message example = ExampleMessages.of(MessageType.SALDOVERZOEK_ANTWOORD);
        SaldoverzoekAntwoord body = (SaldoverzoekAntwoord) example.body();
        VorderingSE first = body.vorderingen().get(0);
        VorderingSE second = body.vorderingen().get(1);
        Message hostile = new Message(example.header(), new SaldoverzoekAntwoord(SUM, AT,
                new Contactpersoon(HYPERLINK, PHONE, "beheer@schuldeiser.example.org"), body.peildatum(), List.of(
                new VorderingSE(HYPERLINK, first.factuurnummerSEVolgensSHV(), first.schuldtype(), first.vorderingsType(),
                        first.ontstaansdatum(), first.oorspronkelijkBedrag(), first.hoofdsom(), first.rente(),
                        first.kosten(), first.actueelVorderingsbedrag(), null, SUM),
                new VorderingSE(AT, second.factuurnummerSEVolgensSHV(), second.schuldtype(), second.vorderingsType(),
                        second.ontstaansdatum(), second.oorspronkelijkBedrag(), second.hoofdsom(), second.rente(),
                        second.kosten(), second.actueelVorderingsbedrag(), null, "+" + PHONE))));

        assertNeutralisedAndReadBack(example, hostile, Map.of(
                "KlantnummerSHV", List.of(SUM),
                "Klantnummer SE", List.of(AT),
                "Contactpersoon SE.Naam", List.of(HYPERLINK),
                "Contactpersoon SE.Telefoon", List.of(PHONE),
                "FactuurnummerSE", List.of(HYPERLINK, AT),
                "Vordering.Omschrijving", List.of(SUM, "+" + PHONE)));
    }

    @Test
    void aQuotedCellFromACreditorIsReadAsItsText() {
        CsvMessageCodec codec = CsvMessageCodec.forType(MessageType.SALDOVERZOEK_ANTWOORD);
        String file = TestFiles.golden("csv/SaldoverzoekAntwoord.csv")
                .replace(";INV-88001;", ";'=INV-88001;")
                .replace(";Energielevering 2023;", ";'Energielevering 2023;");

        SaldoverzoekAntwoord read = (SaldoverzoekAntwoord) codec.read(TestFiles.utf8(file)).body();

        assertThat(read.vorderingen().get(0).factuurnummerSE()).isEqualTo("=INV-88001");
        assertThat(read.vorderingen().get(0).omschrijving()).as("a quote before other text stays")
                .isEqualTo("'Energielevering 2023");
    }

    /**
     * Every hostile text column holds {@code '} + the value (one for all rows, or one per row); every non-text column (amounts, dates, date-times,
     * UUIDs, codes) is byte-identical to the harmless example's; reading gives the hostile message back.
     */
    private static void assertNeutralisedAndReadBack(Message example, Message hostile, Map<String, List<String>> hostileColumns)
            throws IOException {
        CsvMessageCodec codec = CsvMessageCodec.forType(hostile.type());
        List<CsvColumn> columns = codec.layout().columns();
        List<String[]> exampleRows = cells(write(codec, example));
        String written = write(codec, hostile);
        List<String[]> hostileRows = cells(written);
        assertThat(hostileRows).hasSameSizeAs(exampleRows);

        for (int row = 1; row < hostileRows.size(); row++) {
            for (int i = 0; i < columns.size(); i++) {
                CsvColumn column = columns.get(i);
                String cell = hostileRows.get(row)[i];
                assertThat(cell).as("line %d column %s", row + 1, column.name()).doesNotStartWith("=")
                        .doesNotStartWith("+").doesNotStartWith("-").doesNotStartWith("@").doesNotStartWith("\t")
                        .doesNotStartWith("\r");
                if (!column.format().equals("text")) {
                    assertThat(cell).as("line %d %s column %s", row + 1, column.format(), column.name())
                            .isEqualTo(exampleRows.get(row)[i]);
                }
            }
            for (Map.Entry<String, List<String>> hostileColumn : hostileColumns.entrySet()) {
                int i = codec.layout().columnNames().indexOf(hostileColumn.getKey());
                assertThat(i).as(hostileColumn.getKey()).isNotNegative();
                assertThat(hostileRows.get(row)[i]).as(hostileColumn.getKey()).isEqualTo("'" + hostileColumn.getValue().get(Math.min(row, hostileColumn.getValue().size()) - 1));
            }
        }
        assertThat(codec.read(TestFiles.utf8(written))).isEqualTo(hostile);
        assertThat(TestFiles.readAll(codec, written)).containsExactly(hostile);
    }

    private static String write(CsvMessageCodec codec, Message message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        codec.write(message, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The cells of each line, read with a plain CSV parser as a spreadsheet would. */
    private static List<String[]> cells(String csv) throws IOException {
        CsvMapper mapper = new CsvMapper();
        mapper.enable(CsvParser.Feature.WRAP_AS_ARRAY);
        try (MappingIterator<String[]> rows = mapper.readerFor(String[].class)
                .with(CsvSchema.emptySchema().withColumnSeparator(';')).readValues(csv)) {
            return rows.readAll();
        }
    }
}
