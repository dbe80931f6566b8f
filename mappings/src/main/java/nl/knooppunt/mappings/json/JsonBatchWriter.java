package nl.knooppunt.mappings.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import nl.knooppunt.mappings.BatchWriter;
import nl.knooppunt.mappings.canonical.BatchHeader;
import nl.knooppunt.mappings.canonical.Message;
import nl.knooppunt.mappings.internal.BatchWriterChecks;

/** Writes {@code {"batchHeader": ..., "berichten": [...]}} with one message per line, streaming. */
final class JsonBatchWriter implements BatchWriter {
    private final ObjectMapper mapper;
    private final BatchHeader header;
    private final JsonGenerator generator;
    private int written;
    private boolean closed;

    JsonBatchWriter(ObjectMapper mapper, BatchHeader header, OutputStream out) {
        this.mapper = mapper;
        this.header = header;
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
    public void write(Message message) {
        BatchWriterChecks.check(header, message, written, closed);
        try {
            generator.writeRaw('\n');
            JsonMessageCodec.writeMessage(mapper, generator, message);
            written++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public int written() {
        return written;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        BatchWriterChecks.checkComplete(header, written);
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
