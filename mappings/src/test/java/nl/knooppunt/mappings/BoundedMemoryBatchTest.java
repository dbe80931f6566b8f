package nl.knooppunt.mappings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import nl.knooppunt.mappings.canonical.BatchHeader;
import nl.knooppunt.mappings.canonical.Header;
import nl.knooppunt.mappings.canonical.Message;
import nl.knooppunt.mappings.canonical.MessageType;
import nl.knooppunt.mappings.csv.CsvMessageCodec;
import nl.knooppunt.mappings.json.JsonMessageCodec;
import nl.knooppunt.mappings.xml.XmlMessageCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 100,000-message batch in each format, each file larger than the reader's whole heap, is read by the
 * streaming readers in a separate JVM limited to 64 MiB. A reader that buffered the batch would fail
 * with OutOfMemoryError there; this test then fails.
 */
class BoundedMemoryBatchTest {
    private static final int MESSAGES = 100_000;
    private static final String HEAP = "-Xmx64m";

    @Test
    void hundredThousandMessageBatchesStreamThroughA64MibHeap(@TempDir Path dir) throws Exception {
        Path xml = write(dir.resolve("batch.xml"), new XmlMessageCodec());
        Path json = write(dir.resolve("batch.json"), new JsonMessageCodec());
        Path csv = write(dir.resolve("batch.csv"), CsvMessageCodec.forType(MessageType.SALDOVERZOEK));
        for (Path file : List.of(xml, json, csv)) {
            assertThat(Files.size(file)).as("%s must be larger than the reader's heap", file.getFileName())
                    .isGreaterThan(64L << 20);
        }

        // One reader JVM for the three files: on two cores, parallel JVMs only slow each other down.
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), HEAP,
                "-XX:+UseSerialGC", "-cp", testClassPath(), StreamingReadMain.class.getName(),
                "XML", xml.toString(), "JSON", json.toString(), "CSV", csv.toString())
                .redirectErrorStream(true).start();
        boolean finished = process.waitFor(120, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly();
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        System.out.print(output);

        assertThat(finished).as("reader JVM finished in time; output:%n%s", output).isTrue();
        assertThat(process.exitValue()).as("reader JVM exit code; output:%n%s", output).isZero();
        assertThat(output.lines().map(line -> String.join(" ", List.of(line.split(" ")).subList(0, 2))))
                .containsExactly("XML " + MESSAGES, "JSON " + MESSAGES, "CSV " + MESSAGES);
    }

    /**
     * Writes a two-message batch with the real writer, then replicates the stretch from the first
     * message's Referentienummer to the second's with a fresh id each time. That makes a valid 100,000-message
     * file in a fraction of the time of marshalling every message (the test is about the reader).
     */
    private static Path write(Path file, MessageCodec codec) throws IOException {
        Message template = ExampleMessages.of(MessageType.SALDOVERZOEK);
        UUID first = id(0);
        UUID second = id(1);
        BatchHeader header = new BatchHeader(UUID.randomUUID(), template.header().ontvangerOin(), OffsetDateTime.now(), 2);
        String twoMessages = TestFiles.write(codec, header, List.of(withId(template, first), withId(template, second)));
        int firstAt = twoMessages.indexOf(first.toString());
        int secondAt = twoMessages.indexOf(second.toString());
        String prefix = twoMessages.substring(0, firstAt)
                .replace("<Aantal>2</Aantal>", "<Aantal>" + MESSAGES + "</Aantal>")
                .replace("\"aantal\":2", "\"aantal\":" + MESSAGES);
        String unit = twoMessages.substring(firstAt, secondAt);
        String suffix = twoMessages.substring(secondAt);
        try (Writer out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8),
                1 << 16)) {
            out.write(prefix);
            for (int i = 0; i < MESSAGES - 1; i++) {
                out.write(unit.replace(first.toString(), id(i).toString()));
            }
            out.write(suffix.replace(second.toString(), id(MESSAGES - 1).toString()));
        }
        return file;
    }

    private static UUID id(int sequence) {
        return new UUID(0x5e1f_0000_0000_4000L, 0x8000_0000_0000_0000L | sequence);
    }

    private static Message withId(Message message, UUID id) {
        Header h = message.header();
        return new Message(new Header(id, h.conversatieReferentienummer(), h.crossReferentienummer(), h.versie(),
                h.berichttype(), h.afzenderOin(), h.ontvangerOin(), h.aangemaakt()), message.body());
    }

    private static String testClassPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }
}
