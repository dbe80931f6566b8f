package nl.knooppunt.mappings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.knooppunt.mappings.canonical.Header;
import nl.knooppunt.mappings.canonical.Message;
import nl.knooppunt.mappings.canonical.MessageType;
import nl.knooppunt.mappings.csv.CsvMessageCodec;
import org.junit.jupiter.api.Test;

/**
 * A CSV reader goes on after a violation confined to one message ({@link BatchReader#canContinue()}) and
 * tells the line each message began on ({@link BatchReader#line()}); a broken file still ends the reading.
 */
class CsvContinueAfterViolationTest {
    private final CsvMessageCodec statusverzoeken = CsvMessageCodec.forType(MessageType.STATUSVERZOEK);
    private final CsvMessageCodec antwoorden = CsvMessageCodec.forType(MessageType.SALDOVERZOEK_ANTWOORD);

    /** What one call of next() gave: the message or the violation, the line, and whether reading could go on. */
    record Outcome(Message message, ContractViolationException violation, long line, boolean canContinue) {
    }

    @Test
    void threeBadLinesAmongGoodOnesGiveEveryGoodMessageAndEachViolationWithLineAndColumn() {
        List<Message> messages = statusverzoeken(7);
        String[] lines = TestFiles.write(statusverzoeken, null, messages).split("\r\n");
        lines[2] = lines[2].replace(";2.0;", ";3.0;");                  // line 3: a bad cell (Versie)
        lines[4] = lines[4].substring(lines[4].indexOf(';'));           // line 5: no Referentienummer
        lines[6] = lines[6].substring(0, lines[6].lastIndexOf(';'));    // line 7: a cell missing
        String file = String.join("\r\n", lines) + "\r\n";

        List<Outcome> outcomes = readAll(statusverzoeken, file);

        assertThat(outcomes).extracting(Outcome::line).containsExactly(2L, 3L, 4L, 5L, 6L, 7L, 8L);
        assertThat(outcomes).extracting(Outcome::message).containsExactly(messages.get(0), null, messages.get(2), null,
                messages.get(4), null, messages.get(6));
        List<ContractViolationException> violations = outcomes.stream().map(Outcome::violation)
                .filter(v -> v != null).toList();
        assertThat(violations).extracting(ContractViolationException::line).containsExactly(3L, 5L, 7L);
        assertThat(violations).extracting(ContractViolationException::column).containsExactly(4L, 1L, 14L);
        assertThat(violations).extracting(ContractViolationException::messageIndex).containsExactly(1, 3, 5);
        assertThat(violations).extracting(ContractViolationException::field)
                .containsExactly("Versie", "Referentienummer", null);
        assertThat(violations.get(0).referentienummer()).isEqualTo(messages.get(1).header().referentienummer());
        assertThat(violations.get(2).reason()).isEqualTo("expected 14 columns, found 13");
        assertThat(outcomes).filteredOn(o -> o.violation() != null).extracting(Outcome::canContinue)
                .containsOnly(true);
    }

    @Test
    void aBadMessageOfSeveralRowsIsSkippedWholeAndLinesAreThoseTheMessagesBeganOn() {
        Message first = ExampleMessages.of(MessageType.SALDOVERZOEK_ANTWOORD);
        Message second = withId(first, 2);
        Message third = withId(first, 3);
        String[] lines = TestFiles.write(antwoorden, null, List.of(first, second, third)).split("\r\n");
        lines[4] = lines[4].replace(";0,00;", ";0.00;");                // line 5: second row of the second message
        String file = String.join("\r\n", lines) + "\r\n";

        List<Outcome> outcomes = readAll(antwoorden, file);

        assertThat(outcomes).extracting(Outcome::line).containsExactly(2L, 4L, 6L);
        assertThat(outcomes).extracting(Outcome::message).containsExactly(first, null, third);
        ContractViolationException violation = outcomes.get(1).violation();
        assertThat(violation.line()).isEqualTo(5L);
        assertThat(violation.column()).isEqualTo(27L);
        assertThat(violation.field()).isEqualTo("Vordering.ActueelVorderingsbedrag");
        assertThat(violation.messageIndex()).isEqualTo(1);
        assertThat(outcomes.get(1).canContinue()).isTrue();
    }

    @Test
    void aQuotedCellOverSeveralLinesCountsThoseLines() {
        List<Message> messages = statusverzoeken(3);
        String[] lines = TestFiles.write(statusverzoeken, null, messages).split("\r\n");
        lines[2] = lines[2].replace(";Is het betaalvoorstel al verstuurd?;", ";\"Is het\r\nbetaalvoorstel\r\nal verstuurd?\";");
        String file = String.join("\r\n", lines) + "\r\n";

        List<Outcome> outcomes = readAll(statusverzoeken, file);

        assertThat(outcomes).extracting(Outcome::line).containsExactly(2L, 3L, 6L);
        assertThat(outcomes).extracting(Outcome::message).containsExactly(messages.get(0), null, messages.get(2));
        assertThat(outcomes.get(1).violation().line()).isEqualTo(3L);
        assertThat(outcomes.get(1).violation().column()).isEqualTo(11L);
        assertThat(outcomes.get(1).violation().reason()).contains("control character");
    }

    @Test
    void anUnterminatedQuoteStopsTheReading() {
        List<Message> messages = statusverzoeken(4);
        String[] lines = TestFiles.write(statusverzoeken, null, messages).split("\r\n");
        lines[3] = lines[3].replace(";Is het", ";\"Is het");
        String file = String.join("\r\n", lines) + "\r\n";

        try (BatchReader reader = statusverzoeken.openBatchReader(TestFiles.utf8(file))) {
            assertThat(reader.next()).isEqualTo(messages.get(0));
            assertThat(reader.line()).isEqualTo(2L);
            // The message of line 3 cannot be closed: reading ahead for more of its rows meets the broken line 4.
            assertThatThrownBy(reader::next).isInstanceOfSatisfying(ContractViolationException.class, e -> {
                assertThat(e.reason()).startsWith("not valid CSV");
                assertThat(e.line()).isEqualTo(4L);
                assertThat(e.column()).isEqualTo(11L);
                assertThat(e.messageIndex()).isEqualTo(1);
            });
            assertThat(reader.line()).isEqualTo(3L);
            assertThat(reader.canContinue()).isFalse();
            assertThatThrownBy(reader::hasNext).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void moreMessagesThanTheLimitStopsTheReadingEvenWhenSomeWereRefused() {
        CsvMessageCodec limited = CsvMessageCodec.forType(MessageType.STATUSVERZOEK,
                MappingLimits.DEFAULT.withMaxMessagesPerBatch(2));
        List<Message> messages = statusverzoeken(3);
        String[] lines = TestFiles.write(statusverzoeken, null, messages).split("\r\n");
        lines[1] = lines[1].replace(";2.0;", ";3.0;");
        String file = String.join("\r\n", lines) + "\r\n";

        try (BatchReader reader = limited.openBatchReader(TestFiles.utf8(file))) {
            assertThatThrownBy(reader::next).isInstanceOf(ContractViolationException.class);
            assertThat(reader.canContinue()).isTrue();
            assertThat(reader.next()).isEqualTo(messages.get(1));
            assertThat(reader.canContinue()).isFalse();
            assertThatThrownBy(reader::next).isInstanceOfSatisfying(ContractViolationException.class, e -> {
                assertThat(e.reason()).contains("more than the limit of 2 messages");
                assertThat(e.line()).isEqualTo(4L);
                assertThat(e.column()).isEqualTo(1L);
            });
            assertThat(reader.canContinue()).isFalse();
            assertThat(reader.read()).isEqualTo(1);
            assertThatThrownBy(reader::hasNext).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void aWrongHeaderRowIsFatalWithLineAndColumn() {
        String file = TestFiles.golden("csv/Statusverzoek.csv").replaceFirst("Versie", "Version");
        assertThatThrownBy(() -> statusverzoeken.openBatchReader(TestFiles.utf8(file)))
                .isInstanceOfSatisfying(ContractViolationException.class, e -> {
                    assertThat(e.line()).isEqualTo(1L);
                    assertThat(e.column()).isEqualTo(4L);
                });
    }

    @Test
    void xmlAndJsonKeepStoppingAtTheFirstViolation() {
        for (MessageCodec codec : List.of(new nl.knooppunt.mappings.xml.XmlMessageCodec(),
                new nl.knooppunt.mappings.json.JsonMessageCodec())) {
            try (BatchReader reader = codec.openBatchReader(TestFiles.utf8("not a batch"))) {
                assertThatThrownBy(() -> reader.next()).isInstanceOf(ContractViolationException.class);
                assertThat(reader.canContinue()).isFalse();
                assertThat(reader.line()).isZero();
            } catch (ContractViolationException openFailed) {
                // some readers refuse the document when opened: nothing to continue either
                assertThat(openFailed.reason()).isNotEmpty();
            }
        }
    }

    private static List<Outcome> readAll(MessageCodec codec, String file) {
        List<Outcome> outcomes = new ArrayList<>();
        try (BatchReader reader = codec.openBatchReader(TestFiles.utf8(file))) {
            while (reader.hasNext()) {
                try {
                    Message message = reader.next();
                    outcomes.add(new Outcome(message, null, reader.line(), reader.canContinue()));
                } catch (ContractViolationException e) {
                    assertThat(e.line()).as("line of %s", e.getMessage()).isNotNull();
                    assertThat(e.column()).as("column of %s", e.getMessage()).isNotNull();
                    outcomes.add(new Outcome(null, e, reader.line(), reader.canContinue()));
                    if (!reader.canContinue()) {
                        break;
                    }
                }
            }
        }
        return outcomes;
    }

    private static List<Message> statusverzoeken(int count) {
        Message example = ExampleMessages.of(MessageType.STATUSVERZOEK);
        List<Message> messages = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            messages.add(withId(example, i));
        }
        return messages;
    }

    private static Message withId(Message message, int n) {
        Header h = message.header();
        return new Message(new Header(UUID.fromString("5e1f0000-0000-4000-8000-%012d".formatted(n)),
                h.conversatieReferentienummer(), h.crossReferentienummer(), h.versie(), h.berichttype(), h.afzenderOin(),
                h.ontvangerOin(), h.aangemaakt()), message.body());
    }
}
