package nl.knooppunt.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.knooppunt.gateway.KnooppuntApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import nl.knooppunt.contract.support.ContractPki;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The SHV API as published: the OpenAPI document the gateway serves must equal the one under
 * version control (docs/api), so that any change to the API is visible in review. After an
 * intended change, regenerate it with {@code ./mvnw -pl contract-tests -am verify -Dopenapi.update=true}.
 */
@SpringBootTest(classes = KnooppuntApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("contract")
class ShvApiContractTest {

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry registry) {
        ContractPki.register(registry);
        registry.add("knooppunt.registry.participants[0].oin", () -> ContractPki.oin(ContractPki.SHV));
        registry.add("knooppunt.registry.participants[0].kind", () -> "SHV");
        registry.add("knooppunt.registry.participants[0].name", () -> "Gemeente Voorbeeldstad");
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    private static final Path PUBLISHED = Path.of(System.getProperty("knooppunt.contract-dir", "../docs/api"))
            .resolve("shv-api-v1.openapi.json");

    @LocalServerPort
    int port;

    /** As an SHV system reads it: over the participant port, with its client certificate. */
    private String get(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newBuilder()
                .sslContext(ContractPki.clientTls(ContractPki.SHV))
                .build()
                .send(HttpRequest.newBuilder(URI.create("https://localhost:" + port + path)).build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    @Test
    void servedOpenApiDocumentIsThePublishedOne() throws Exception {
        String served = normalise(get("/openapi.json/shv-api"));
        if (Boolean.getBoolean("openapi.update")) {
            Files.writeString(PUBLISHED, served);
        }
        assertThat(PUBLISHED).as("published OpenAPI document").exists();
        assertThat(served)
                .as("The API changed. If intended, run with -Dopenapi.update=true and commit %s", PUBLISHED)
                .isEqualTo(Files.readString(PUBLISHED));
    }

    @Test
    void publishedDocumentDescribesTheDossierOperations() throws Exception {
        JsonNode doc = JSON.readTree(Files.readString(PUBLISHED));
        assertThat(doc.at("/info/version").asText()).isEqualTo("v1");
        assertThat(doc.at("/paths/~1api~1v1~1dossiers/post/operationId").asText()).isEqualTo("submitDossier");
        assertThat(doc.at("/paths/~1api~1v1~1dossiers/get/operationId").asText()).isEqualTo("listDossiers");
        assertThat(doc.at("/paths/~1api~1v1~1dossiers~1{id}/get/operationId").asText()).isEqualTo("getDossier");
        assertThat(doc.at("/paths/~1api~1v1~1dossiers/post/responses/422/content").has("application/problem+json"))
                .isTrue();
    }

    @Test
    void swaggerUiIsServed() throws Exception {
        assertThat(get("/swagger-ui/index.html")).contains("swagger-ui");
    }

    private static String normalise(String json) throws Exception {
        return JSON.writeValueAsString(JSON.treeToValue(JSON.readTree(json), Object.class)) + "\n";
    }
}
