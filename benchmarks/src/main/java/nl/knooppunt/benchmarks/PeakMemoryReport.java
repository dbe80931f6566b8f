package nl.knooppunt.benchmarks;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import nl.knooppunt.mappings.BatchReader;
import nl.knooppunt.mappings.BatchWriter;
import nl.knooppunt.mappings.Format;
import nl.knooppunt.mappings.MessageCodec;
import nl.knooppunt.mappings.canonical.BatchHeader;
import nl.knooppunt.mappings.canonical.MessageType;

/**
 * Reports the peak heap used while reading a batch of N Saldoverzoeken (default 100,000) in each format:
 * the batch is written to a temporary file, the heap's peak counters are reset, then the file is read
 * through the streaming reader. Arguments: {@code [count] [XML|JSON|CSV ...]}. Run it with a small
 * {@code -Xmx} to show that memory does not grow with the batch.
 */
public final class PeakMemoryReport {
    private PeakMemoryReport() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        List<Format> formats = args.length > 1
                ? Arrays.stream(args).skip(1).map(Format::valueOf).toList() : List.of(Format.values());
        System.out.printf("max heap %d MiB, %d messages per batch%n", Runtime.getRuntime().maxMemory() >> 20, count);
        System.out.printf("%-5s %12s %14s %10s %12s%n", "fmt", "file MiB", "peak heap MiB", "seconds", "messages/s");
        for (Format format : formats) {
            MessageCodec codec = Codecs.of(format, MessageType.SALDOVERZOEK);
            Path file = Files.createTempFile("knooppunt-batch-", "." + format.name().toLowerCase());
            try {
                write(codec, file, count);
                System.gc();
                ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
                long started = System.nanoTime();
                int read = 0;
                try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
                     BatchReader reader = codec.openBatchReader(in)) {
                    while (reader.hasNext()) {
                        reader.next();
                        read++;
                    }
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                System.out.printf("%-5s %12.1f %14.1f %10.2f %12.0f%n", format, Files.size(file) / 1048576.0,
                        peakHeapBytes() / 1048576.0, seconds, read / seconds);
            } finally {
                Files.deleteIfExists(file);
            }
        }
    }

    private static void write(MessageCodec codec, Path file, int count) throws Exception {
        BatchHeader header = new BatchHeader(UUID.randomUUID(), SampleMessages.OIN_SE, OffsetDateTime.now(), count);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
             BatchWriter writer = codec.openBatchWriter(header, out)) {
            for (int i = 0; i < count; i++) {
                writer.write(SampleMessages.of(MessageType.SALDOVERZOEK, i));
            }
        }
    }

    private static long peakHeapBytes() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    }
}
