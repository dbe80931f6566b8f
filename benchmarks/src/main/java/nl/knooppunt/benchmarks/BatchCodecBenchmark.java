package nl.knooppunt.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import nl.knooppunt.mappings.BatchReader;
import nl.knooppunt.mappings.BatchWriter;
import nl.knooppunt.mappings.Format;
import nl.knooppunt.mappings.MessageCodec;
import nl.knooppunt.mappings.canonical.BatchHeader;
import nl.knooppunt.mappings.canonical.Message;
import nl.knooppunt.mappings.canonical.MessageType;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/** Streaming batch throughput in messages per second (1,000 Saldoverzoeken per batch). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class BatchCodecBenchmark {
    private static final int MESSAGES = 1_000;

    @Param({"XML", "JSON", "CSV"})
    public Format format;

    private MessageCodec codec;
    private Message[] messages;
    private BatchHeader header;
    private byte[] batch;

    @Setup
    public void setUp() {
        codec = Codecs.of(format, MessageType.SALDOVERZOEK);
        messages = new Message[MESSAGES];
        for (int i = 0; i < MESSAGES; i++) {
            messages[i] = SampleMessages.of(MessageType.SALDOVERZOEK, i);
        }
        header = new BatchHeader(UUID.randomUUID(), SampleMessages.OIN_SE, OffsetDateTime.now(), MESSAGES);
        batch = writeBatch();
    }

    @Benchmark
    @OperationsPerInvocation(MESSAGES)
    public byte[] writeBatch() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(batch == null ? 1 << 20 : batch.length + 1024);
        try (BatchWriter writer = codec.openBatchWriter(header, out)) {
            for (Message message : messages) {
                writer.write(message);
            }
        }
        return out.toByteArray();
    }

    @Benchmark
    @OperationsPerInvocation(MESSAGES)
    public void readBatch(Blackhole sink) {
        try (BatchReader reader = codec.openBatchReader(new ByteArrayInputStream(batch))) {
            while (reader.hasNext()) {
                sink.consume(reader.next());
            }
        }
    }
}
