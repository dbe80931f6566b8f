package nl.knooppunt.mappings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import nl.knooppunt.mappings.canonical.Message;
import nl.knooppunt.mappings.canonical.MessageType;
import nl.knooppunt.mappings.csv.CsvMessageCodec;
import nl.knooppunt.mappings.json.JsonMessageCodec;
import nl.knooppunt.mappings.xml.XmlMessageCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * One golden file per message type and format (src/test/resources/golden). The writer must produce it
 * byte for byte, the reader must turn it into the example message, the XML must validate against the
 * XSD and the JSON against the OpenAPI schema, each with a validator independent of our codecs.
 * Regenerate after a deliberate contract change with {@code -Dgolden.update=true} and review the diff.
 */
class GoldenFilesTest {
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");
    private static final Path GOLDEN = Path.of(System.getProperty("mappings.basedir", "."), "src/test/resources/golden");
    private static final ObjectMapper PLAIN_JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final JsonSchema BERICHT_SCHEMA = openApiSchema("Bericht");

    @ParameterizedTest
    @EnumSource(MessageType.class)
    void xmlGoldenFile(MessageType type) throws Exception {
        byte[] golden = check(new XmlMessageCodec(), type, "xml/" + type.code() + ".xml");
        Validator validator = SchemaFactory.newDefaultInstance()
                .newSchema(new StreamSource(getClass().getResourceAsStream(Contract.XSD_RESOURCE))).newValidator();
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        validator.validate(new StreamSource(new ByteArrayInputStream(golden)));
    }

    @ParameterizedTest
    @EnumSource(MessageType.class)
    void jsonGoldenFile(MessageType type) throws Exception {
        byte[] golden = check(new JsonMessageCodec(), type, "json/" + type.code() + ".json");
        assertThat(BERICHT_SCHEMA.validate(PLAIN_JSON.readTree(golden))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(MessageType.class)
    void csvGoldenFile(MessageType type) throws Exception {
        check(CsvMessageCodec.forType(type), type, "csv/" + type.code() + ".csv");
    }

    /** Guards the guard: the schema validation above would notice a JSON message that breaks the schema. */
    @Test
    void openApiSchemaRejectsUnknownFieldsAndWrongTypes() throws Exception {
        JsonNode golden = PLAIN_JSON.readTree(Files.readAllBytes(GOLDEN.resolve("json/Saldoverzoek.json")));
        ObjectNode unknownField = golden.deepCopy();
        ((ObjectNode) unknownField.get("saldoverzoek")).put("onbekend", "x");
        ObjectNode wrongType = golden.deepCopy();
        ((ObjectNode) wrongType.get("header")).put("afzenderOin", 12345);
        ObjectNode badAmountScale = PLAIN_JSON.readTree(Files.readAllBytes(GOLDEN.resolve("json/Betaalvoorstel.json")))
                .deepCopy();
        ((ObjectNode) badAmountScale.get("betaalvoorstel")).put("afloscapaciteitPerMaand", new java.math.BigDecimal("1.005"));

        assertThat(BERICHT_SCHEMA.validate(unknownField)).isNotEmpty();
        assertThat(BERICHT_SCHEMA.validate(wrongType)).isNotEmpty();
        assertThat(BERICHT_SCHEMA.validate(badAmountScale)).isNotEmpty();
    }

    private static byte[] check(MessageCodec codec, MessageType type, String name) throws IOException {
        Message example = ExampleMessages.of(type);
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        codec.write(example, written);
        Path file = GOLDEN.resolve(name);
        if (UPDATE) {
            Files.createDirectories(file.getParent());
            Files.write(file, written.toByteArray());
        }
        byte[] golden = Files.readAllBytes(file);
        assertThat(new String(written.toByteArray(), java.nio.charset.StandardCharsets.UTF_8))
                .as("writer output for %s", name).isEqualTo(new String(golden, java.nio.charset.StandardCharsets.UTF_8));
        try (InputStream in = new ByteArrayInputStream(golden)) {
            assertThat(codec.read(in)).as("reading %s", name).isEqualTo(example);
        }
        return golden;
    }

    static JsonSchema openApiSchema(String name) {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        return factory.getSchema(SchemaLocation.of("classpath:" + Contract.OPENAPI_RESOURCE.substring(1)
                + "#/components/schemas/" + name), config);
    }
}
