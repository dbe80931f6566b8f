package nl.knooppunt.mappings;

import static nl.knooppunt.mappings.TestFiles.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import nl.knooppunt.mappings.canonical.Message;
import nl.knooppunt.mappings.canonical.MessageType;
import nl.knooppunt.mappings.csv.CsvLayout;
import nl.knooppunt.mappings.csv.CsvMessageCodec;
import org.junit.jupiter.api.Test;

/** CSV is read strictly: header row, column count, UTF-8, number and date formats, rows of one message. */
class StrictCsvTest {
    private final CsvMessageCodec antwoorden = CsvMessageCodec.forType(MessageType.SALDOVERZOEK_ANTWOORD);
    private final String antwoord = TestFiles.golden("csv/SaldoverzoekAntwoord.csv");

    @Test
    void standaardAkkoordJaMakesTheRowAVoorafAkkoordAnswer() {
        String[] lines = antwoord.split("\r\n");
        String akkoord = lines[0] + "\r\n" + lines[1].replace(";;;01-03-2025;", ";;Ja;01-03-2025;") + "\r\n"
                + lines[2].replace(";;;01-03-2025;", ";;Ja;01-03-2025;") + "\r\n";

        Message message = antwoorden.read(utf8(akkoord));

        assertThat(message.type()).isEqualTo(MessageType.SALDOVERZOEK_ANTWOORD_VOORAF_AKKOORD);
        assertThat(CsvLayout.forType(MessageType.SALDOVERZOEK_ANTWOORD_VOORAF_AKKOORD).name()).isEqualTo("saldoverzoek-antwoord");
    }

    @Test
    void klantOnbekendMustStayEmpty() {
        String unknown = antwoord.replace(";;;01-03-2025;", ";Ja;;01-03-2025;");
        assertViolation(antwoorden, unknown, 2, "Klant onbekend", "Geen medewerking");
    }

    @Test
    void amountWithADecimalPointIsRefused() {
        assertViolation(antwoorden, antwoord.replaceFirst("1620,75", "1620.75"), 2, "Vordering.ActueelVorderingsbedrag",
                "an amount like 1234,56");
    }

    @Test
    void impossibleDateIsRefused() {
        assertViolation(antwoorden, antwoord.replaceFirst("05-11-2023", "31-02-2023"), 2, "openstaand.Ontstaansdatum",
                "an existing date");
    }

    @Test
    void isoDateIsRefusedWhereTheLayoutSaysDdMmJjjj() {
        assertViolation(antwoorden, antwoord.replaceFirst("05-11-2023", "2023-11-05"), 2, "openstaand.Ontstaansdatum",
                "a date dd-mm-jjjj");
    }

    @Test
    void rowWithAMissingCellIsRefusedWithItsLine() {
        String[] lines = antwoord.split("\r\n");
        String broken = lines[0] + "\r\n" + lines[1] + "\r\n" + lines[2].substring(0, lines[2].lastIndexOf(';')) + "\r\n";
        assertThatThrownBy(() -> antwoorden.read(utf8(broken)))
                .isInstanceOfSatisfying(ContractViolationException.class, e -> {
                    assertThat(e.line()).isEqualTo(3L);
                    assertThat(e.reason()).isEqualTo("expected 34 columns, found 33");
                });
    }

    @Test
    void headerRowMustNameTheLayoutsColumns() {
        String renamed = antwoord.replaceFirst("Standaard akkoord", "Akkoord");
        assertThatThrownBy(() -> antwoorden.read(utf8(renamed)))
                .isInstanceOfSatisfying(ContractViolationException.class, e -> {
                    assertThat(e.line()).isEqualTo(1L);
                    assertThat(e.field()).isEqualTo("Standaard akkoord");
                    assertThat(e.reason()).contains("column Q 'Standaard akkoord', found 'Akkoord'");
                });
    }

    @Test
    void invalidUtf8IsRefused() {
        byte[] bytes = antwoord.getBytes(StandardCharsets.UTF_8);
        int at = antwoord.indexOf("Afdeling");
        bytes[at] = (byte) 0xC3;
        bytes[at + 1] = (byte) 0x28;
        assertThatThrownBy(() -> antwoorden.read(new ByteArrayInputStream(bytes)))
                .isInstanceOfSatisfying(ContractViolationException.class,
                        e -> assertThat(e.reason()).isEqualTo("the file is not valid UTF-8"));
    }

    @Test
    void byteOrderMarkIsAccepted() {
        assertThat(antwoorden.read(utf8("\uFEFF" + antwoord))).isEqualTo(ExampleMessages.of(MessageType.SALDOVERZOEK_ANTWOORD));
    }

    @Test
    void messageColumnsMustAgreeOnEveryRowOfTheMessage() {
        String[] lines = antwoord.split("\r\n");
        String disagreeing = lines[0] + "\r\n" + lines[1] + "\r\n" + lines[2].replace(";SE-77;", ";SE-78;") + "\r\n";
        assertViolation(antwoorden, disagreeing, 3, "Klantnummer SE", "must be the same on every row");
    }

    @Test
    void repeatedRowInAOneRowLayoutIsRefused() {
        CsvMessageCodec verzoeken = CsvMessageCodec.forType(MessageType.STATUSVERZOEK);
        String[] lines = TestFiles.golden("csv/Statusverzoek.csv").split("\r\n");
        String doubled = lines[0] + "\r\n" + lines[1] + "\r\n" + lines[1] + "\r\n";
        assertThatThrownBy(() -> TestFiles.readAll(verzoeken, doubled))
                .isInstanceOfSatisfying(ContractViolationException.class, e -> {
                    assertThat(e.line()).isEqualTo(3L);
                    assertThat(e.reason()).contains("a message has exactly one row");
                });
    }

    @Test
    void errorInTheSecondMessageNamesItsIndexAndReferentienummer() {
        CsvMessageCodec codec = CsvMessageCodec.forType(MessageType.STATUSVERZOEK);
        Message first = ExampleMessages.of(MessageType.STATUSVERZOEK);
        Message second = withId(first, "5e1f0000-0000-4000-8000-0000000000ff");
        String file = TestFiles.write(codec, null, List.of(first, second)).replace(
                "0000000000ff;0b6a7c1e-3f4d-4a5b-8c9d-000000000001;;2.0", "0000000000ff;0b6a7c1e-3f4d-4a5b-8c9d-000000000001;;3.0");

        assertThatThrownBy(() -> TestFiles.readAll(codec, file))
                .isInstanceOfSatisfying(ContractViolationException.class, e -> {
                    assertThat(e.messageIndex()).isEqualTo(1);
                    assertThat(e.referentienummer()).isEqualTo(second.header().referentienummer());
                    assertThat(e.line()).isEqualTo(3L);
                    assertThat(e.field()).isEqualTo("Versie");
                });
    }

    @Test
    void wrongBerichttypeForTheLayoutIsRefused() {
        CsvMessageCodec codec = CsvMessageCodec.forType(MessageType.STATUSVERZOEK);
        String file = TestFiles.golden("csv/Statusverzoek.csv").replace(";Statusverzoek;", ";StatusberichtSE;");
        assertViolation(codec, file, 2, "Berichttype", "must be Statusverzoek in layout statusverzoek");
    }

    private static Message withId(Message message, String id) {
        var h = message.header();
        return new Message(new nl.knooppunt.mappings.canonical.Header(java.util.UUID.fromString(id),
                h.conversatieReferentienummer(), h.crossReferentienummer(), h.versie(), h.berichttype(), h.afzenderOin(),
                h.ontvangerOin(), h.aangemaakt()), message.body());
    }

    private static void assertViolation(CsvMessageCodec codec, String csv, long line, String column, String reasonPart) {
        assertThatThrownBy(() -> TestFiles.readAll(codec, csv))
                .isInstanceOfSatisfying(ContractViolationException.class, e -> {
                    assertThat(e.format()).isEqualTo(Format.CSV);
                    assertThat(e.line()).isEqualTo(line);
                    assertThat(e.field()).isEqualTo(column);
                    assertThat(e.reason()).contains(reasonPart);
                });
    }
}
