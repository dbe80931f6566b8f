package nl.knooppunt.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.knooppunt.contract.support.Answers;
import nl.knooppunt.contract.support.ContractPki;
import nl.knooppunt.gateway.KnooppuntApplication;
import nl.knooppunt.mappings.canonical.Header;
import nl.knooppunt.mappings.canonical.Message;
import nl.knooppunt.mappings.json.JsonMessageCodec;
import nl.knooppunt.mappings.xml.XmlCanonicalMapper;
import nl.knooppunt.mappings.xml.jaxb.Bericht;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Creditors' systems calling the gateway's REST API over HTTPS with their client certificates:
 * every operation, every refusal as problem+json with its stable type (and nothing changed), the
 * batch modes, the mailbox round trip, and the published OpenAPI document. The creditors here pull
 * their Saldoverzoeken from the mailbox, so the whole exchange is REST.
 */
@SpringBootTest(classes = KnooppuntApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("contract")
class CreditorApiContractTest {

    private static final String CREDITOR = ContractPki.MAILBOX_CREDITOR;
    private static final String OTHER_CREDITOR = ContractPki.SOAP_CREDITOR;
    private static final int MAX_MESSAGE_BYTES = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonMessageCodec CODEC = new JsonMessageCodec();
    private static final XmlCanonicalMapper XML = new XmlCanonicalMapper();
    private static final Path PUBLISHED = Path.of(System.getProperty("knooppunt.contract-dir", "../docs/api"))
            .resolve("creditor-api-v1.openapi.json");

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry registry) {
        ContractPki.register(registry);
        registry.add("knooppunt.outbound.tick", () -> "200ms");
        registry.add("knooppunt.creditor-api.max-message-bytes", () -> MAX_MESSAGE_BYTES + "B");
        registry.add("knooppunt.creditor-api.max-batch-bytes", () -> (4 * MAX_MESSAGE_BYTES) + "B");
        ContractPki.participant(registry, 0, ContractPki.SHV, "SHV", null, null);
        ContractPki.participant(registry, 1, CREDITOR, "CREDITOR", "MAILBOX", null);
        ContractPki.participant(registry, 2, OTHER_CREDITOR, "CREDITOR", "MAILBOX", null);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    // --- the operations -------------------------------------------------------------------------------

    @Test
    void answerIsAcceptedAndSendingItAgainReturnsTheOriginalResult() throws Exception {
        Delivered delivered = deliveredSaldoverzoek();
        String answer = saldoverzoekAntwoord(delivered.saldoverzoek(), "987.65");

        Response first = post(CREDITOR, "/api/v1/creditor/messages", answer);

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.json().get("outcome").asText()).isEqualTo("ACCEPTED");
        assertThat(first.json().get("replay").asBoolean()).isFalse();
        assertThat(first.json().get("reference").asText()).isEqualTo(referenceOf(answer));
        JsonNode dossier = dossier(delivered.dossierId());
        assertThat(dossier.at("/claims/0/status").asText()).isEqualTo("SALDO_CONFIRMED");
        assertThat(dossier.at("/claims/0/confirmedAmount").asText()).isEqualTo("987.65");

        Snapshot before = snapshot(delivered.dossierId());
        Response again = post(CREDITOR, "/api/v1/creditor/messages", answer);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("outcome").asText()).isEqualTo("ACCEPTED");
        assertThat(again.json().get("replay").asBoolean()).isTrue();
        // Another creditor reusing that Referentienummer is refused, not given the original result.
        Response foreignReplay = post(OTHER_CREDITOR, "/api/v1/creditor/messages",
                withSender(answer, OTHER_CREDITOR, false));
        assertProblem(foreignReplay, 403, "inbound-not-authorized");
        // A "correction" under the same Referentienummer is refused, not answered with the original result.
        assertThat(answer).contains("987.65");
        Response corrected = post(CREDITOR, "/api/v1/creditor/messages", answer.replace("987.65", "987.66"));
        assertProblem(corrected, 409, "inbound-replay-conflict");
        assertThat(snapshot(delivered.dossierId())).isEqualTo(before);
    }

    @Test
    void everyRefusalIsProblemJsonWithItsStableTypeAndChangesNothing() throws Exception {
        Delivered delivered = deliveredSaldoverzoek();
        String answer = saldoverzoekAntwoord(delivered.saldoverzoek(), "120.00");
        Snapshot before = snapshot(delivered.dossierId());
        String messages = "/api/v1/creditor/messages";

        ObjectNode unknownField = (ObjectNode) JSON.readTree(answer);
        ((ObjectNode) unknownField.get("header")).put("geheimVeld", "x");
        Response invalid = post(CREDITOR, messages, unknownField.toString());
        assertProblem(invalid, 400, "inbound-schema-invalid");
        assertThat(invalid.json().at("/errors/0/field").asText()).contains("geheimVeld");

        Response notJson = post(CREDITOR, messages, "{\"header\": ");
        assertProblem(notJson, 400, "inbound-schema-invalid");
        assertThat(notJson.json().at("/errors/0/field").asText()).isNotEmpty();

        assertProblem(post(CREDITOR, messages, json(Answers.inUnknownConversation(bericht(answer)))), 404,
                "inbound-unknown-conversation");
        assertProblem(post(CREDITOR, messages, json(Answers.betaalvoorstelAntwoord(bericht(delivered.saldoverzoek())))),
                409, "inbound-reply-not-permitted");
        // Another creditor answering this creditor's conversation, in its own name.
        assertProblem(post(OTHER_CREDITOR, messages, withSender(answer, OTHER_CREDITOR, true)), 403,
                "inbound-not-authorized");
        // This creditor pretending to be another.
        assertProblem(post(CREDITOR, messages, withSender(answer, OTHER_CREDITOR, true)), 403, "inbound-not-authorized");
        // A schuldhulpverlener may not use the creditor API at all.
        assertProblem(post(ContractPki.SHV, messages, answer), 403, "forbidden");
        // Too large: refused before parsing, whatever it holds.
        assertProblem(post(CREDITOR, messages, " ".repeat(MAX_MESSAGE_BYTES + 1) + answer), 413, "request-too-large");

        assertThat(snapshot(delivered.dossierId())).isEqualTo(before);
        assertThat(dossier(delivered.dossierId()).at("/claims/0/status").asText()).isNotEqualTo("SALDO_CONFIRMED");
    }

    @Test
    void allOrNothingBatchWithOneBadMessageChangesNothingAndEachOnItsOwnKeepsTheGoodOnes() throws Exception {
        Delivered first = deliveredSaldoverzoek();
        Delivered second = deliveredSaldoverzoek();
        String good = saldoverzoekAntwoord(first.saldoverzoek(), "10.00");
        String otherGood = saldoverzoekAntwoord(second.saldoverzoek(), "20.00");
        String unknownConversation = json(Answers.inUnknownConversation(bericht(otherGood)));
        String unknownField = otherGood.replaceFirst("\\{", "{\"onbekend\": 1,");
        String batch = "[" + good + "," + unknownConversation + "," + unknownField + "]";
        Snapshot before = snapshot(first.dossierId());

        Response allOrNothing = post(CREDITOR, "/api/v1/creditor/batches",
                "{\"allOrNothing\": true, \"messages\": " + batch + "}");

        assertThat(allOrNothing.status()).as(allOrNothing.body()).isEqualTo(200);
        assertThat(outcomes(allOrNothing)).containsExactly("NOT_PROCESSED", "UNKNOWN_CONVERSATION", "SCHEMA_INVALID");
        assertThat(allOrNothing.json().at("/results/1/type").asText())
                .isEqualTo("urn:knooppunt:problem:inbound-unknown-conversation");
        assertThat(allOrNothing.json().at("/results/2/detail").asText()).contains("messages[2]", "onbekend");
        assertThat(allOrNothing.json().get("allAccepted").asBoolean()).isFalse();
        assertThat(snapshot(first.dossierId())).isEqualTo(before);

        Response each = post(CREDITOR, "/api/v1/creditor/batches", "{\"messages\": " + batch + "}");

        assertThat(outcomes(each)).containsExactly("ACCEPTED", "UNKNOWN_CONVERSATION", "SCHEMA_INVALID");
        assertThat(dossier(first.dossierId()).at("/claims/0/status").asText()).isEqualTo("SALDO_CONFIRMED");
        assertThat(dossier(second.dossierId()).at("/claims/0/status").asText()).isNotEqualTo("SALDO_CONFIRMED");

        // All or nothing with only good messages (one a replay) applies them all.
        Response allGood = post(CREDITOR, "/api/v1/creditor/batches",
                "{\"allOrNothing\": true, \"messages\": [" + good + "," + otherGood + "]}");
        assertThat(outcomes(allGood)).containsExactly("ACCEPTED", "ACCEPTED");
        assertThat(allGood.json().at("/results/0/replay").asBoolean()).isTrue();
        assertThat(allGood.json().get("allAccepted").asBoolean()).isTrue();
        assertThat(dossier(second.dossierId()).at("/claims/0/status").asText()).isEqualTo("SALDO_CONFIRMED");
    }

    @Test
    void aWrongBatchEnvelopeIsRefusedWholeAndChangesNothing() throws Exception {
        Delivered delivered = deliveredSaldoverzoek();
        String good = saldoverzoekAntwoord(delivered.saldoverzoek(), "10.00");
        Snapshot before = snapshot(delivered.dossierId());
        String batches = "/api/v1/creditor/batches";

        Response unknown = post(CREDITOR, batches, "{\"alOfNiets\": true, \"messages\": [" + good + "]}");
        assertProblem(unknown, 400, "inbound-schema-invalid");
        assertThat(unknown.json().at("/errors/0/field").asText()).isEqualTo("alOfNiets");
        Response noMessages = post(CREDITOR, batches, "{\"allOrNothing\": false}");
        assertProblem(noMessages, 400, "inbound-schema-invalid");
        assertThat(noMessages.json().at("/errors/0/field").asText()).isEqualTo("messages");
        assertProblem(post(CREDITOR, batches, "{\"messages\": [" + good), 400, "inbound-schema-invalid");
        assertProblem(post(CREDITOR, batches, "{\"messages\": [" + " ".repeat(4 * MAX_MESSAGE_BYTES) + good + "]}"), 413,
                "request-too-large");
        assertProblem(post(ContractPki.SHV, batches, "{\"messages\": [" + good + "]}"), 403, "forbidden");

        assertThat(snapshot(delivered.dossierId())).isEqualTo(before);
    }

    @Test
    void mailboxIsFetchedPageByPageWithTheCursorAndConfirmedOnlyByItsOwner() throws Exception {
        String firstReference = submitDossier(CREDITOR).at("/messages/0/reference").asText();
        String secondReference = submitDossier(CREDITOR).at("/messages/0/reference").asText();
        awaitStatus(firstReference, "IN_MAILBOX");
        awaitStatus(secondReference, "IN_MAILBOX");

        // Another creditor sees none of it and cannot confirm it.
        assertThat(references(get(OTHER_CREDITOR, "/api/v1/creditor/mailbox?limit=500&includeFetched=true")))
                .doesNotContain(firstReference, secondReference);
        Response foreign = post(OTHER_CREDITOR, "/api/v1/creditor/mailbox/confirmations",
                "{\"references\": [\"" + firstReference + "\"]}");
        assertThat(foreign.json().at("/confirmations/0/outcome").asText()).isEqualTo("UNKNOWN");
        assertThat(messageStatus(firstReference)).isEqualTo("IN_MAILBOX");

        // One at a time, following the cursor, until no more.
        List<String> fetched = new ArrayList<>();
        String after = "";
        boolean more = true;
        while (more) {
            Response page = get(CREDITOR, "/api/v1/creditor/mailbox?limit=1" + after);
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            assertThat(page.json().get("messages").size()).isLessThanOrEqualTo(1);
            fetched.addAll(references(page));
            more = page.json().get("more").asBoolean();
            after = page.json().hasNonNull("next") ? "&after=" + page.json().get("next").asLong() : "";
        }
        assertThat(fetched).contains(firstReference, secondReference).doesNotHaveDuplicates();
        assertThat(messageStatus(firstReference)).isEqualTo("FETCHED");
        // The message is the contract's JSON form, readable by the strict codec.
        Response again = get(CREDITOR, "/api/v1/creditor/mailbox?limit=500&includeFetched=true");
        JsonNode entry = entry(again, firstReference);
        assertThat(CODEC.read(new ByteArrayInputStream(entry.get("message").toString().getBytes(StandardCharsets.UTF_8)))
                .header().referentienummer()).hasToString(firstReference);
        assertThat(entry.get("messageType").asText()).isEqualTo("Saldoverzoek");
        assertThat(entry.hasNonNull("confirmBefore")).isTrue();
        // Fetched, unconfirmed messages come again only when asked for.
        assertThat(references(get(CREDITOR, "/api/v1/creditor/mailbox?limit=500"))).doesNotContain(firstReference);

        Response confirm = post(CREDITOR, "/api/v1/creditor/mailbox/confirmations",
                "{\"references\": [\"" + firstReference + "\", \"" + UUID.randomUUID() + "\"]}");
        assertThat(confirm.status()).as(confirm.body()).isEqualTo(200);
        assertThat(confirm.json().findValuesAsText("outcome")).containsExactly("CONFIRMED", "UNKNOWN");
        assertThat(messageStatus(firstReference)).isEqualTo("CONFIRMED");
        assertThat(post(CREDITOR, "/api/v1/creditor/mailbox/confirmations",
                "{\"references\": [\"" + firstReference + "\"]}").json().at("/confirmations/0/outcome").asText())
                .isEqualTo("ALREADY_CONFIRMED");
        assertThat(references(get(CREDITOR, "/api/v1/creditor/mailbox?limit=500&includeFetched=true")))
                .doesNotContain(firstReference).contains(secondReference);
    }

    @Test
    void invalidMailboxRequestsNameTheFieldAndChangeNothing() throws Exception {
        String reference = submitDossier(CREDITOR).at("/messages/0/reference").asText();
        awaitStatus(reference, "IN_MAILBOX");

        Response limit = get(CREDITOR, "/api/v1/creditor/mailbox?limit=0");
        assertProblem(limit, 400, "validation-error");
        assertThat(limit.json().at("/errors/0/field").asText()).isEqualTo("limit");
        Response after = get(CREDITOR, "/api/v1/creditor/mailbox?after=abc");
        assertProblem(after, 400, "validation-error");
        assertThat(after.json().at("/errors/0/field").asText()).isEqualTo("after");
        Response unknownField = post(CREDITOR, "/api/v1/creditor/mailbox/confirmations",
                "{\"references\": [\"" + reference + "\"], \"alles\": true}");
        assertProblem(unknownField, 400, "validation-error");
        assertThat(unknownField.json().at("/errors/0/field").asText()).isEqualTo("alles");
        Response notUuid = post(CREDITOR, "/api/v1/creditor/mailbox/confirmations", "{\"references\": [\"nee\"]}");
        assertProblem(notUuid, 400, "validation-error");
        assertThat(notUuid.json().at("/errors/0/field").asText()).isEqualTo("references[0]");
        assertProblem(post(CREDITOR, "/api/v1/creditor/mailbox/confirmations", "{\"references\": []}"), 400,
                "validation-error");
        assertProblem(get(ContractPki.SHV, "/api/v1/creditor/mailbox"), 403, "forbidden");

        assertThat(messageStatus(reference)).isEqualTo("IN_MAILBOX");
    }

    // --- the published document ------------------------------------------------------------------------

    @Test
    void servedOpenApiDocumentIsThePublishedOne() throws Exception {
        Response served = get(CREDITOR, "/openapi.json/creditor-api");
        assertThat(served.status()).isEqualTo(200);
        ObjectMapper sorted = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
        String normalised = sorted.writeValueAsString(sorted.treeToValue(served.json(), Object.class)) + "\n";
        if (Boolean.getBoolean("openapi.update")) {
            Files.writeString(PUBLISHED, normalised);
        }
        assertThat(PUBLISHED).as("published OpenAPI document").exists();
        assertThat(normalised)
                .as("The creditor API changed. If intended, run with -Dopenapi.update=true and commit %s", PUBLISHED)
                .isEqualTo(Files.readString(PUBLISHED));
    }

    @Test
    void publishedDocumentDescribesTheOperationsWithTheContractsMessageSchemas() throws Exception {
        JsonNode doc = JSON.readTree(Files.readString(PUBLISHED));
        assertThat(doc.at("/info/title").asText()).isEqualTo("Knooppunt creditor API");
        assertThat(doc.at("/paths/~1api~1v1~1creditor~1messages/post/operationId").asText()).isEqualTo("submitMessage");
        assertThat(doc.at("/paths/~1api~1v1~1creditor~1messages/post/requestBody/content/application~1json/schema/$ref")
                .asText()).isEqualTo("#/components/schemas/Bericht");
        assertThat(doc.at("/paths/~1api~1v1~1creditor~1batches/post/operationId").asText()).isEqualTo("submitBatch");
        assertThat(doc.at("/paths/~1api~1v1~1creditor~1mailbox/get/operationId").asText()).isEqualTo("fetchMailbox");
        assertThat(doc.at("/paths/~1api~1v1~1creditor~1mailbox~1confirmations/post/operationId").asText())
                .isEqualTo("confirmMessages");
        assertThat(doc.at("/components/schemas/SaldoverzoekAntwoordBericht").isObject()).isTrue();
        assertThat(doc.at("/components/schemas/MailboxMessage/properties/message/$ref").asText())
                .isEqualTo("#/components/schemas/Bericht");
        assertThat(doc.at("/paths").toString()).doesNotContain("/api/v1/dossiers");
        // Swagger UI offers it beside the SHV API.
        assertThat(get(CREDITOR, "/openapi.json/swagger-config").body()).contains("creditor-api", "shv-api");
    }

    // --- helpers ----------------------------------------------------------------------------------------

    record Response(int status, String contentType, String body) {
        JsonNode json() throws Exception {
            return JSON.readTree(body);
        }
    }

    record Delivered(String dossierId, String saldoverzoek) {}

    /** Everything an incoming message could have changed. */
    record Snapshot(long inbound, long messages, long history, String claimStatuses) {}

    private static void assertProblem(Response response, int status, String code) throws Exception {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        assertThat(response.json().get("type").asText()).isEqualTo("urn:knooppunt:problem:" + code);
        assertThat(response.json().get("status").asInt()).isEqualTo(status);
        assertThat(response.body()).doesNotContain("Exception", "at nl.");
    }

    private Response post(String participant, String path, String body) throws Exception {
        return send(participant, HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private Response get(String participant, String path) throws Exception {
        return send(participant, HttpRequest.newBuilder(uri(path)).GET().build());
    }

    private static Response send(String participant, HttpRequest request) throws Exception {
        HttpResponse<String> response = HttpClient.newBuilder().sslContext(ContractPki.clientTls(participant)).build()
                .send(request, HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body());
    }

    private URI uri(String path) {
        return URI.create("https://localhost:" + port + path);
    }

    private JsonNode submitDossier(String creditor) throws Exception {
        String dossier = """
                {"shvOin": "%s", "shvReference": "R-%s", "settlementType": "SK",
                 "client": {"clientNumberShv": "K-4711",
                            "person": {"gender": "M", "initials": "P.", "surname": "Proefklant", "birthDate": "1979-11-30"},
                            "address": {"street": "Contractlaan", "houseNumber": 7, "postalCode": "3511AA", "city": "Teststad"}},
                 "contactPerson": {"name": "C. Consulent", "email": "consulent@voorbeeldstad.example"},
                 "claims": [{"creditorOin": "%s", "invoiceNumbers": ["NOTA-1"], "amount": "410.00"}]}"""
                .formatted(ContractPki.oin(ContractPki.SHV), UUID.randomUUID(), ContractPki.oin(creditor));
        Response response = post(ContractPki.SHV, "/api/v1/dossiers", dossier);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    private JsonNode dossier(String id) throws Exception {
        return get(ContractPki.SHV, "/api/v1/dossiers/" + id).json();
    }

    /** A dossier whose Saldoverzoek the creditor fetched from its mailbox, in the contract's JSON form. */
    private Delivered deliveredSaldoverzoek() throws Exception {
        JsonNode dossier = submitDossier(CREDITOR);
        String reference = dossier.at("/messages/0/reference").asText();
        awaitStatus(reference, "IN_MAILBOX");
        JsonNode entry = entry(get(CREDITOR, "/api/v1/creditor/mailbox?limit=500&includeFetched=true"), reference);
        return new Delivered(dossier.get("id").asText(), entry.get("message").toString());
    }

    private static JsonNode entry(Response page, String reference) throws Exception {
        for (JsonNode entry : page.json().get("messages")) {
            if (entry.get("reference").asText().equals(reference)) {
                return entry;
            }
        }
        throw new AssertionError("Not in the mailbox page: " + reference);
    }

    private static List<String> references(Response page) throws Exception {
        List<String> references = new ArrayList<>();
        page.json().get("messages").forEach(m -> references.add(m.get("reference").asText()));
        return references;
    }

    private static List<String> outcomes(Response batch) throws Exception {
        return batch.json().get("results").findValuesAsText("outcome");
    }

    private static String saldoverzoekAntwoord(String saldoverzoek, String amount) {
        return json(Answers.saldoverzoekAntwoord(bericht(saldoverzoek), new BigDecimal(amount)));
    }

    /** The answer as sent by another organisation; with a new Referentienummer, or the same one. */
    private static String withSender(String answer, String participant, boolean newReference) {
        Message message = CODEC.read(new ByteArrayInputStream(answer.getBytes(StandardCharsets.UTF_8)));
        Header h = message.header();
        return json(new Message(new Header(newReference ? UUID.randomUUID() : h.referentienummer(),
                h.conversatieReferentienummer(), h.crossReferentienummer(), h.versie(), h.berichttype(),
                ContractPki.oin(participant), h.ontvangerOin(), h.aangemaakt()), message.body()));
    }

    private static String referenceOf(String message) {
        return CODEC.read(new ByteArrayInputStream(message.getBytes(StandardCharsets.UTF_8)))
                .header().referentienummer().toString();
    }

    private static Bericht bericht(String json) {
        return XML.toJaxb(CODEC.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))));
    }

    private static String json(Bericht bericht) {
        return json(XML.fromJaxb(bericht));
    }

    private static String json(Message message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CODEC.write(message, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private String messageStatus(String reference) {
        return jdbc.sql("select status from outbound_message where reference = ?").param(UUID.fromString(reference))
                .query(String.class).single();
    }

    private void awaitStatus(String reference, String status) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> status.equals(messageStatus(reference)));
    }

    private Snapshot snapshot(String dossierId) {
        UUID id = UUID.fromString(dossierId);
        return new Snapshot(
                jdbc.sql("select count(*) from inbound_message").query(Long.class).single(),
                jdbc.sql("select count(*) from message").query(Long.class).single(),
                jdbc.sql("select count(*) from status_history where dossier_id = ?").param(id).query(Long.class).single(),
                String.join(",", jdbc.sql("select status from claim where dossier_id = ? order by position").param(id)
                        .query(String.class).list()));
    }
}
