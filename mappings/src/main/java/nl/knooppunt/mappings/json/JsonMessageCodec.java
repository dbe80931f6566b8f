package nl.knooppunt.mappings.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import nl.knooppunt.mappings.BatchReader;
import nl.knooppunt.mappings.BatchWriter;
import nl.knooppunt.mappings.ContractViolationException;
import nl.knooppunt.mappings.Format;
import nl.knooppunt.mappings.MappingLimits;
import nl.knooppunt.mappings.MessageCodec;
import nl.knooppunt.mappings.canonical.BatchHeader;
import nl.knooppunt.mappings.canonical.Message;
import nl.knooppunt.mappings.internal.LimitedInputStream;

/**
 * JSON codec: a message is {@code {"header": {...}, "saldoverzoek": {...}}} (the body under the
 * type's property, see {@code MessageType.jsonProperty()}); a batch is
 * {@code {"batchHeader": {...}, "berichten": [ ... ]}}. The schemas are in the OpenAPI document
 * ({@code Contract.OPENAPI_RESOURCE}).
 */
public final class JsonMessageCodec implements MessageCodec {
    private final MappingLimits limits;
    private final ObjectMapper mapper;

    public JsonMessageCodec() {
        this(MappingLimits.DEFAULT);
    }

    public JsonMessageCodec(MappingLimits limits) {
        this.limits = limits;
        this.mapper = ContractJson.mapper(limits);
    }

    /** A copy of the strict mapper for the canonical records, e.g. to bind them in a REST controller. */
    public ObjectMapper objectMapper() {
        return mapper.copy();
    }

    @Override
    public Format format() {
        return Format.JSON;
    }

    @Override
    public void write(Message message, OutputStream out) {
        try (JsonGenerator generator = mapper.getFactory().createGenerator(out)) {
            generator.useDefaultPrettyPrinter();
            writeMessage(mapper, generator, message);
            generator.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void writeMessage(ObjectMapper mapper, JsonGenerator generator, Message message) throws IOException {
        generator.writeStartObject();
        generator.writeFieldName("header");
        mapper.writeValue(generator, message.header());
        generator.writeFieldName(message.type().jsonProperty());
        mapper.writeValue(generator, message.body());
        generator.writeEndObject();
    }

    @Override
    public Message read(InputStream in) {
        LimitedInputStream limited = new LimitedInputStream(in, limits.maxMessageBytes(), 0, "the message");
        try (JsonParser parser = mapper.getFactory().createParser(limited)) {
            parser.nextToken();
            Message message = JsonInput.readMessage(mapper, parser, "");
            if (parser.nextToken() != null) {
                throw JsonInput.violation("content after the message", null, parser.currentTokenLocation());
            }
            return message;
        } catch (ContractViolationException e) {
            throw e;
        } catch (IOException e) {
            throw JsonInput.translate(e, null);
        }
    }

    @Override
    public BatchWriter openBatchWriter(BatchHeader header, OutputStream out) {
        return new JsonBatchWriter(mapper, header, out);
    }

    @Override
    public BatchReader openBatchReader(InputStream in) {
        return new JsonBatchReader(mapper, limits, in);
    }
}
