package nl.knooppunt.mappings.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import nl.knooppunt.mappings.canonical.MessageType;
import nl.knooppunt.mappings.canonical.Schuldtype;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** CSV injection (the OWASP rule): text cells that would start a formula get a leading quote, nothing else does. */
class CsvValuesTest {

    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"http://x\")", "+31 6 12345678", "-2+3", "@SUM(A1)", "\tabc", "\rabc", "=", "-"})
    void textThatWouldStartAFormulaIsWrittenWithALeadingQuoteAndReadBack(String hostile) {
        String cell = CsvValues.format(hostile);

        assertThat(cell).isEqualTo("'" + hostile);
        assertThat(CsvValues.parse(cell, String.class)).isEqualTo(hostile);
    }

    @ParameterizedTest
    @ValueSource(strings = {"'=1+1", "''-2", "'", "''", "'abc", "a=b", " =1", "Jansen", "O'Brien", "SE-77"})
    void otherTextRoundTripsExactly(String text) {
        assertThat(CsvValues.parse(CsvValues.format(text), String.class)).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"'abc", "'", "''", "a=b", " =1", "Jansen", "O'Brien", "SE-77"})
    void harmlessTextIsWrittenAsItIs(String text) {
        assertThat(CsvValues.format(text)).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"'=1+1", "''-2", "'@x"})
    void textStartingWithQuotesBeforeAFormulaCharacterGetsOneMoreQuote(String text) {
        assertThat(CsvValues.format(text)).isEqualTo("'" + text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"'abc", "'", "'1", "O'Brien"})
    void aReadCellKeepsAQuoteNotFollowedByAFormulaCharacter(String cell) {
        assertThat(CsvValues.parse(cell, String.class)).isEqualTo(cell);
    }

    @Property(tries = 500)
    void everyTextRoundTrips(@ForAll String text) {
        assertThat(CsvValues.parse(CsvValues.format(text), String.class)).isEqualTo(text.isEmpty() ? null : text);
    }

    @Property(tries = 200)
    void writtenTextNeverStartsAFormula(@ForAll String text) {
        String cell = CsvValues.format(text);
        assertThat(cell.isEmpty() || "=+-@\t\r".indexOf(cell.charAt(0)) < 0).as(cell).isTrue();
    }

    @org.junit.jupiter.api.Test
    void numbersDatesUuidsAndCodesAreNeverChanged() {
        assertThat(CsvValues.format(-5)).isEqualTo("-5");
        assertThat(CsvValues.parse("-5", Integer.class)).isEqualTo(-5);
        assertThat(CsvValues.format(new BigDecimal("1234.56"))).isEqualTo("1234,56");
        assertThat(CsvValues.format(LocalDate.of(2025, 3, 1))).isEqualTo("01-03-2025");
        assertThat(CsvValues.format(OffsetDateTime.of(2025, 3, 14, 9, 30, 15, 0, ZoneOffset.ofHours(-1))))
                .isEqualTo("2025-03-14T09:30:15-01:00");
        UUID id = UUID.fromString("5e1f0000-0000-4000-8000-000000000905");
        assertThat(CsvValues.format(id)).isEqualTo("5e1f0000-0000-4000-8000-000000000905");
        assertThat(CsvValues.format(MessageType.SALDOVERZOEK)).isEqualTo("Saldoverzoek");
        assertThat(CsvValues.format(Schuldtype.OPENSTAAND)).isEqualTo("OPENSTAAND");
    }
}
