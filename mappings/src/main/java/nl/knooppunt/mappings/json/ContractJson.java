package nl.knooppunt.mappings.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import nl.knooppunt.mappings.MappingLimits;
import nl.knooppunt.mappings.canonical.MessageType;

/**
 * The strict Jackson configuration of the contract: unknown fields, duplicate keys, trailing content
 * and any type coercion (number as string, string as number, float as integer, empty string as null)
 * are errors. Dates, times and identifiers are read only from strings in their one ISO form.
 */
final class ContractJson {
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private ContractJson() {
    }

    static ObjectMapper mapper(MappingLimits limits) {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(32)
                        .maxNumberLength(40)
                        .maxStringLength((int) Math.min(limits.maxMessageBytes(), Integer.MAX_VALUE))
                        .maxNameLength(200)
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                // Error messages must not quote the input: it may hold personal data.
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .build();
        factory.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
        factory.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        return JsonMapper.builder(factory)
                .addModule(contractTypes())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                // Trailing content is checked by the codec: messages are read from a shared streaming parser.
                .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                .defaultLeniency(false)
                .serializationInclusion(JsonInclude.Include.NON_EMPTY)
                .withCoercionConfigDefaults(config -> config
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.EmptyArray, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.EmptyObject, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Textual, config -> config
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Integer, config -> config
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Float, config -> config
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Collection, config -> config
                        .setCoercion(CoercionInputShape.EmptyArray, CoercionAction.AsEmpty))
                .build();
    }

    private static SimpleModule contractTypes() {
        SimpleModule module = new SimpleModule("knooppunt-contract");
        module.addSerializer(MessageType.class, textSerializer(MessageType::code));
        module.addDeserializer(MessageType.class, textDeserializer(MessageType.class, "a Berichttype code",
                text -> MessageType.fromCode(text).orElseThrow(IllegalArgumentException::new)));
        module.addSerializer(LocalDate.class, textSerializer(LocalDate::toString));
        module.addDeserializer(LocalDate.class, textDeserializer(LocalDate.class, "a date yyyy-mm-dd", text -> {
            if (!DATE.matcher(text).matches()) {
                throw new IllegalArgumentException();
            }
            return LocalDate.parse(text);
        }));
        module.addSerializer(OffsetDateTime.class, textSerializer(DateTimeFormatter.ISO_OFFSET_DATE_TIME::format));
        module.addDeserializer(OffsetDateTime.class, textDeserializer(OffsetDateTime.class,
                "a date-time with offset, e.g. 2025-03-14T09:30:15+01:00",
                text -> OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME)));
        module.addSerializer(UUID.class, textSerializer(UUID::toString));
        module.addDeserializer(UUID.class, textDeserializer(UUID.class, "a UUID", text -> {
            if (!UUID_TEXT.matcher(text).matches()) {
                throw new IllegalArgumentException();
            }
            return UUID.fromString(text);
        }));
        return module;
    }

    private static <T> JsonSerializer<T> textSerializer(Function<T, String> format) {
        return new JsonSerializer<>() {
            @Override
            public void serialize(T value, JsonGenerator generator, SerializerProvider provider) throws IOException {
                generator.writeString(format.apply(value));
            }
        };
    }

    private static <T> JsonDeserializer<T> textDeserializer(Class<T> type, String expected, Function<String, T> parse) {
        return new JsonDeserializer<>() {
            @Override
            public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                if (parser.currentToken() != JsonToken.VALUE_STRING) {
                    return type.cast(context.handleUnexpectedToken(type, parser.currentToken(), parser,
                            "expected %s as a JSON string", expected));
                }
                String text = parser.getText();
                try {
                    return parse.apply(text);
                } catch (IllegalArgumentException | DateTimeParseException e) {
                    throw com.fasterxml.jackson.databind.exc.InvalidFormatException.from(parser,
                            "expected " + expected, text, type);
                }
            }
        };
    }
}
