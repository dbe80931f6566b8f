package nl.knooppunt.gateway.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nl.knooppunt.gateway.shared.Transitions;
import org.junit.jupiter.api.Test;

/**
 * Every statement that changes the status of an outgoing message or a batch is guarded by its
 * transition table: there is one such statement per table (MessageMoves, OutboundRepository.moveBatch),
 * its guard is built from the table, and no other SQL in the gateway sets those statuses.
 */
class StatusMovesTest {

    private static final Path SOURCES = Path.of("src/main/java/nl/knooppunt/gateway");
    private static final Pattern STATUS_UPDATE = Pattern.compile(
            "update\\s+(outbound_message|outbound_batch)\\b(?:(?!\\bwhere\\b).)*?\\bset\\b(?:(?!\\bwhere\\b).)*?\\bstatus\\s*=",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    @Test
    void theOnlyStatementsThatMoveAStatusAreTheTwoGuardedOnes() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                // Statements end where their string ends; look at each string literal or text block on its own.
                for (String literal : sqlStrings(Files.readString(file))) {
                    Matcher m = STATUS_UPDATE.matcher(literal);
                    while (m.find()) {
                        found.add(file.getFileName() + ":" + m.group(1));
                    }
                }
            }
        }
        assertThat(found).containsExactlyInAnyOrder("MessageMoves.java:outbound_message",
                "OutboundRepository.java:outbound_batch");
    }

    @Test
    void messageMovesAreGuardedByTheOutboundTable() {
        for (OutboundStatus to : OutboundStatus.values()) {
            assertThat(MessageMoves.guard(to)).as("guard of a move to %s", to)
                    .isEqualTo(expectedGuard("m.status", OutboundStatus.TRANSITIONS, to));
        }
        assertThat(MessageMoves.guard(OutboundStatus.CONFIRMED)).isEqualTo("m.status in ('FETCHED')");
        assertThat(MessageMoves.guard(OutboundStatus.EXPIRED)).isEqualTo("m.status in ('IN_MAILBOX', 'FETCHED')");
    }

    @Test
    void batchMovesAreGuardedByTheBatchTable() {
        for (BatchStatus to : EnumSet.of(BatchStatus.SENDING, BatchStatus.READY, BatchStatus.COMPLETED, BatchStatus.DEAD)) {
            assertThat(OutboundRepository.batchGuard(to)).as("guard of a move to %s", to)
                    .isEqualTo(expectedGuard("b.status", BatchStatus.TRANSITIONS, to));
        }
        assertThat(OutboundRepository.batchGuard(BatchStatus.SENDING)).isEqualTo("b.status in ('READY', 'SENDING')");
        assertThat(BatchStatus.TRANSITIONS.isTerminal(BatchStatus.COMPLETED)).isTrue();
        assertThat(BatchStatus.TRANSITIONS.isTerminal(BatchStatus.DEAD)).isTrue();
    }

    @Test
    void aStatusNoMoveLeadsToHasNoGuard() {
        Transitions<BatchStatus> onlyForward = Transitions.of(BatchStatus.class)
                .from(BatchStatus.SENDING, BatchStatus.COMPLETED).build();
        assertThatThrownBy(() -> StatusGuard.sql("status", onlyForward, BatchStatus.READY))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static <S extends Enum<S>> String expectedGuard(String column, Transitions<S> table, S to) {
        List<String> from = new ArrayList<>();
        for (S s : to.getDeclaringClass().getEnumConstants()) {
            if (table.allowedFrom(s).contains(to)) {
                from.add("'" + s.name() + "'");
            }
        }
        return column + " in (" + String.join(", ", from) + ")";
    }

    /** The string literals and text blocks of a Java source, in order. */
    private static List<String> sqlStrings(String source) {
        List<String> strings = new ArrayList<>();
        Matcher m = Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"", Pattern.DOTALL).matcher(source);
        while (m.find()) {
            strings.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return strings;
    }
}
