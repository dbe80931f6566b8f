package nl.knooppunt.mappings.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.io.IOException;
import java.util.Arrays;
import java.util.stream.Collectors;
import nl.knooppunt.mappings.ContractViolationException;
import nl.knooppunt.mappings.Format;
import nl.knooppunt.mappings.canonical.Header;
import nl.knooppunt.mappings.canonical.InvalidFieldException;
import nl.knooppunt.mappings.canonical.Message;
import nl.knooppunt.mappings.canonical.MessageBody;
import nl.knooppunt.mappings.canonical.MessageType;
import nl.knooppunt.mappings.internal.LimitExceededException;
import nl.knooppunt.mappings.internal.Records;

/**
 * Reads one message object from a streaming parser and turns every Jackson or canonical validation
 * failure into a {@link ContractViolationException} with line, column and JSON property path.
 */
final class JsonInput {
    private JsonInput() {
    }

    /**
     * Reads the message whose START_OBJECT is the parser's current token. A message is
     * {@code {"header": {...}, "<messageType>": {...}}} with the body under the type's JSON property.
     */
    static Message readMessage(ObjectMapper mapper, JsonParser parser, String pathPrefix) throws IOException {
        JsonLocation start = parser.currentTokenLocation();
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw violation("a message must be a JSON object", pathPrefix, parser.currentTokenLocation());
        }
        Header header = null;
        MessageBody body = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            if ("header".equals(name)) {
                header = read(mapper, parser, Header.class, join(pathPrefix, "header"));
            } else {
                MessageType type = MessageType.fromJsonProperty(name).orElseThrow(() -> violation(
                        "unknown field '" + name + "': expected header and one body property such as saldoverzoek",
                        join(pathPrefix, name), parser.currentTokenLocation()));
                if (body != null) {
                    throw violation("a message holds exactly one body, found a second one", join(pathPrefix, name),
                            parser.currentTokenLocation());
                }
                body = read(mapper, parser, type.bodyType(), join(pathPrefix, name));
            }
        }
        if (header == null) {
            throw violation("header is required", join(pathPrefix, "header"), start);
        }
        if (body == null) {
            throw violation("the message body is missing: add the property " + header.berichttype().jsonProperty(),
                    pathPrefix.isEmpty() ? null : pathPrefix, start).withReferentienummer(header.referentienummer());
        }
        try {
            return new Message(header, body);
        } catch (InvalidFieldException e) {
            throw violation(e.reason(), join(pathPrefix, "header.berichttype"), start)
                    .withReferentienummer(header.referentienummer());
        }
    }

    static <T> T read(ObjectMapper mapper, JsonParser parser, Class<T> type, String path) throws IOException {
        try {
            return mapper.readValue(parser, type);
        } catch (DatabindException e) {
            throw translate(e, path);
        }
    }

    /** Turns a Jackson failure into a violation; the path is where the value being read sits. */
    static ContractViolationException translate(Exception error, String basePath) {
        LimitExceededException limit = LimitExceededException.findIn(error);
        if (limit != null) {
            return ContractViolationException.of(Format.JSON, limit.getMessage()).causedBy(error);
        }
        JsonLocation location = error instanceof JsonProcessingException processing ? processing.getLocation() : null;
        String reason;
        String path = basePath;
        if (error instanceof JsonMappingException mapping) {
            path = join(basePath, pathOf(mapping));
            InvalidFieldException invalid = invalidField(error);
            if (invalid != null) {
                path = join(path, jsonPath(invalid.field()));
                reason = invalid.reason();
            } else if (error instanceof UnrecognizedPropertyException unknown) {
                reason = "unknown field '" + unknown.getPropertyName() + "'";
            } else if (error instanceof InvalidFormatException format) {
                // Jackson's own texts quote the offending value; ours never do (it may be personal data).
                Class<?> target = format.getTargetType();
                if (target != null && target.isEnum()) {
                    reason = "invalid value: expected one of " + Arrays.stream(target.getEnumConstants())
                            .map(String::valueOf).collect(Collectors.joining(", "));
                } else if (format.getOriginalMessage().startsWith("expected ")) {
                    reason = "invalid value: " + format.getOriginalMessage();
                } else {
                    reason = "wrong JSON type" + (target == null ? "" : ": expected " + describe(target));
                }
            } else if (error instanceof MismatchedInputException mismatch) {
                reason = "wrong JSON type" + (mismatch.getTargetType() == null ? ""
                        : ": expected " + describe(mismatch.getTargetType()));
            } else if (error instanceof ValueInstantiationException) {
                reason = "invalid value";
            } else {
                reason = firstLine(mapping.getOriginalMessage());
            }
        } else if (error instanceof StreamConstraintsException constraints) {
            reason = "input exceeds a parser limit: " + firstLine(constraints.getOriginalMessage());
        } else if (error instanceof JsonProcessingException processing) {
            reason = "not valid JSON: " + firstLine(processing.getOriginalMessage());
        } else {
            reason = "cannot read JSON: " + error.getClass().getSimpleName();
        }
        ContractViolationException violation = ContractViolationException.of(Format.JSON, reason).causedBy(error);
        if (path != null && !path.isEmpty()) {
            violation = violation.atField(path);
        }
        return location == null ? violation : violation.atLine(location.getLineNr(), location.getColumnNr());
    }

    static ContractViolationException violation(String reason, String path, JsonLocation location) {
        ContractViolationException violation = ContractViolationException.of(Format.JSON, reason);
        if (path != null && !path.isEmpty()) {
            violation = violation.atField(path);
        }
        return location == null ? violation : violation.atLine(location.getLineNr(), location.getColumnNr());
    }

    private static InvalidFieldException invalidField(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof InvalidFieldException invalid) {
                return invalid;
            }
        }
        return null;
    }

    private static String pathOf(JsonMappingException mapping) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : mapping.getPath()) {
            if (reference.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** {@code Klant.Achternaam} (XSD naming) becomes {@code klant.achternaam} (JSON naming). */
    static String jsonPath(String xsdPath) {
        return Arrays.stream(xsdPath.split("\\.")).map(Records::decapitalize).collect(Collectors.joining("."));
    }

    static String join(String prefix, String path) {
        if (prefix == null || prefix.isEmpty()) {
            return path;
        }
        if (path == null || path.isEmpty()) {
            return prefix;
        }
        return path.startsWith("[") ? prefix + path : prefix + "." + path;
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            return "one of the " + type.getSimpleName() + " codes";
        }
        if (java.util.List.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (type.isRecord()) {
            return "an object";
        }
        if (type == String.class) {
            return "a string";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        return type.getSimpleName();
    }

    private static String firstLine(String text) {
        return text == null ? "" : text.split("\n")[0];
    }
}
