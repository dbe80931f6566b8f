package nl.knooppunt.gateway.shvapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.constraints.Size;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import nl.knooppunt.gateway.messages.MessageXml;
import nl.knooppunt.gateway.privacy.PersonalDataCipher;
import nl.knooppunt.gateway.support.ApiClient;
import nl.knooppunt.gateway.support.Dossiers;
import nl.knooppunt.gateway.support.GatewayTest;
import nl.knooppunt.mappings.ContractTypes;
import nl.knooppunt.mappings.canonical.Message;
import nl.knooppunt.mappings.canonical.Saldoverzoek;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every limit of the contract is enforced at the door: for every string field of the submission,
 * found by reflection over the request records (so a new field is covered without touching this
 * test), a control character and a value one over the field's length limit are refused with 400
 * naming the field, never a 500, and nothing is stored; a value exactly at the limit is accepted, and
 * the Saldoverzoek made from it passes the XSD.
 */
@GatewayTest
class DossierApiLimitsTest {

    /** One string field of the request: where it is in the JSON, how Spring names it, and its length limit. */
    record StringField(String path, JsonPointer pointer, OptionalInt maxLength, String limitSource) {
        @Override
        public String toString() {
            return path;
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PersonalDataCipher cipher;

    @Autowired
    MessageXml messageXml;

    ApiClient api;

    @BeforeEach
    void client() {
        api = ApiClient.participant("gemeente-voorbeeldstad", port);
    }

    static List<StringField> stringFields() {
        List<StringField> fields = new ArrayList<>();
        collect(SubmitDossierRequest.class, "", "", fields);
        return fields;
    }

    private static void collect(Class<?> record, String path, String pointer, List<StringField> fields) {
        for (RecordComponent component : record.getRecordComponents()) {
            Field field = declaredField(record, component.getName());
            String name = path + component.getName();
            String at = pointer + "/" + component.getName();
            Type type = component.getGenericType();
            if (type == String.class) {
                fields.add(stringField(name, at, field.getAnnotation(ContractType.class), field.getAnnotation(Size.class)));
            } else if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
                Type item = list.getActualTypeArguments()[0];
                AnnotatedType annotatedItem = ((AnnotatedParameterizedType) field.getAnnotatedType())
                        .getAnnotatedActualTypeArguments()[0];
                if (item == String.class) {
                    fields.add(stringField(name + "[0]", at + "/0", annotatedItem.getAnnotation(ContractType.class),
                            annotatedItem.getAnnotation(Size.class)));
                } else if (item instanceof Class<?> itemRecord && itemRecord.isRecord()) {
                    collect(itemRecord, name + "[0].", at + "/0", fields);
                } else {
                    throw new AssertionError(name + ": a list of " + item + " is new; teach this test about it");
                }
            } else if (type instanceof Class<?> nested && nested.isRecord()) {
                collect(nested, name + ".", at, fields);
            } else if (type != Integer.class && type != Boolean.class) {
                throw new AssertionError(name + ": type " + type + " is new; teach this test about it");
            }
        }
    }

    private static StringField stringField(String path, String pointer, ContractType contractType, Size size) {
        if (contractType != null) {
            ContractTypes.TextType type = ContractTypes.text(contractType.value());
            return new StringField(path, JsonPointer.compile(pointer), type.maxLength(), "contract type " + type.name());
        }
        if (size != null && size.max() < Integer.MAX_VALUE) {
            return new StringField(path, JsonPointer.compile(pointer), OptionalInt.of(size.max()), "API's own @Size");
        }
        return new StringField(path, JsonPointer.compile(pointer), OptionalInt.empty(), "pattern or format only");
    }

    private static Field declaredField(Class<?> record, String name) {
        try {
            return record.getDeclaredField(name);
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theSampleFillsEveryStringFieldAndIsAccepted() {
        String reference = Dossiers.newReference();
        ObjectNode complete = Dossiers.complete(reference);
        assertThat(stringFields()).hasSizeGreaterThan(20).allSatisfy(field -> assertThat(complete.at(field.pointer()).isTextual())
                .as("Dossiers.complete() has no value for %s; add one", field).isTrue());

        assertThat(api.post("/api/v1/dossiers", complete.toString()).status()).isEqualTo(201);
    }

    @TestFactory
    Stream<DynamicTest> controlCharactersAreRefusedInEveryStringField() {
        return stringFields().stream().flatMap(field -> Stream.of("\u0000", "\u0001", "\u001F").map(control ->
                dynamicTest(field + " with U+%04X".formatted((int) control.charAt(0)), () -> {
                    String sample = sample(field);
                    int middle = sample.length() / 2;
                    assertRefused(field, sample.substring(0, middle) + control + sample.substring(middle));
                })));
    }

    @TestFactory
    Stream<DynamicTest> oneOverTheLimitIsRefusedAndTheLimitItselfAccepted() {
        return stringFields().stream().filter(field -> field.maxLength().isPresent()).flatMap(field -> Stream.of(
                dynamicTest(field + " one over (" + field.limitSource() + ")", () ->
                        assertRefused(field, lengthened(field, sample(field), field.maxLength().getAsInt() + 1))),
                dynamicTest(field + " at the limit (" + field.limitSource() + ")", () ->
                        assertAcceptedByApiAndXsd(field, lengthened(field, sample(field), field.maxLength().getAsInt())))));
    }

    @Test
    void fieldsWithoutALengthLimitAreBoundedByTheirPattern() {
        // Where the limit is in a pattern (or a date/number format), every field still has one.
        assertThat(stringFields()).filteredOn(f -> f.maxLength().isEmpty()).extracting(StringField::path)
                .containsExactlyInAnyOrder("shvOin", "settlementType", "client.person.gender", "client.person.birthDate",
                        "client.person.bsn", "client.partner.gender", "client.partner.birthDate", "client.partner.bsn",
                        "client.address.houseLetter", "client.address.houseNumberAddition", "client.address.postalCode",
                        "contactPerson.phone", "claims[0].creditorOin", "claims[0].amount");
        for (StringField field : stringFields()) {
            if (field.maxLength().isEmpty()) {
                assertRefused(field, sample(field) + "1".repeat(30));
            }
        }
    }

    /** The cases of the hardening issue that used to become a 500. */
    @Test
    void theReportedValuesAre400NamingTheField() {
        Map<String, String> values = Map.of(
                "/client/address/street", "S".repeat(150),
                "/client/clientNumberShv", "K".repeat(60),
                "/claims/0/invoiceNumbers/0", "F".repeat(60),
                "/client/person/surnamePrefix", "v".repeat(15),
                "/client/address/houseNumberAddition", "-/ ",
                "/client/person/surname", "Test\u0000persoon",
                "/client/partner/surname", "Test\u0001partner");
        Map<String, String> fields = Map.of(
                "/client/address/street", "client.address.street",
                "/client/clientNumberShv", "client.clientNumberShv",
                "/claims/0/invoiceNumbers/0", "claims[0].invoiceNumbers[0]",
                "/client/person/surnamePrefix", "client.person.surnamePrefix",
                "/client/address/houseNumberAddition", "client.address.houseNumberAddition",
                "/client/person/surname", "client.person.surname",
                "/client/partner/surname", "client.partner.surname");
        values.forEach((pointer, value) -> assertRefused(
                new StringField(fields.get(pointer), JsonPointer.compile(pointer), OptionalInt.empty(), "issue"), value));
    }

    @Test
    void aBadIdempotencyKeyIsRefusedWithoutStoringAnything() {
        for (String key : List.of("k".repeat(129), " ")) {
            String reference = Dossiers.newReference();
            ApiClient.Response response = api.post("/api/v1/dossiers", Dossiers.valid(reference).toString(),
                    Map.of("Idempotency-Key", key));
            assertThat(response.status()).as("Idempotency-Key of %d characters", key.length()).isEqualTo(400);
            assertThat(fieldsOf(response.json())).containsExactly("Idempotency-Key");
            assertThat(dossiersWithReference(reference)).isZero();
        }
    }

    @Test
    void aControlCharacterInTheReferenceFilterIs400() {
        ApiClient.Response response = api.get("/api/v1/dossiers?shvReference=T-%00-1");

        assertThat(response.status()).isEqualTo(400);
        assertThat(fieldsOf(response.json())).containsExactly("shvReference");
    }

    private void assertRefused(StringField field, String value) {
        String reference = Dossiers.newReference();
        ObjectNode dossier = Dossiers.complete(reference);
        set(dossier, field.pointer(), value);

        ApiClient.Response response = api.post("/api/v1/dossiers", dossier.toString());

        assertThat(response.status()).as("%s (%s): %s", field, field.limitSource(), response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asText()).isEqualTo("urn:knooppunt:problem:validation-error");
        assertThat(fieldsOf(response.json())).as("%s: %s", field, response.body()).contains(field.path());
        if (value.length() >= 10) {
            assertThat(response.body()).as("the value is not echoed").doesNotContain(value);
        }
        assertThat(dossiersWithReference(reference)).isZero();
    }

    private void assertAcceptedByApiAndXsd(StringField field, String value) {
        String reference = field.path().equals("shvReference") ? value : Dossiers.newReference();
        ObjectNode dossier = Dossiers.complete(reference);
        set(dossier, field.pointer(), value);

        ApiClient.Response response = api.post("/api/v1/dossiers", dossier.toString());

        assertThat(response.status()).as("%s (%s): %s", field, field.limitSource(), response.body()).isEqualTo(201);
        UUID id = UUID.fromString(response.json().get("id").asText());
        List<Message> saldoverzoeken = queuedMessages(id);
        assertThat(saldoverzoeken).hasSize(2).allSatisfy(m -> assertThat(m.body()).isInstanceOf(Saldoverzoek.class));
    }

    /** The queued Saldoverzoeken, read back through the XSD-validating reader. */
    private List<Message> queuedMessages(UUID dossierId) {
        return jdbc.sql("select reference, payload from outbound_message where dossier_id = ? order by seq")
                .param(dossierId)
                .query((rs, row) -> messageXml.read(cipher.decrypt(rs.getBytes("payload"),
                        "outbound:" + rs.getObject("reference", UUID.class))))
                .list();
    }

    /** A valid value of the field; for shvReference a new one every time, so that a dossier can be created. */
    private static String sample(StringField field) {
        return Dossiers.complete(Dossiers.newReference()).at(field.pointer()).asText();
    }

    /**
     * The sample made exactly {@code length} characters long while staying valid otherwise: filled
     * with letters in front; for an e-mail address up to 64 in the local part, the rest in the domain.
     */
    private static String lengthened(StringField field, String sample, int length) {
        int extra = length - sample.length();
        assertThat(extra).as("sample of %s is longer than %d", field, length).isPositive();
        int at = sample.indexOf('@');
        if (at < 0) {
            return "a".repeat(extra) + sample;
        }
        int toLocalPart = Math.min(extra, 64 - at);
        int toDomain = extra - toLocalPart;
        if (toDomain == 1) {
            toLocalPart--;
            toDomain++;
        }
        StringBuilder domain = new StringBuilder();
        while (toDomain > 0) {
            // Labels of at most 60 letters, each followed by a dot; never a label of only the dot.
            int label = Math.min(toDomain, 61);
            if (toDomain - label == 1) {
                label--;
            }
            domain.append("a".repeat(label - 1)).append('.');
            toDomain -= label;
        }
        return "a".repeat(toLocalPart) + sample.substring(0, at + 1) + domain + sample.substring(at + 1);
    }

    private static void set(ObjectNode dossier, JsonPointer pointer, String value) {
        JsonNode parent = dossier.at(pointer.head());
        String last = pointer.last().getMatchingProperty();
        if (parent instanceof ArrayNode array) {
            array.set(pointer.last().getMatchingIndex(), array.textNode(value));
        } else {
            ((ObjectNode) parent).put(last, value);
        }
    }

    private long dossiersWithReference(String reference) {
        return jdbc.sql("select count(*) from dossier where shv_reference = ?").param(reference).query(Long.class).single();
    }

    private static List<String> fieldsOf(JsonNode problem) {
        return StreamSupport.stream(problem.get("errors").spliterator(), false).map(e -> e.get("field").asText()).toList();
    }
}
