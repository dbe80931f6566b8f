package nl.knooppunt.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.concurrent.TimeUnit;
import nl.knooppunt.mappings.Format;
import nl.knooppunt.mappings.MessageCodec;
import nl.knooppunt.mappings.canonical.Message;
import nl.knooppunt.mappings.canonical.MessageType;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Single-message write (marshal) and read (unmarshal, including validation) throughput per format and type. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MessageCodecBenchmark {
    @Param({"XML", "JSON", "CSV"})
    public Format format;

    @Param({"SALDOVERZOEK", "SALDOVERZOEK_ANTWOORD", "BETAALVOORSTEL"})
    public MessageType type;

    private MessageCodec codec;
    private Message message;
    private byte[] encoded;

    @Setup
    public void setUp() {
        codec = Codecs.of(format, type);
        message = SampleMessages.of(type, 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        codec.write(message, out);
        encoded = out.toByteArray();
    }

    @Benchmark
    public byte[] marshal() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(encoded.length + 256);
        codec.write(message, out);
        return out.toByteArray();
    }

    @Benchmark
    public Message unmarshal() {
        return codec.read(new ByteArrayInputStream(encoded));
    }
}
