package nl.knooppunt.mappings.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import nl.knooppunt.mappings.canonical.BatchHeader;
import nl.knooppunt.mappings.canonical.Message;
import nl.knooppunt.mappings.internal.CheckedBatchWriter;

/** Writes {@code {"batchHeader": ..., "berichten": [...]}} with one message per line, streaming. */
final class JsonBatchWriter extends CheckedBatchWriter {
    private final ObjectMapper mapper;
    private final JsonGenerator generator;

    JsonBatchWriter(ObjectMapper mapper, BatchHeader header, OutputStream out) {
        super(header);
        this.mapper = mapper;
        try {
            this.generator = mapper.getFactory().createGenerator(out);
            generator.writeStartObject();
            generator.writeFieldName("batchHeader");
            mapper.writeValue(generator, header);
            generator.writeFieldName("berichten");
            generator.writeStartArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected void writeMessage(Message message) {
        try {
            generator.writeRaw('\n');
            JsonMessageCodec.writeMessage(mapper, generator, message);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected void finish() {
        try {
            generator.writeRaw('\n');
            generator.writeEndArray();
            generator.writeEndObject();
            generator.writeRaw('\n');
            generator.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
