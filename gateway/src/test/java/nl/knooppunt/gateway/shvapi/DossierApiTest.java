package nl.knooppunt.gateway.shvapi;

import static nl.knooppunt.gateway.support.Dossiers.CREDITOR_INACTIVE;
import static nl.knooppunt.gateway.support.Dossiers.CREDITOR_MAILBOX;
import static nl.knooppunt.gateway.support.Dossiers.CREDITOR_SOAP;
import static nl.knooppunt.gateway.support.Dossiers.SHV;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.StreamSupport;
import nl.knooppunt.gateway.support.ApiClient;
import nl.knooppunt.gateway.support.Dossiers;
import nl.knooppunt.gateway.support.GatewayTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The SHV REST API v1 over HTTP against the running gateway on PostgreSQL. */
@GatewayTest
class DossierApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ApiClient api;

    @BeforeEach
    void client() {
        api = ApiClient.participant("gemeente-voorbeeldstad", port);
    }

    private long dossiersWithReference(String reference) {
        return jdbc.sql("select count(*) from dossier where shv_reference = ?").param(reference).query(Long.class).single();
    }

    private long rowCount(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    /** The same JSON with the fields of every object in reverse order. */
    private static ObjectNode reversed(ObjectNode node) {
        List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
        node.fields().forEachRemaining(fields::add);
        java.util.Collections.reverse(fields);
        ObjectNode copy = JSON.createObjectNode();
        for (Map.Entry<String, JsonNode> field : fields) {
            JsonNode value = field.getValue();
            if (value instanceof ObjectNode object) {
                value = reversed(object);
            } else if (value instanceof ArrayNode array) {
                ArrayNode items = JSON.createArrayNode();
                array.forEach(item -> items.add(item instanceof ObjectNode object ? reversed(object) : item));
                value = items;
            }
            copy.set(field.getKey(), value);
        }
        return copy;
    }

    private static List<String> fieldsOf(JsonNode problem) {
        return StreamSupport.stream(problem.get("errors").spliterator(), false)
                .map(e -> e.get("field").asText())
                .toList();
    }

    @Nested
    class Submit {

        @Test
        void createsDossierWithClaimsConversationsAndHistory() {
            String reference = Dossiers.newReference();
            ApiClient.Response response = api.post("/api/v1/dossiers", Dossiers.valid(reference).toString());

            assertThat(response.status()).isEqualTo(201);
            JsonNode dossier = response.json();
            assertThat(response.location()).isEqualTo("/api/v1/dossiers/" + dossier.get("id").asText());
            // Registered, and the saldo inventory started in the same transaction.
            assertThat(dossier.get("status").asText()).isEqualTo("SALDO_INVENTORY");
            assertThat(dossier.get("shvReference").asText()).isEqualTo(reference);
            assertThat(dossier.get("settlementType").asText()).isEqualTo("SK");
            assertThat(dossier.at("/client/person/surname").asText()).isEqualTo("Testpersoon");
            assertThat(dossier.at("/client/address/postalCode").asText()).isEqualTo("1234AB");

            JsonNode claims = dossier.get("claims");
            assertThat(claims).hasSize(2);
            assertThat(claims.get(0).get("creditorOin").asText()).isEqualTo(CREDITOR_MAILBOX);
            assertThat(claims.get(0).get("creditorName").asText()).isEqualTo("Woningcorporatie Thuis");
            assertThat(claims.get(0).get("amountKnownToShv").asText()).isEqualTo("1250.00");
            assertThat(claims.get(0).get("invoiceNumbers")).extracting(JsonNode::asText)
                    .containsExactly("F-2026-001", "F-2026-002");
            assertThat(claims.get(1).get("creditorOin").asText()).isEqualTo(CREDITOR_SOAP);
            for (JsonNode claim : claims) {
                assertThat(claim.get("status").asText()).isEqualTo("SALDO_REQUESTED");
                assertThat(UUID.fromString(claim.get("conversationReference").asText())).isNotNull();
            }
            // A Saldoverzoek per creditor waits in the outbox.
            JsonNode messages = dossier.get("messages");
            assertThat(messages).hasSize(2);
            assertThat(messages).extracting(m -> m.get("messageType").asText()).containsOnly("Saldoverzoek");
            assertThat(messages).extracting(m -> m.get("status").asText()).containsOnly("PENDING");
            assertThat(messages).extracting(m -> m.get("creditorOin").asText())
                    .containsExactly(CREDITOR_MAILBOX, CREDITOR_SOAP);
            assertThat(claims.get(0).get("conversationReference")).isNotEqualTo(claims.get(1).get("conversationReference"));

            JsonNode history = dossier.get("history");
            assertThat(history).extracting(h -> h.get("to").asText())
                    .containsExactly("RECEIVED", "NEW", "NEW", "SALDO_REQUESTED", "SALDO_REQUESTED", "SALDO_INVENTORY");
            assertThat(history.get(0).has("claimId")).isFalse();
            assertThat(history.get(0).get("causeType").asText()).isEqualTo("USER");
            assertThat(history.get(0).get("causeReference").asText()).isEqualTo(SHV);
            assertThat(history.get(1).get("claimId").asText()).isEqualTo(claims.get(0).get("id").asText());
            // Each claim's move to SALDO_REQUESTED names the Saldoverzoek that caused it.
            assertThat(history.get(3).get("causeType").asText()).isEqualTo("MESSAGE");
            assertThat(history.get(3).get("causeReference").asText()).isEqualTo(messages.get(0).get("reference").asText());
            assertThat(history.get(5).get("from").asText()).isEqualTo("RECEIVED");
        }

        @Test
        void sameShvReferenceTwiceReturnsTheExistingDossier() {
            String reference = Dossiers.newReference();
            ApiClient.Response first = api.post("/api/v1/dossiers", Dossiers.valid(reference).toString());
            ApiClient.Response second = api.post("/api/v1/dossiers", Dossiers.valid(reference).toString());

            assertThat(first.status()).isEqualTo(201);
            assertThat(second.status()).isEqualTo(200);
            assertThat(second.json().get("id")).isEqualTo(first.json().get("id"));
            assertThat(dossiersWithReference(reference)).isEqualTo(1);
            // Nothing is queued twice either.
            assertThat(second.json().get("messages")).hasSize(2);
        }

        @Test
        void sameIdempotencyKeyTwiceReturnsTheExistingDossier() {
            String key = UUID.randomUUID().toString();
            String reference = Dossiers.newReference();
            ApiClient.Response first = api.post("/api/v1/dossiers", Dossiers.valid(reference).toString(),
                    Map.of("Idempotency-Key", key));
            // A retry after a lost response: the same request again.
            ApiClient.Response retry = api.post("/api/v1/dossiers", Dossiers.valid(reference).toString(),
                    Map.of("Idempotency-Key", key));

            assertThat(first.status()).isEqualTo(201);
            assertThat(retry.status()).isEqualTo(200);
            assertThat(retry.json().get("id")).isEqualTo(first.json().get("id"));
            assertThat(retry.json().get("messages")).hasSize(2);
            assertThat(dossiersWithReference(reference)).isEqualTo(1);
        }

        @Test
        void anIdenticalRepeatIsRecognisedWhateverTheLayoutOfItsJson() throws Exception {
            String reference = Dossiers.newReference();
            String key = UUID.randomUUID().toString();
            ApiClient.Response first = api.post("/api/v1/dossiers", Dossiers.valid(reference).toString(),
                    Map.of("Idempotency-Key", key));
            // The same values: fields in another order, indented, optional fields as explicit nulls, and
            // the postcode written as the gateway keeps it.
            ObjectNode same = reversed(Dossiers.valid(reference));
            ((ObjectNode) same.at("/client")).putNull("partner");
            ((ObjectNode) same.at("/client/address")).putNull("houseNumberAddition").put("postalCode", "1234AB");
            String layout = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(same);

            ApiClient.Response byKey = api.post("/api/v1/dossiers", layout, Map.of("Idempotency-Key", key));
            ApiClient.Response byReference = api.post("/api/v1/dossiers", layout);
            ApiClient.Response byReferenceOtherKey = api.post("/api/v1/dossiers", layout,
                    Map.of("Idempotency-Key", UUID.randomUUID().toString()));

            assertThat(first.status()).isEqualTo(201);
            for (ApiClient.Response repeat : List.of(byKey, byReference, byReferenceOtherKey)) {
                assertThat(repeat.status()).as(repeat.body()).isEqualTo(200);
                assertThat(repeat.json().get("id")).isEqualTo(first.json().get("id"));
            }
            assertThat(dossiersWithReference(reference)).isEqualTo(1);
        }

        @Test
        void sameIdempotencyKeyWithAnotherBodyIs422AndChangesNothing() {
            String key = UUID.randomUUID().toString();
            String reference = Dossiers.newReference();
            JsonNode original = api.post("/api/v1/dossiers", Dossiers.valid(reference).toString(),
                    Map.of("Idempotency-Key", key)).json();
            ObjectNode corrected = Dossiers.valid(reference);
            ((ObjectNode) corrected.at("/client/person")).put("surname", "Gecorrigeerd");
            long dossiers = rowCount("dossier");
            long messages = rowCount("outbound_message");

            ApiClient.Response response = api.post("/api/v1/dossiers", corrected.toString(), Map.of("Idempotency-Key", key));
            // A retry that regenerated its reference is a different request as well.
            String otherReference = Dossiers.newReference();
            ApiClient.Response regenerated = api.post("/api/v1/dossiers", Dossiers.valid(otherReference).toString(),
                    Map.of("Idempotency-Key", key));

            for (ApiClient.Response refused : List.of(response, regenerated)) {
                assertThat(refused.status()).as(refused.body()).isEqualTo(422);
                assertThat(refused.contentType()).startsWith("application/problem+json");
                assertThat(refused.json().get("type").asText()).isEqualTo("urn:knooppunt:problem:idempotency-key-reused");
                assertThat(fieldsOf(refused.json())).containsExactly("Idempotency-Key");
                assertThat(refused.body()).doesNotContain("Gecorrigeerd");
            }
            assertThat(rowCount("dossier")).isEqualTo(dossiers);
            assertThat(rowCount("outbound_message")).isEqualTo(messages);
            assertThat(dossiersWithReference(otherReference)).isZero();
            JsonNode after = api.get("/api/v1/dossiers/" + original.get("id").asText()).json();
            assertThat(after.at("/client/person/surname").asText()).isEqualTo("Testpersoon");
            assertThat(after.get("history")).hasSameSizeAs(original.get("history"));
        }

        @Test
        void sameShvReferenceWithAnotherBodyIs409PointingAtTheExistingDossierAndChangesNothing() {
            String reference = Dossiers.newReference();
            JsonNode original = api.post("/api/v1/dossiers", Dossiers.valid(reference).toString()).json();
            String id = original.get("id").asText();
            ObjectNode corrected = Dossiers.valid(reference);
            ((ObjectNode) corrected.at("/claims/0")).put("amount", "1300.00");
            String otherKey = UUID.randomUUID().toString();
            long dossiers = rowCount("dossier");
            long messages = rowCount("outbound_message");

            ApiClient.Response withoutKey = api.post("/api/v1/dossiers", corrected.toString());
            ApiClient.Response withOtherKey = api.post("/api/v1/dossiers", corrected.toString(),
                    Map.of("Idempotency-Key", otherKey));

            for (ApiClient.Response conflict : List.of(withoutKey, withOtherKey)) {
                assertThat(conflict.status()).as(conflict.body()).isEqualTo(409);
                assertThat(conflict.contentType()).startsWith("application/problem+json");
                JsonNode problem = conflict.json();
                assertThat(problem.get("type").asText()).isEqualTo("urn:knooppunt:problem:duplicate-shv-reference");
                assertThat(problem.get("dossierId").asText()).isEqualTo(id);
                assertThat(problem.get("dossier").asText()).isEqualTo("/api/v1/dossiers/" + id);
                assertThat(conflict.location()).isEqualTo("/api/v1/dossiers/" + id);
                assertThat(fieldsOf(problem)).containsExactly("shvReference");
            }
            assertThat(rowCount("dossier")).isEqualTo(dossiers);
            assertThat(rowCount("outbound_message")).isEqualTo(messages);
            assertThat(jdbc.sql("select count(*) from dossier where idempotency_key = ?").param(otherKey)
                    .query(Long.class).single()).isZero();
            JsonNode after = api.get("/api/v1/dossiers/" + id).json();
            assertThat(after.at("/claims/0/amountKnownToShv").asText()).isEqualTo("1250.00");
            assertThat(after.get("history")).hasSameSizeAs(original.get("history"));
        }

        @Test
        void concurrentDifferentSubmissionsWithOneReferenceCreateOneDossierAndConflictWithIt() throws Exception {
            String reference = Dossiers.newReference();
            ExecutorService pool = Executors.newFixedThreadPool(6);
            try {
                List<Callable<ApiClient.Response>> calls = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    ObjectNode variant = Dossiers.valid(reference);
                    ((ObjectNode) variant.get("client")).put("clientNumberShv", "K-" + i);
                    calls.add(() -> api.post("/api/v1/dossiers", variant.toString()));
                }
                List<ApiClient.Response> responses = new ArrayList<>();
                for (Future<ApiClient.Response> f : pool.invokeAll(calls)) {
                    responses.add(f.get());
                }
                assertThat(responses).extracting(ApiClient.Response::status).containsOnly(201, 409);
                List<ApiClient.Response> created = responses.stream().filter(r -> r.status() == 201).toList();
                assertThat(created).hasSize(1);
                String id = created.get(0).json().get("id").asText();
                assertThat(responses).filteredOn(r -> r.status() == 409)
                        .allSatisfy(r -> assertThat(r.json().get("dossierId").asText()).isEqualTo(id));
            } finally {
                pool.shutdownNow();
            }
            assertThat(dossiersWithReference(reference)).isEqualTo(1);
        }

        @Test
        void concurrentDuplicateSubmissionsCreateOneDossier() throws Exception {
            String reference = Dossiers.newReference();
            String body = Dossiers.valid(reference).toString();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Callable<ApiClient.Response>> calls = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    calls.add(() -> api.post("/api/v1/dossiers", body));
                }
                List<ApiClient.Response> responses = new ArrayList<>();
                for (Future<ApiClient.Response> f : pool.invokeAll(calls)) {
                    responses.add(f.get());
                }
                assertThat(responses).extracting(ApiClient.Response::status).containsOnly(200, 201);
                assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(1);
                assertThat(responses).extracting(r -> r.json().get("id").asText()).containsOnly(
                        responses.get(0).json().get("id").asText());
            } finally {
                pool.shutdownNow();
            }
            assertThat(dossiersWithReference(reference)).isEqualTo(1);
        }

        @Test
        void invalidInputNamesEveryOffendingFieldAndStoresNothing() {
            String reference = Dossiers.newReference();
            ObjectNode dossier = Dossiers.valid(reference);
            dossier.put("shvOin", "123");
            dossier.put("settlementType", "XX");
            ((ObjectNode) dossier.at("/client/person")).put("birthDate", "17-03-1984").put("bsn", "123456789");
            ((ObjectNode) dossier.at("/client/address")).put("postalCode", "ABCD");
            ((ObjectNode) dossier.at("/claims/1")).put("amount", "12,5").putArray("invoiceNumbers");
            ((ArrayNode) dossier.get("claims")).addObject().put("creditorOin", CREDITOR_MAILBOX)
                    .putArray("invoiceNumbers").add("F-1");
            long before = rowCount("dossier");

            ApiClient.Response response = api.post("/api/v1/dossiers", dossier.toString());

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
            JsonNode problem = response.json();
            assertThat(problem.get("type").asText()).isEqualTo("urn:knooppunt:problem:validation-error");
            assertThat(problem.get("status").asInt()).isEqualTo(400);
            assertThat(fieldsOf(problem)).containsExactlyInAnyOrder(
                    "shvOin", "settlementType", "client.person.birthDate", "client.person.bsn",
                    "client.address.postalCode", "claims[1].amount", "claims[1].invoiceNumbers",
                    "claims[2].creditorOin");
            assertThat(rowCount("dossier")).isEqualTo(before);
        }

        @Test
        void missingRequiredFieldsAreNamed() {
            ApiClient.Response response = api.post("/api/v1/dossiers", "{\"shvOin\":\"" + SHV + "\"}");

            assertThat(response.status()).isEqualTo(400);
            assertThat(fieldsOf(response.json()))
                    .containsExactlyInAnyOrder("shvReference", "settlementType", "client", "contactPerson", "claims");
        }

        @Test
        void unknownFieldIsRefused() {
            ObjectNode dossier = Dossiers.valid(Dossiers.newReference());
            ((ObjectNode) dossier.at("/claims/0")).put("interest", "12.00");

            ApiClient.Response response = api.post("/api/v1/dossiers", dossier.toString());

            assertThat(response.status()).isEqualTo(400);
            assertThat(fieldsOf(response.json())).containsExactly("claims[0].interest");
        }

        @Test
        void malformedJsonIsRefusedWithoutInternals() {
            ApiClient.Response response = api.post("/api/v1/dossiers", "{\"shvOin\": ");

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(fieldsOf(response.json())).containsExactly("body");
            assertThat(response.body()).doesNotContain("Exception").doesNotContain("at com.");
        }

        @Test
        void wrongTypeIsNamed() {
            ObjectNode dossier = Dossiers.valid(Dossiers.newReference());
            ((ObjectNode) dossier.at("/client/address")).put("houseNumber", "twelve");

            ApiClient.Response response = api.post("/api/v1/dossiers", dossier.toString());

            assertThat(response.status()).isEqualTo(400);
            assertThat(fieldsOf(response.json())).containsExactly("client.address.houseNumber");
        }

        @Test
        void unknownCreditorGives422NamingTheClaimAndStoresNothing() {
            String reference = Dossiers.newReference();
            ObjectNode dossier = Dossiers.valid(reference);
            ((ObjectNode) dossier.at("/claims/1")).put("creditorOin", "00000009999999999999");
            long before = rowCount("claim");

            ApiClient.Response response = api.post("/api/v1/dossiers", dossier.toString());

            assertThat(response.status()).isEqualTo(422);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().get("type").asText()).isEqualTo("urn:knooppunt:problem:unknown-participant");
            assertThat(fieldsOf(response.json())).containsExactly("claims[1].creditorOin");
            assertThat(dossiersWithReference(reference)).isZero();
            assertThat(rowCount("claim")).isEqualTo(before);
        }

        @Test
        void inactiveCreditorAndShvInTheCreditorRoleAreUnknownCreditors() {
            ObjectNode dossier = Dossiers.valid(Dossiers.newReference());
            ((ObjectNode) dossier.at("/claims/0")).put("creditorOin", CREDITOR_INACTIVE);
            ((ObjectNode) dossier.at("/claims/1")).put("creditorOin", Dossiers.OTHER_SHV);

            ApiClient.Response response = api.post("/api/v1/dossiers", dossier.toString());

            assertThat(response.status()).isEqualTo(422);
            assertThat(fieldsOf(response.json())).containsExactly("claims[0].creditorOin", "claims[1].creditorOin");
        }

        @Test
        void submittingForAnotherOrganisationIsForbiddenAndStoresNothing() {
            String reference = Dossiers.newReference();
            ObjectNode dossier = Dossiers.valid(reference);
            dossier.put("shvOin", Dossiers.OTHER_SHV);

            ApiClient.Response response = api.post("/api/v1/dossiers", dossier.toString());

            assertThat(response.status()).isEqualTo(403);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(dossiersWithReference(reference)).isZero();
        }
    }

    @Nested
    class Read {

        @Test
        void getReturnsTheDossierWithClaimStatus() {
            String id = api.post("/api/v1/dossiers", Dossiers.valid(Dossiers.newReference()).toString())
                    .json().get("id").asText();

            ApiClient.Response response = api.get("/api/v1/dossiers/" + id);

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.json().get("id").asText()).isEqualTo(id);
            assertThat(response.json().get("claims")).extracting(c -> c.get("status").asText())
                    .containsOnly("SALDO_REQUESTED");
            assertThat(response.json().get("history")).hasSize(6);
        }

        @Test
        void unknownDossierIs404Problem() {
            ApiClient.Response response = api.get("/api/v1/dossiers/" + UUID.randomUUID());

            assertThat(response.status()).isEqualTo(404);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }

        @Test
        void malformedIdIs400NamingTheParameter() {
            ApiClient.Response response = api.get("/api/v1/dossiers/not-a-uuid");

            assertThat(response.status()).isEqualTo(400);
            assertThat(fieldsOf(response.json())).containsExactly("id");
        }
    }

    @Nested
    class ListDossiers {

        @Test
        void filtersByShvReference() {
            String reference = Dossiers.newReference();
            String id = api.post("/api/v1/dossiers", Dossiers.valid(reference).toString()).json().get("id").asText();
            api.post("/api/v1/dossiers", Dossiers.valid(Dossiers.newReference()).toString());

            JsonNode page = api.get("/api/v1/dossiers?shvReference=" + reference).json();

            assertThat(page.get("totalItems").asLong()).isEqualTo(1);
            assertThat(page.at("/items/0/id").asText()).isEqualTo(id);
            assertThat(page.at("/items/0/claimsByStatus/SALDO_REQUESTED").asInt()).isEqualTo(2);
        }

        @Test
        void filtersByCreditorStatusAndDate() {
            ObjectNode onlySoap = Dossiers.valid(Dossiers.newReference());
            ((ArrayNode) onlySoap.get("claims")).remove(0);
            String soapId = api.post("/api/v1/dossiers", onlySoap.toString()).json().get("id").asText();

            JsonNode withMailbox = api.get("/api/v1/dossiers?size=100&creditorOin=" + CREDITOR_MAILBOX).json();
            assertThat(withMailbox.get("items")).extracting(i -> i.get("id").asText()).doesNotContain(soapId);

            JsonNode withSoap = api.get("/api/v1/dossiers?size=100&creditorOin=" + CREDITOR_SOAP).json();
            assertThat(withSoap.get("items")).extracting(i -> i.get("id").asText()).contains(soapId);

            JsonNode received = api.get("/api/v1/dossiers?size=100&status=SALDO_INVENTORY&status=AGREED").json();
            assertThat(received.get("items")).extracting(i -> i.get("id").asText()).contains(soapId);
            assertThat(api.get("/api/v1/dossiers?size=100&status=AGREED").json().get("items"))
                    .extracting(i -> i.get("id").asText()).doesNotContain(soapId);

            String today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam")).toString();
            String tomorrow = java.time.LocalDate.parse(today).plusDays(1).toString();
            assertThat(api.get("/api/v1/dossiers?size=100&submittedFrom=" + today + "&submittedTo=" + today)
                    .json().get("items")).extracting(i -> i.get("id").asText()).contains(soapId);
            assertThat(api.get("/api/v1/dossiers?size=100&submittedFrom=" + tomorrow).json().get("totalItems").asLong())
                    .isZero();
        }

        @Test
        void pagesThroughAllDossiersNewestFirst() {
            for (int i = 0; i < 3; i++) {
                api.post("/api/v1/dossiers", Dossiers.valid(Dossiers.newReference()).toString());
            }
            JsonNode first = api.get("/api/v1/dossiers?page=0&size=2").json();
            long total = first.get("totalItems").asLong();
            assertThat(total).isGreaterThanOrEqualTo(3);
            assertThat(first.get("items")).hasSize(2);
            assertThat(first.get("totalPages").asLong()).isEqualTo((total + 1) / 2);

            List<String> seen = new ArrayList<>();
            for (int p = 0; p < first.get("totalPages").asInt(); p++) {
                api.get("/api/v1/dossiers?size=2&page=" + p).json().get("items")
                        .forEach(item -> seen.add(item.get("submittedAt").asText() + " " + item.get("id").asText()));
            }
            assertThat(seen).hasSize((int) total).doesNotHaveDuplicates();
            List<String> times = seen.stream().map(s -> s.split(" ")[0]).toList();
            assertThat(times).isSortedAccordingTo(java.util.Comparator.comparing(java.time.Instant::parse).reversed());
        }

        @Test
        void invalidParametersAreAllNamed() {
            ApiClient.Response response = api.get(
                    "/api/v1/dossiers?status=OPEN&creditorOin=12&page=-1&size=1000&submittedFrom=2026-05-02&submittedTo=2026-05-01");

            assertThat(response.status()).isEqualTo(400);
            assertThat(fieldsOf(response.json()))
                    .containsExactlyInAnyOrder("status", "creditorOin", "page", "size", "submittedTo");
        }

        @Test
        void malformedDateIsNamed() {
            ApiClient.Response response = api.get("/api/v1/dossiers?submittedFrom=yesterday");

            assertThat(response.status()).isEqualTo(400);
            assertThat(fieldsOf(response.json())).containsExactly("submittedFrom");
        }
    }
}
