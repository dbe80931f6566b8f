package nl.knooppunt.mappings;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.knooppunt.mappings.canonical.MessageType;
import nl.knooppunt.mappings.csv.CsvMessageCodec;
import nl.knooppunt.mappings.json.JsonMessageCodec;
import nl.knooppunt.mappings.xml.XmlMessageCodec;

/**
 * Reads batch files through the streaming readers and prints "FORMAT count peakHeapBytes millis" per file.
 * Run in a JVM with a small heap by {@link BoundedMemoryBatchTest}: if a reader held the whole batch,
 * this process would die of OutOfMemoryError.
 */
public final class StreamingReadMain {
    private StreamingReadMain() {
    }

    public static void main(String[] args) throws Exception {
        for (int i = 0; i < args.length; i += 2) {
            Format format = Format.valueOf(args[i]);
            MessageCodec codec = switch (format) {
                case XML -> new XmlMessageCodec();
                case JSON -> new JsonMessageCodec();
                case CSV -> CsvMessageCodec.forType(MessageType.SALDOVERZOEK);
            };
            long started = System.nanoTime();
            long count = 0;
            try (InputStream in = new BufferedInputStream(Files.newInputStream(Path.of(args[i + 1])));
                 BatchReader reader = codec.openBatchReader(in)) {
                while (reader.hasNext()) {
                    reader.next();
                    count++;
                }
            }
            System.out.println(format + " " + count + " " + peakHeapBytes() + " "
                    + (System.nanoTime() - started) / 1_000_000);
        }
    }

    static long peakHeapBytes() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    }
}
