package nl.knooppunt.contract;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import nl.knooppunt.contract.support.ContractPki;
import nl.knooppunt.contract.support.CreditorSoapSimulator;
import nl.knooppunt.gateway.KnooppuntApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway as a black box with real SOAP peers: the creditors' SOAP services (CXF, mutual TLS,
 * WS-Security) it delivers to, and creditors' systems calling its own SOAP service. One gateway
 * for all SOAP contract tests.
 */
@SpringBootTest(classes = KnooppuntApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("contract")
abstract class SoapContractTestBase {

    static final CreditorSoapSimulator CREDITORS = CreditorSoapSimulator.start(
            List.of(ContractPki.SOAP_CREDITOR, ContractPki.ENCRYPTING_CREDITOR, ContractPki.FAILING_CREDITOR,
                    ContractPki.HALF_SIGNING_CREDITOR),
            List.of(ContractPki.ENCRYPTING_CREDITOR), List.of(ContractPki.HALF_SIGNING_CREDITOR));
    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry registry) {
        ContractPki.register(registry);
        registry.add("knooppunt.outbound.tick", () -> "200ms");
        registry.add("knooppunt.outbound.initial-backoff", () -> "500ms");
        registry.add("knooppunt.outbound.max-backoff", () -> "1s");
        registry.add("knooppunt.outbound.max-attempts", () -> "3");
        registry.add("knooppunt.outbound.breaker.minimum-number-of-calls", () -> "10");
        ContractPki.participant(registry, 0, ContractPki.SHV, "SHV", null, null);
        ContractPki.participant(registry, 1, ContractPki.MAILBOX_CREDITOR, "CREDITOR", "MAILBOX", null);
        ContractPki.participant(registry, 2, ContractPki.SOAP_CREDITOR, "CREDITOR", "SOAP",
                CREDITORS.endpoint(ContractPki.SOAP_CREDITOR));
        ContractPki.participant(registry, 3, ContractPki.ENCRYPTING_CREDITOR, "CREDITOR", "SOAP",
                CREDITORS.endpoint(ContractPki.ENCRYPTING_CREDITOR));
        registry.add("knooppunt.registry.participants[3].channel.settings[security-profile]", () -> "2W-be-SE");
        registry.add("knooppunt.registry.participants[3].channel.settings[certificate]",
                () -> ContractPki.PKI.participant(ContractPki.ENCRYPTING_CREDITOR).certificatePem().toString());
        ContractPki.participant(registry, 4, ContractPki.FAILING_CREDITOR, "CREDITOR", "SOAP",
                CREDITORS.endpoint(ContractPki.FAILING_CREDITOR));
        ContractPki.participant(registry, 5, ContractPki.HALF_SIGNING_CREDITOR, "CREDITOR", "SOAP",
                CREDITORS.endpoint(ContractPki.HALF_SIGNING_CREDITOR));
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    /** The SHV submits a dossier with one claim per named creditor, over its own mutual-TLS REST API. */
    JsonNode submitDossier(String... creditors) throws Exception {
        StringBuilder claims = new StringBuilder();
        for (String creditor : creditors) {
            claims.append(claims.isEmpty() ? "" : ",").append("""
                    {"creditorOin": "%s", "invoiceNumbers": ["NOTA-1"], "amount": "410.00"}""".formatted(ContractPki.oin(creditor)));
        }
        String dossier = """
                {"shvOin": "%s", "shvReference": "C-%s", "settlementType": "SK",
                 "client": {"clientNumberShv": "K-4711",
                            "person": {"gender": "M", "initials": "P.", "surname": "Proefklant", "birthDate": "1979-11-30"},
                            "address": {"street": "Contractlaan", "houseNumber": 7, "postalCode": "3511AA", "city": "Teststad"}},
                 "contactPerson": {"name": "C. Consulent", "email": "consulent@voorbeeldstad.example"},
                 "claims": [%s]}""".formatted(ContractPki.oin(ContractPki.SHV), UUID.randomUUID(), claims);
        HttpResponse<String> response = shv().send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/dossiers"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(dossier)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new AssertionError("Submission failed: " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }

    JsonNode dossier(String id) throws Exception {
        return JSON.readTree(shv().send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/dossiers/" + id)).build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }

    String messageStatus(String reference) {
        return jdbc.sql("select status from outbound_message where reference = ?").param(UUID.fromString(reference))
                .query(String.class).single();
    }

    void awaitStatus(String reference, String status) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> status.equals(messageStatus(reference)));
    }

    /** Everything an incoming message could have changed, to show that a refused one changed nothing. */
    record Snapshot(long inbound, long messages, long history, String claimStatuses) {}

    Snapshot snapshot(String dossierId) {
        UUID id = UUID.fromString(dossierId);
        return new Snapshot(
                jdbc.sql("select count(*) from inbound_message").query(Long.class).single(),
                jdbc.sql("select count(*) from message").query(Long.class).single(),
                jdbc.sql("select count(*) from status_history where dossier_id = ?").param(id).query(Long.class).single(),
                String.join(",", jdbc.sql("select status from claim where dossier_id = ? order by position").param(id)
                        .query(String.class).list()));
    }

    private HttpClient shv() {
        return HttpClient.newBuilder().sslContext(ContractPki.clientTls(ContractPki.SHV)).build();
    }

    private String base() {
        return "https://localhost:" + port;
    }
}
