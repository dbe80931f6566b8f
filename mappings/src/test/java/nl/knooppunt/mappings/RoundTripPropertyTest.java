package nl.knooppunt.mappings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import nl.knooppunt.mappings.canonical.BatchHeader;
import nl.knooppunt.mappings.canonical.Message;
import nl.knooppunt.mappings.canonical.MessageType;
import nl.knooppunt.mappings.csv.CsvMessageCodec;
import nl.knooppunt.mappings.json.JsonMessageCodec;
import nl.knooppunt.mappings.xml.XmlMessageCodec;

/** canonical → format → canonical is lossless for every message type in every format, single and batched. */
class RoundTripPropertyTest {
    private static final XmlMessageCodec XML = new XmlMessageCodec();
    private static final JsonMessageCodec JSON = new JsonMessageCodec();

    @Property(tries = 300)
    void xmlRoundTripKeepsEveryField(@ForAll("messages") Message message) {
        assertThat(roundTrip(XML, message)).isEqualTo(message);
        coverEveryType(message);
    }

    @Property(tries = 300)
    void jsonRoundTripKeepsEveryField(@ForAll("messages") Message message) {
        assertThat(roundTrip(JSON, message)).isEqualTo(message);
        coverEveryType(message);
    }

    @Property(tries = 300)
    void csvRoundTripKeepsEveryField(@ForAll("messages") Message message) {
        assertThat(roundTrip(CsvMessageCodec.forType(message.type()), message)).isEqualTo(message);
        coverEveryType(message);
    }

    @Property(tries = 60)
    void batchesRoundTripInEveryFormat(@ForAll("batches") List<Message> messages, @ForAll Format format) {
        MessageType type = messages.get(0).type();
        String recipient = messages.get(0).header().ontvangerOin();
        MessageCodec codec = switch (format) {
            case XML -> XML;
            case JSON -> JSON;
            case CSV -> CsvMessageCodec.forType(type);
        };
        BatchHeader header = new BatchHeader(UUID.randomUUID(), recipient, OffsetDateTime.now(), messages.size());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (BatchWriter writer = codec.openBatchWriter(header, out)) {
            messages.forEach(writer::write);
        }
        List<Message> read = new ArrayList<>();
        try (BatchReader reader = codec.openBatchReader(new ByteArrayInputStream(out.toByteArray()))) {
            reader.forEachRemaining(read::add);
            if (format != Format.CSV) {
                assertThat(reader.batchHeader()).contains(header);
            }
        }
        assertThat(read).containsExactlyElementsOf(messages);
    }

    @Provide
    Arbitrary<Message> messages() {
        return CanonicalArbitraries.messages();
    }

    /** 1–5 messages of one type for one recipient; the CSV layout of that type carries them all. */
    @Provide
    Arbitrary<List<Message>> batches() {
        return CanonicalArbitraries.types().flatMap(type -> CanonicalArbitraries.oins().flatMap(recipient ->
                CanonicalArbitraries.messagesTo(type, recipient).list().ofMinSize(1).ofMaxSize(5)
                        .uniqueElements(message -> message.header().referentienummer())));
    }

    static Message roundTrip(MessageCodec codec, Message message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        codec.write(message, out);
        return codec.read(new ByteArrayInputStream(out.toByteArray()));
    }

    private static void coverEveryType(Message message) {
        Statistics.label("type").collect(message.type());
        Statistics.label("type").coverage(coverage -> {
            for (MessageType type : MessageType.values()) {
                coverage.check(type).count(count -> count > 0);
            }
        });
    }
}
