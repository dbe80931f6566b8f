package nl.knooppunt.gateway.channel.rest.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import nl.knooppunt.gateway.inbound.InboundItem;
import nl.knooppunt.mappings.ContractViolationException;
import nl.knooppunt.mappings.canonical.InvalidFieldException;
import nl.knooppunt.mappings.json.JsonMessageCodec;

/**
 * Reads the body of {@code POST /batches}: {@code {"allOrNothing": true|false, "messages": [ ... ]}}.
 * The envelope must be right (else 400, nothing looked at); each message is read on its own by the
 * contract's strict JSON codec, so a message that breaks the contract becomes an unreadable item
 * that the door refuses by the batch's rules, instead of failing the whole request. Each message is
 * handed to the codec as the exact bytes the caller sent (no re-serialisation that could change
 * amounts or layout).
 */
final class BatchRequestReader {

    /** The batch as the door takes it. */
    record Batch(boolean allOrNothing, List<InboundItem> items) {}

    private static final JsonFactory ENVELOPE = JsonFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final JsonMessageCodec codec;
    private final int maxMessages;

    BatchRequestReader(JsonMessageCodec codec, int maxMessages) {
        this.codec = codec;
        this.maxMessages = maxMessages;
    }

    Batch read(byte[] body) {
        try (JsonParser parser = ENVELOPE.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw UnreadableMessageException.envelope("body", "must be a JSON object with allOrNothing and messages");
            }
            Boolean allOrNothing = null;
            List<InboundItem> items = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (name) {
                    case "allOrNothing" -> {
                        if (value != JsonToken.VALUE_TRUE && value != JsonToken.VALUE_FALSE) {
                            throw UnreadableMessageException.envelope("allOrNothing", "must be true or false");
                        }
                        allOrNothing = parser.getBooleanValue();
                    }
                    case "messages" -> {
                        if (value != JsonToken.START_ARRAY) {
                            throw UnreadableMessageException.envelope("messages", "must be an array of messages");
                        }
                        items = messages(parser, body);
                    }
                    default -> throw UnreadableMessageException.envelope(name, "is not a field of this request");
                }
            }
            if (parser.nextToken() != null) {
                throw UnreadableMessageException.envelope("body", "has content after the request object");
            }
            if (items == null) {
                throw UnreadableMessageException.envelope("messages", "is required");
            }
            if (items.isEmpty()) {
                throw UnreadableMessageException.envelope("messages", "must hold at least 1 message");
            }
            return new Batch(Boolean.TRUE.equals(allOrNothing), items);
        } catch (JsonProcessingException malformed) {
            JsonLocation at = malformed.getLocation();
            throw UnreadableMessageException.envelope("body", "is not valid JSON"
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")")
                    + ": " + malformed.getOriginalMessage());
        } catch (IOException e) {
            throw new IllegalStateException("Reading from memory failed", e);
        }
    }

    /** The messages of the array the parser is at, each read from its own bytes. */
    private List<InboundItem> messages(JsonParser parser, byte[] body) throws IOException {
        List<InboundItem> items = new ArrayList<>();
        for (JsonToken token; (token = parser.nextToken()) != JsonToken.END_ARRAY; ) {
            if (items.size() == maxMessages) {
                throw UnreadableMessageException.envelope("messages", "must hold at most " + maxMessages + " messages");
            }
            String position = "messages[" + items.size() + "]";
            if (token != JsonToken.START_OBJECT) {
                parser.skipChildren();
                items.add(InboundItem.unreadable(null, position + ": a message must be a JSON object"));
                continue;
            }
            int start = (int) parser.currentTokenLocation().getByteOffset();
            parser.skipChildren();
            int end = (int) parser.currentLocation().getByteOffset();
            items.add(item(Arrays.copyOfRange(body, start, end), position));
        }
        return items;
    }

    private InboundItem item(byte[] message, String position) {
        try {
            return InboundItem.of(codec.read(new ByteArrayInputStream(message)));
        } catch (ContractViolationException invalid) {
            return InboundItem.unreadable(invalid.referentienummer(), position + ": " + invalid.getMessage());
        } catch (InvalidFieldException invalid) {
            return InboundItem.unreadable(null, position + ": " + invalid.getMessage());
        }
    }
}
