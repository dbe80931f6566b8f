package nl.knooppunt.mappings.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import nl.knooppunt.mappings.ContractViolationException;
import nl.knooppunt.mappings.MappingLimits;
import nl.knooppunt.mappings.canonical.BatchHeader;
import nl.knooppunt.mappings.canonical.InvalidFieldException;
import nl.knooppunt.mappings.canonical.Message;
import nl.knooppunt.mappings.internal.CheckedBatchReader;
import nl.knooppunt.mappings.internal.LimitedInputStream;

/**
 * Streams {@code {"batchHeader": ..., "berichten": [...]}} with Jackson's streaming parser, binding one
 * message at a time. The batch header must come first so that it is known before any message.
 */
final class JsonBatchReader extends CheckedBatchReader {
    private final ObjectMapper mapper;
    private final MappingLimits limits;
    private final LimitedInputStream input;
    private final JsonParser parser;
    private final BatchHeader header;

    /** The JSON form of the batch header; the count is boxed so that a missing count is an error. */
    private record BatchHeaderJson(UUID batchId, String ontvangerOin, OffsetDateTime aangemaakt, Integer aantal,
                                   Integer deel, Integer aantalDelen) {
    }

    JsonBatchReader(ObjectMapper mapper, MappingLimits limits, InputStream in) {
        this.mapper = mapper;
        this.limits = limits;
        this.input = new LimitedInputStream(in, limits.maxBatchBytes(), limits.maxMessageBytes(), "the batch");
        try {
            this.parser = mapper.getFactory().createParser(input);
        } catch (IOException e) {
            throw JsonInput.translate(e, null);
        }
        try {
            this.header = readHeader();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private BatchHeader readHeader() {
        try {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw JsonInput.violation("a batch must be a JSON object", null, parser.currentTokenLocation());
            }
            if (parser.nextToken() != JsonToken.FIELD_NAME || !"batchHeader".equals(parser.currentName())) {
                throw JsonInput.violation("a batch must start with batchHeader", "batchHeader",
                        parser.currentTokenLocation());
            }
            parser.nextToken();
            JsonLocation location = parser.currentTokenLocation();
            BatchHeaderJson json = JsonInput.read(mapper, parser, BatchHeaderJson.class, "batchHeader");
            BatchHeader batchHeader;
            try {
                if (json.aantal() == null) {
                    throw new InvalidFieldException("Aantal", "is required");
                }
                batchHeader = new BatchHeader(json.batchId(), json.ontvangerOin(), json.aangemaakt(), json.aantal(),
                        json.deel(), json.aantalDelen());
            } catch (InvalidFieldException e) {
                throw JsonInput.violation(e.reason(), "batchHeader." + JsonInput.jsonPath(e.field()), location);
            }
            if (batchHeader.aantal() > limits.maxMessagesPerBatch()) {
                throw JsonInput.violation("the batch announces " + batchHeader.aantal()
                        + " messages, more than the limit of " + limits.maxMessagesPerBatch(), "batchHeader.aantal", location);
            }
            if (parser.nextToken() != JsonToken.FIELD_NAME || !"berichten".equals(parser.currentName())
                    || parser.nextToken() != JsonToken.START_ARRAY) {
                throw JsonInput.violation("batchHeader must be followed by the array berichten", "berichten",
                        parser.currentTokenLocation());
            }
            return batchHeader;
        } catch (IOException e) {
            throw JsonInput.translate(e, null);
        }
    }

    @Override
    public Optional<BatchHeader> batchHeader() {
        return Optional.of(header);
    }

    @Override
    protected boolean nextMessageStarts() {
        int read = read();
        try {
            JsonToken token = parser.nextToken();
            if (token == JsonToken.END_ARRAY) {
                if (read != header.aantal()) {
                    throw JsonInput.violation("the batchHeader announces " + header.aantal()
                            + " messages but the batch holds " + read, "batchHeader.aantal", parser.currentTokenLocation());
                }
                if (parser.nextToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
                    throw JsonInput.violation("nothing may follow berichten", null, parser.currentTokenLocation());
                }
                return false;
            }
            if (token != JsonToken.START_OBJECT) {
                throw JsonInput.violation("each element of berichten must be a message object",
                        "berichten[" + read + "]", parser.currentTokenLocation()).atMessage(read, null);
            }
            if (read >= header.aantal()) {
                throw JsonInput.violation("the batch holds more messages than the " + header.aantal()
                        + " its batchHeader announces", "berichten[" + read + "]", parser.currentTokenLocation())
                        .atMessage(read, null);
            }
            return true;
        } catch (IOException e) {
            throw JsonInput.translate(e, null);
        }
    }

    @Override
    protected Message readMessage(int index) {
        try {
            input.startMessage();
            JsonLocation start = parser.currentTokenLocation();
            Message message = JsonInput.readMessage(mapper, parser, "berichten[" + index + "]");
            if (!message.header().ontvangerOin().equals(header.ontvangerOin())) {
                throw JsonInput.violation("the message is addressed to " + message.header().ontvangerOin()
                        + " but the batch to " + header.ontvangerOin(),
                        "berichten[" + index + "].header.ontvangerOin", start)
                        .atMessage(index, message.header().referentienummer());
            }
            return message;
        } catch (IOException e) {
            throw JsonInput.translate(e, null).atMessage(index, null);
        }
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            // nothing left to release
        }
    }
}
