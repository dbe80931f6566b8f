package nl.knooppunt.gateway.channel.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.media.Schema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import nl.knooppunt.mappings.Contract;

/**
 * The creditor-side contract of the REST channel (docs/api/creditor-service-v1.openapi.json), made from
 * what the code uses: the contract's JSON schemas (messages-v2.yaml, copied in whole so the document
 * stands alone), the answer types {@link CreditorAnswer} as swagger-core reads them, and the channel's
 * header and statuses.
 */
final class CreditorServiceDocument {

    static final Path PUBLISHED = Path.of("..", "docs", "api", "creditor-service-v1.openapi.json");
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private CreditorServiceDocument() {}

    static String generate() {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(document()) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A validator for one schema of the published document, e.g. {@code Batch} or {@code CreditorAnswer}. */
    static JsonSchema schema(String name) {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(
                SchemaLocation.of(PUBLISHED.toAbsolutePath().normalize().toUri() + "#/components/schemas/" + name),
                config);
    }

    private static ObjectNode document() throws IOException {
        ObjectNode doc = JSON.createObjectNode();
        doc.put("openapi", "3.1.0");
        doc.putObject("info")
                .put("title", "Knooppunt creditor service (REST), receiving batches")
                .put("version", "1.0")
                .put("description", "What the gateway sends to a creditor's REST service and the answer it "
                        + "expects. The creditor publishes one URL (its channel endpoint); the gateway POSTs every "
                        + "batch for it there, over mutual TLS with the gateway's PKIoverheid certificate. Generated "
                        + "from the gateway's code by CreditorServiceDocumentTest; do not edit by hand. See "
                        + "docs/onboarding/rest-receiving.md.");
        ArrayNode servers = doc.putArray("servers");
        servers.addObject().put("url", "{endpoint}").put("description", "The creditor's channel endpoint.")
                .putObject("variables").putObject("endpoint")
                .put("default", "https://creditor.example/knooppunt/batches")
                .put("description", "The https URL registered as the creditor's channel endpoint.");
        doc.putArray("security").addObject().putArray("gatewayCertificate");

        ObjectNode post = doc.putObject("paths").putObject("/").putObject("post");
        post.put("operationId", "receiveBatch")
                .put("summary", "Receive a batch of messages for this creditor")
                .put("description", "The body is the contract's JSON batch form, sent chunked while the gateway "
                        + "reads it from its store: read it as a stream. Answer after reading the whole body. A batch "
                        + "never changes: a resend carries the same batch id (Idempotency-Key) and the same "
                        + "messages under the same Referentienummers, so de-duplicate on them.");
        post.putArray("parameters").addObject()
                .put("name", RestChannel.IDEMPOTENCY_KEY).put("in", "header").put("required", true)
                .put("description", "The batch id (batchHeader.batchId); the same on every resend of the batch.")
                .putObject("schema").put("type", "string").put("format", "uuid");
        post.putObject("requestBody").put("required", true).putObject("content").putObject("application/json")
                .putObject("schema").put("$ref", "#/components/schemas/Batch");

        ObjectNode responses = post.putObject("responses");
        responses.putObject("200").put("description", "The batch was received; a result for every message.")
                .putObject("content").putObject("application/json").putObject("schema")
                .put("$ref", "#/components/schemas/" + CreditorAnswer.class.getSimpleName());
        retried(responses, "408", "Request timeout: retried.");
        retried(responses, "429", "Too many requests: retried, no earlier than Retry-After.");
        retried(responses, "500", "Any 5xx: retried with backoff, no earlier than Retry-After if given.");
        retried(responses, "503", "Unavailable: retried, no earlier than Retry-After.");
        responses.putObject("4XX").put("description", "Any other 4xx: the batch as a whole is refused and not "
                        + "sent again; every message of it becomes a dead letter. Only the problem's title is kept.")
                .putObject("content").putObject("application/problem+json").putObject("schema")
                .put("$ref", "#/components/schemas/Problem");

        ObjectNode components = doc.putObject("components");
        components.putObject("securitySchemes").putObject("gatewayCertificate").put("type", "mutualTLS")
                .put("description", "The gateway presents its PKIoverheid certificate (OIN in the subject "
                        + "serialNumber); the creditor's server certificate must chain to a CA the gateway trusts.");
        components.putObject("headers").putObject("Retry-After")
                .put("description", "How long to wait before the next attempt: delay-seconds or an HTTP-date.")
                .putObject("schema").put("type", "string");
        ObjectNode schemas = components.putObject("schemas");
        contractSchemas().fields().forEachRemaining(e -> schemas.set(e.getKey(), e.getValue()));
        answerSchemas().forEach(schemas::set);
        schemas.set("Problem", problem());
        return doc;
    }

    private static void retried(ObjectNode responses, String status, String description) {
        responses.putObject(status).put("description", description).putObject("headers").putObject("Retry-After")
                .put("$ref", "#/components/headers/Retry-After");
    }

    private static JsonNode contractSchemas() throws IOException {
        try (InputStream in = Contract.class.getResourceAsStream(Contract.OPENAPI_RESOURCE)) {
            return new YAMLMapper().readTree(in).at("/components/schemas");
        }
    }

    /** The answer's schemas as swagger-core reads them from the records and their annotations. */
    @SuppressWarnings("rawtypes")
    private static Map<String, JsonNode> answerSchemas() throws IOException {
        Map<String, Schema> read = ModelConverters.getInstance(true).readAll(CreditorAnswer.class);
        Map<String, JsonNode> schemas = new TreeMap<>();
        for (Map.Entry<String, Schema> e : read.entrySet()) {
            schemas.put(e.getKey(), JSON.readTree(Json31.mapper().writeValueAsString(e.getValue())));
        }
        return schemas;
    }

    private static ObjectNode problem() {
        ObjectNode problem = JSON.createObjectNode();
        problem.put("description", "RFC 9457 problem details.").put("type", "object");
        ObjectNode properties = problem.putObject("properties");
        properties.putObject("type").put("type", "string").put("format", "uri-reference");
        properties.putObject("title").put("type", "string");
        properties.putObject("status").put("type", "integer");
        properties.putObject("detail").put("type", "string");
        return problem;
    }
}
