package nl.knooppunt.mappings;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nl.knooppunt.mappings.canonical.BatchHeader;
import nl.knooppunt.mappings.canonical.Message;

/** Small helpers for the bad-input tests. */
final class TestFiles {
    private TestFiles() {
    }

    static String golden(String name) {
        try {
            return Files.readString(Path.of(System.getProperty("mappings.basedir", "."), "src/test/resources/golden", name),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static InputStream utf8(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    static String write(MessageCodec codec, BatchHeader header, List<Message> messages) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (BatchWriter writer = codec.openBatchWriter(header, out)) {
            messages.forEach(writer::write);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Reads the whole batch; the reader's exception (if any) propagates. */
    static List<Message> readAll(MessageCodec codec, String batch) {
        List<Message> messages = new ArrayList<>();
        try (BatchReader reader = codec.openBatchReader(utf8(batch))) {
            reader.forEachRemaining(messages::add);
        }
        return messages;
    }
}
