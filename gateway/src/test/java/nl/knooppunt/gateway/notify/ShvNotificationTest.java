package nl.knooppunt.gateway.notify;

import static nl.knooppunt.gateway.support.FirstLeg.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import nl.knooppunt.gateway.conversation.Conversation;
import nl.knooppunt.gateway.dossier.DossierService;
import nl.knooppunt.gateway.inbound.InboundDoor;
import nl.knooppunt.gateway.inbound.InboundItem;
import nl.knooppunt.gateway.inbound.InboundOutcome;
import nl.knooppunt.gateway.outbound.BatchSender;
import nl.knooppunt.gateway.outbound.DeliveryFailure;
import nl.knooppunt.gateway.support.ApiClient;
import nl.knooppunt.gateway.support.FirstLeg;
import nl.knooppunt.gateway.support.MutableClock;
import nl.knooppunt.gateway.workflow.DossierIntake;
import nl.knooppunt.mappings.canonical.Contactpersoon;
import nl.knooppunt.mappings.canonical.GeenMedewerking;
import nl.knooppunt.mappings.canonical.Message;
import nl.knooppunt.mappings.canonical.MessageType;
import nl.knooppunt.mappings.canonical.RedenGeenMedewerking;
import nl.knooppunt.mappings.canonical.SaldoverzoekAntwoord;
import nl.knooppunt.mappings.canonical.Schuldtype;
import nl.knooppunt.mappings.canonical.VorderingSE;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The SHV told every step (issue 14, item 10; ADR 0016): dossiers submitted through the intake, creditor
 * answers through the inbound door, and the SHV's notifications delivered by the real outbound engine
 * (driven step by step under a clock the test moves) and the real webhook channel to a real HTTPS
 * receiver, and read from the SHV's mailbox over the SHV API with its client certificate. Signatures are
 * checked by the recipe of docs/workflow.md, with openssl and in plain Java.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "knooppunt.outbound.enabled=false")
@ActiveProfiles({"test", "webhook-test"})
@Import({FirstLeg.class, ShvNotificationTest.TestClock.class})
class ShvNotificationTest {

    static final Instant MONDAY_MORNING = Instant.parse("2026-11-23T09:00:00Z");
    /** The SHV with a webhook (application-webhook-test.yml). */
    static final String SHV = "00000001001000000001";
    static final String SHV_CERTIFICATE = "gemeente-voorbeeldstad";
    /** The SHV without one: mailbox only. */
    static final String OTHER_SHV = "00000001001000000002";
    static final String OTHER_SHV_CERTIFICATE = "kredietbank-rivierenland";
    static final String N1 = "00000001003000000031";
    static final String N2 = "00000001003000000032";
    static final String SECRET = "test-webhook-secret-0123456789abcdef-0123456789";
    static final String PATH = "/knooppunt/notifications";

    static final WebhookReceiver RECEIVER = new WebhookReceiver();
    static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void ports(DynamicPropertyRegistry registry) {
        registry.add("test.webhook.port", RECEIVER::port);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class TestClock {
        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock(MONDAY_MORNING);
        }
    }

    @Autowired MutableClock clock;
    @Autowired FirstLeg leg;
    @Autowired BatchSender sender;
    @Autowired InboundDoor door;
    @Autowired DossierIntake intake;
    @Autowired DossierService dossiers;
    @Autowired JdbcClient jdbc;
    @LocalServerPort int port;

    @BeforeEach
    void start() {
        // The test PKI exists once the gateway's context has started.
        RECEIVER.up();
        RECEIVER.reset();
        // Only this test's messages in the outbox (notifications of earlier tests stay in the mailbox).
        jdbc.sql("truncate outbound_message_action, delivery_attempt, batch_member, outbound_batch, outbound_message")
                .update();
        clock.set(MONDAY_MORNING);
    }

    @AfterAll
    static void stop() {
        RECEIVER.close();
    }

    // ------------------------------------------------------------ webhooks

    @Test
    void anAnsweringCreditorIsToldAsSignedWebhooksOfTheClaimChangeTheAnswerAndTheDossierChange() throws Exception {
        long before = lastSequence(SHV);
        Map<String, Conversation> dossier = leg.submit(SHV, false, null, N1);
        Conversation c = dossier.get(N1);
        reachCreditor(N1);
        UUID answer = UUID.randomUUID();
        assertThat(door.receive(leg.participant(N1), InboundItem.of(saldoAntwoord(c, answer, leg.saldoverzoek(c),
                line(Schuldtype.OPENSTAAND, "120.00", null), line(Schuldtype.OPENSTAAND, "30.50", null),
                line(Schuldtype.OVERGEDRAGEN, "45.00", "Incassobureau Noord"))), "test").outcome())
                .isEqualTo(InboundOutcome.ACCEPTED);

        deliverWebhooks();

        List<WebhookReceiver.Received> received = RECEIVER.received();
        List<JsonNode> documents = documents(received);
        // Every notification of the dossier, each once, in the order of the SHV's sequence.
        assertThat(documents).extracting(d -> d.get("sequence").asLong())
                .isEqualTo(sequencesAfter(SHV, before)).isSorted();
        assertThat(documents).allSatisfy(d -> assertThat(d.at("/dossier/id").asText()).isEqualTo(c.dossierId().toString()));
        assertThat(received).allSatisfy(r -> {
            assertThat(r.path()).isEqualTo(PATH);
            assertThat(r.contentType()).startsWith("application/json");
            assertThat(r.answered()).isEqualTo(204);
            assertThat(UUID.fromString(r.deliveryId())).isEqualTo(UUID.fromString(json(r.body()).get("id").asText()));
            assertThat(Long.parseLong(r.timestamp())).isBetween(MONDAY_MORNING.getEpochSecond(),
                    clock.instant().getEpochSecond());
            assertThat(r.signature()).isEqualTo(javaSignature(r.timestamp(), r.body()));
        });
        // The documented recipe, as a receiver would run it in a shell.
        WebhookReceiver.Received first = received.get(0);
        assertThat(first.signature()).isEqualTo("v1=" + opensslHmac(first.timestamp(), first.body()));

        JsonNode claimChange = only(documents, "claim.status-changed", "SALDO_CONFIRMED");
        assertThat(claimChange.at("/change/from").asText()).isEqualTo("SALDO_REQUESTED");
        assertThat(claimChange.at("/change/causeType").asText()).isEqualTo("MESSAGE");
        assertThat(claimChange.at("/change/causeReference").asText()).isEqualTo(answer.toString());
        assertThat(claimChange.at("/claim/id").asText()).isEqualTo(c.claimId().toString());
        assertThat(claimChange.at("/claim/creditorOin").asText()).isEqualTo(N1);
        assertThat(claimChange.at("/claim/creditorName").asText()).isEqualTo("Creditor N1 (mailbox)");
        assertThat(claimChange.get("shvOin").asText()).isEqualTo(SHV);
        // The members in the documented order (docs/workflow.md); a status change has no message.
        List<String> members = new ArrayList<>();
        claimChange.fieldNames().forEachRemaining(members::add);
        assertThat(members).containsExactly("id", "version", "type", "sequence", "createdAt", "shvOin", "dossier", "claim",
                "change");

        JsonNode answered = documents.stream().filter(d -> d.get("type").asText().equals("creditor.message-accepted"))
                .reduce((a, b) -> { throw new AssertionError("two answers"); }).orElseThrow();
        assertThat(answered.at("/message/messageType").asText()).isEqualTo(MessageType.SALDOVERZOEK_ANTWOORD.code());
        assertThat(answered.at("/message/referentienummer").asText()).isEqualTo(answer.toString());
        assertThat(answered.at("/message/crossReferentienummer").asText()).isEqualTo(leg.saldoverzoek(c).toString());
        assertThat(answered.at("/claim/status").asText()).isEqualTo("SALDO_CONFIRMED");
        // The amount that counts leaves the transferred line out; the lines are summed per Schuldtype.
        assertThat(new BigDecimal(answered.at("/message/countedAmount").asText())).isEqualByComparingTo("150.50");
        JsonNode byType = answered.at("/message/linesByDebtType");
        assertThat(byType).hasSize(2);
        assertThat(byType.get(0).get("debtType").asText()).isEqualTo("OPENSTAAND");
        assertThat(byType.get(0).get("lines").asInt()).isEqualTo(2);
        assertThat(new BigDecimal(byType.get(0).get("amount").asText())).isEqualByComparingTo("150.50");
        assertThat(byType.get(0).get("counted").asBoolean()).isTrue();
        assertThat(byType.get(1).get("debtType").asText()).isEqualTo("OVERGEDRAGEN");
        assertThat(byType.get(1).get("counted").asBoolean()).isFalse();
        assertThat(byType.get(1).get("transferredTo").get(0).asText()).isEqualTo("Incassobureau Noord");

        JsonNode dossierChange = only(documents, "dossier.status-changed", "PROPOSAL_READY");
        assertThat(dossierChange.at("/dossier/shvReference").asText()).startsWith("T-");
        assertThat(dossierChange.has("claim")).isFalse();
        // The claim changed before the dossier did; the answer is told once its effect is complete.
        assertThat(claimChange.get("sequence").asLong()).isLessThan(dossierChange.get("sequence").asLong());
        assertThat(dossierChange.get("sequence").asLong()).isLessThan(answered.get("sequence").asLong());

        // No personal data of the client in any notification (the submission's name, birth date, address).
        assertThat(received).allSatisfy(r -> assertThat(new String(r.body(), StandardCharsets.UTF_8))
                .doesNotContain("Testpersoon", "1980-01-01", "Teststraat", "1000AA", "K-1"));
        // The notifications are not messages of the dossier in the SHV's dossier view.
        JsonNode view = ApiClient.participant(SHV_CERTIFICATE, port).get("/api/v1/dossiers/" + c.dossierId()).json();
        assertThat(view.get("messages")).isNotEmpty()
                .allSatisfy(m -> assertThat(m.get("creditorOin").asText()).isEqualTo(N1));
    }

    @Test
    void aTamperedBodyOrAnotherSecretFailsTheVerification() throws Exception {
        leg.submit(SHV, false, null, N1);
        deliverWebhooks();
        WebhookReceiver.Received r = RECEIVER.received().get(0);
        assertThat(r.signature()).isEqualTo(javaSignature(r.timestamp(), r.body()));

        byte[] tampered = new String(r.body(), StandardCharsets.UTF_8).replace("SALDO_REQUESTED", "SALDO_CONFIRMED")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(tampered).isNotEqualTo(r.body());
        assertThat(r.signature()).isNotEqualTo(javaSignature(r.timestamp(), tampered))
                .isNotEqualTo("v1=" + opensslHmac(r.timestamp(), tampered));
        // A replayed body under another timestamp does not verify either.
        assertThat(r.signature()).isNotEqualTo(javaSignature(Long.toString(Long.parseLong(r.timestamp()) + 1), r.body()));
        assertThat(r.signature()).isNotEqualTo(hmac("another-secret-of-at-least-32-bytes-long!!", r.timestamp(), r.body()));
    }

    @Test
    void aReceiverThatIsDownGetsEveryNotificationOnceBackInOrderWithTheSameDeliveryIds() throws Exception {
        long before = lastSequence(SHV);
        Map<String, Conversation> first = leg.submit(SHV, false, null, N1);
        Map<String, Conversation> second = leg.submit(SHV, false, null, N2);

        // Down: 503 for everything.
        RECEIVER.answer(r -> 503);
        clock.advance(Duration.ofSeconds(2));
        assertThatThrownBy(() -> sender.sendDueBatches(SHV)).isInstanceOf(DeliveryFailure.class)
                .hasMessageContaining("HTTP 503");
        String firstTried = RECEIVER.received().get(0).deliveryId();
        assertThat(RECEIVER.received()).as("nothing after the notification that failed").hasSize(1);

        // More happens meanwhile: both creditors answer.
        reachCreditor(N1);
        reachCreditor(N2);
        door.receive(leg.participant(N1), InboundItem.of(saldoAntwoord(first.get(N1), UUID.randomUUID(),
                leg.saldoverzoek(first.get(N1)), line(Schuldtype.OPENSTAAND, "10.00", null))), "test");
        door.receive(leg.participant(N2), InboundItem.of(geenMedewerking(second.get(N2), leg.saldoverzoek(second.get(N2)),
                RedenGeenMedewerking.KLANT_ONBEKEND)), "test");

        // Gone altogether: connections refused.
        RECEIVER.goDown();
        clock.set(nextAttemptAt());
        assertThatThrownBy(() -> sender.sendDueBatches(SHV)).isInstanceOf(DeliveryFailure.class)
                .hasMessageContaining("Connection refused");
        assertThat(RECEIVER.received()).hasSize(1);

        // Back, but refusing one notification in the middle twice (the third of the second dossier).
        RECEIVER.up();
        List<Long> expected = sequencesAfter(SHV, before);
        String refusedTwice = idOf(SHV, notificationsOf(second.get(N2).dossierId()).get(2));
        int[] refusals = {0};
        RECEIVER.answer(r -> r.deliveryId().equals(refusedTwice) && refusals[0]++ < 2 ? 500 : 204);
        for (int round = 0; round < 10 && !allDelivered(); round++) {
            Instant next = nextAttemptAt();
            clock.set(next == null || next.isBefore(clock.instant()) ? clock.instant().plusSeconds(1) : next);
            try {
                sender.sendDueBatches(SHV);
            } catch (DeliveryFailure expectedWhileRefused) {
                assertThat(expectedWhileRefused).hasMessageContaining("HTTP 500");
            }
        }
        assertThat(allDelivered()).as("every webhook delivered").isTrue();
        assertThat(refusals[0]).isEqualTo(3);

        List<WebhookReceiver.Received> received = RECEIVER.received();
        // What a de-duplicating receiver takes in, in the order it first accepted each delivery id:
        // everything, in sequence order, so in order per dossier.
        Map<String, JsonNode> accepted = new LinkedHashMap<>();
        for (WebhookReceiver.Received r : received) {
            if (r.answered() == 204) {
                accepted.putIfAbsent(r.deliveryId(), json(r.body()));
            }
        }
        assertThat(accepted.values()).extracting(d -> d.get("sequence").asLong()).isEqualTo(expected);
        // Nothing of a later sequence was accepted before an earlier one.
        long highest = before;
        for (WebhookReceiver.Received r : received) {
            long sequence = json(r.body()).get("sequence").asLong();
            if (r.answered() == 204) {
                assertThat(sequence).as("accepted in order").isLessThanOrEqualTo(highest + 1);
                highest = Math.max(highest, sequence);
            }
        }
        // Retries carry the same delivery id and the same body, signed afresh.
        assertThat(received).filteredOn(r -> r.deliveryId().equals(firstTried)).hasSizeGreaterThanOrEqualTo(2)
                .extracting(r -> new String(r.body(), StandardCharsets.UTF_8)).containsOnly(
                        new String(received.get(0).body(), StandardCharsets.UTF_8));
        assertThat(received).filteredOn(r -> r.deliveryId().equals(refusedTwice)).extracting(WebhookReceiver.Received::answered)
                .containsExactly(500, 500, 204);
        assertThat(received).allSatisfy(r -> assertThat(r.signature()).isEqualTo(javaSignature(r.timestamp(), r.body())));
        // The Geen medewerking reason reached the SHV.
        assertThat(accepted.values()).filteredOn(d -> d.get("type").asText().equals("creditor.message-accepted")
                        && d.at("/message/messageType").asText().equals(MessageType.GEEN_MEDEWERKING.code()))
                .singleElement().satisfies(d -> assertThat(d.at("/message/noCooperationReason").asText())
                        .isEqualTo("KLANT_ONBEKEND"));
    }

    // ------------------------------------------------------------ the mailbox

    @Test
    void theMailboxPagesWithACursorConfirmsAndShowsEachShvOnlyItsOwn() throws Exception {
        Map<String, Conversation> mine = leg.submit(SHV, false, null, N1, N2);
        reachCreditor(N1);
        door.receive(leg.participant(N1), InboundItem.of(saldoAntwoord(mine.get(N1), UUID.randomUUID(),
                leg.saldoverzoek(mine.get(N1)), line(Schuldtype.OPENSTAAND, "99.99", null))), "test");
        Map<String, Conversation> theirs = leg.submit(OTHER_SHV, false, null, N1);
        ApiClient shv = ApiClient.participant(SHV_CERTIFICATE, port);
        ApiClient other = ApiClient.participant(OTHER_SHV_CERTIFICATE, port);

        // Page by page, two at a time, from the start: every notification of mine, in order, each once.
        List<JsonNode> all = new ArrayList<>();
        String cursor = "0";
        for (int pages = 0; pages < 1000; pages++) {
            ApiClient.Response page = shv.get("/api/v1/notifications?after=" + cursor + "&limit=2");
            assertThat(page.status()).isEqualTo(200);
            JsonNode body = page.json();
            assertThat(body.get("items").size()).isLessThanOrEqualTo(2);
            body.get("items").forEach(all::add);
            cursor = body.get("nextCursor").asText();
            if (!body.get("hasMore").asBoolean()) {
                break;
            }
        }
        assertThat(all).extracting(d -> d.get("sequence").asLong()).isEqualTo(sequencesAfter(SHV, 0));
        assertThat(all).allSatisfy(d -> assertThat(d.get("shvOin").asText()).isEqualTo(SHV));
        assertThat(all).extracting(d -> d.at("/dossier/id").asText()).contains(mine.get(N1).dossierId().toString())
                .doesNotContain(theirs.get(N1).dossierId().toString());
        // The mailbox holds the very documents the webhook sends.
        String stored = jdbc.sql("select payload from shv_notification where id = ?")
                .param(UUID.fromString(all.get(all.size() - 1).get("id").asText())).query(String.class).single();
        assertThat(JSON.readTree(stored)).isEqualTo(all.get(all.size() - 1));
        assertThat(cursor).isEqualTo(Long.toString(lastSequence(SHV)));
        // At the end: nothing new, the same cursor.
        JsonNode end = shv.get("/api/v1/notifications?after=" + cursor).json();
        assertThat(end.get("items")).isEmpty();
        assertThat(end.get("nextCursor").asText()).isEqualTo(cursor);
        assertThat(end.get("hasMore").asBoolean()).isFalse();

        // Confirm up to the middle: reading without a cursor starts after it; confirmed ones stay readable.
        long middle = all.get(all.size() / 2).get("sequence").asLong();
        ApiClient.Response confirmed = shv.post("/api/v1/notifications/confirm", "{\"through\": " + middle + "}");
        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(confirmed.json().get("confirmedThrough").asLong()).isEqualTo(middle);
        JsonNode unconfirmed = shv.get("/api/v1/notifications?limit=500").json();
        assertThat(unconfirmed.get("confirmedThrough").asLong()).isEqualTo(middle);
        assertThat(unconfirmed.get("items").get(0).get("sequence").asLong()).isEqualTo(middle + 1);
        assertThat(shv.get("/api/v1/notifications?after=0&limit=1").json().get("items").get(0).get("sequence").asLong())
                .isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from shv_notification s join participant p on p.id = s.shv_id "
                        + "where p.oin = ? and s.sequence <= ? and s.confirmed_at is null")
                .params(SHV, middle).query(Long.class).single()).isZero();
        // Confirming less than before changes nothing.
        assertThat(shv.post("/api/v1/notifications/confirm", "{\"through\": 1}").json().get("confirmedThrough").asLong())
                .isEqualTo(middle);

        // The other SHV sees only its own dossier's notifications, and cannot reach beyond them.
        JsonNode others = other.get("/api/v1/notifications?after=0&limit=500").json();
        assertThat(others.get("items")).isNotEmpty().allSatisfy(d -> {
            assertThat(d.get("shvOin").asText()).isEqualTo(OTHER_SHV);
            assertThat(d.at("/dossier/id").asText()).isEqualTo(theirs.get(N1).dossierId().toString());
        });
        long theirLast = others.get("lastSequence").asLong();
        assertThat(other.get("/api/v1/notifications?after=" + (theirLast + 1)).status()).isEqualTo(400);
        assertThat(other.post("/api/v1/notifications/confirm", "{\"through\": " + (theirLast + 1) + "}").status())
                .isEqualTo(400);
        // The other SHV has no webhook: its notifications are in the mailbox only, not queued for delivery.
        assertThat(jdbc.sql("select count(*) from outbound_message m join participant p on p.id = m.recipient_id "
                + "where p.oin = ?").param(OTHER_SHV).query(Long.class).single()).isZero();
    }

    @Test
    void badCursorsAndLimitsAreRefusedWithProblemJson() {
        leg.submit(SHV, false, null, N1);
        ApiClient shv = ApiClient.participant(SHV_CERTIFICATE, port);
        long last = lastSequence(SHV);
        for (String query : List.of("after=abc", "after=-1", "after=" + (last + 1), "limit=0", "limit=501",
                "limit=many", "after=1&limit=-5")) {
            ApiClient.Response response = shv.get("/api/v1/notifications?" + query);
            assertThat(response.status()).as(query).isEqualTo(400);
            assertThat(response.contentType()).as(query).startsWith("application/problem+json");
            assertThat(response.json().get("type").asText()).as(query).isEqualTo("urn:knooppunt:problem:validation-error");
        }
        for (String body : List.of("{}", "{\"through\": -1}", "{\"through\": " + (last + 1) + "}")) {
            ApiClient.Response response = shv.post("/api/v1/notifications/confirm", body);
            assertThat(response.status()).as(body).isEqualTo(400);
            assertThat(response.json().get("type").asText()).as(body).isEqualTo("urn:knooppunt:problem:validation-error");
        }
    }

    // ------------------------------------------------------------ fixture

    /** Runs the engine for the SHV until no webhook waits, moving the clock a second at a time (the WEBHOOK schedule). */
    private void deliverWebhooks() throws DeliveryFailure {
        for (int round = 0; round < 20 && !allDelivered(); round++) {
            clock.advance(Duration.ofSeconds(1));
            sender.sendDueBatches(SHV);
        }
        assertThat(allDelivered()).as("every webhook delivered").isTrue();
    }

    private boolean allDelivered() {
        return jdbc.sql("select count(*) from outbound_message m join participant p on p.id = m.recipient_id "
                + "where p.oin = ? and m.status <> 'DELIVERED'").param(SHV).query(Long.class).single() == 0;
    }

    private Instant nextAttemptAt() {
        return jdbc.sql("select min(b.next_attempt_at) from outbound_batch b join participant p on p.id = b.recipient_id "
                        + "where p.oin = ? and b.status = 'READY'")
                .param(SHV).query(java.sql.Timestamp.class).optional().map(java.sql.Timestamp::toInstant).orElse(null);
    }

    /** The creditor's batch forms by its maximum wait and lands in its mailbox: the Saldoverzoek reached it. */
    private void reachCreditor(String creditorOin) throws DeliveryFailure {
        Instant now = clock.instant();
        clock.advance(Duration.ofHours(1).plusSeconds(1));
        sender.sendDueBatches(creditorOin);
        clock.set(now);
    }

    private List<Long> sequencesAfter(String shvOin, long after) {
        return jdbc.sql("select s.sequence from shv_notification s join participant p on p.id = s.shv_id "
                        + "where p.oin = ? and s.sequence > ? order by s.sequence")
                .params(shvOin, after).query(Long.class).list();
    }

    private long lastSequence(String shvOin) {
        return jdbc.sql("select coalesce(max(s.sequence), 0) from shv_notification s join participant p on p.id = s.shv_id "
                + "where p.oin = ?").param(shvOin).query(Long.class).single();
    }

    private List<Long> notificationsOf(UUID dossierId) {
        return jdbc.sql("select sequence from shv_notification where dossier_id = ? order by sequence")
                .param(dossierId).query(Long.class).list();
    }

    private String idOf(String shvOin, long sequence) {
        return jdbc.sql("select s.id from shv_notification s join participant p on p.id = s.shv_id "
                + "where p.oin = ? and s.sequence = ?").params(shvOin, sequence).query(UUID.class).single().toString();
    }

    private static JsonNode only(List<JsonNode> documents, String type, String to) {
        List<JsonNode> matching = documents.stream().filter(d -> d.get("type").asText().equals(type)
                && d.at("/change/to").asText().equals(to)).toList();
        assertThat(matching).as(type + " to " + to).hasSize(1);
        return matching.get(0);
    }

    private static List<JsonNode> documents(List<WebhookReceiver.Received> received) {
        return received.stream().map(r -> json(r.body())).toList();
    }

    private static JsonNode json(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + new String(body, StandardCharsets.UTF_8), e);
        }
    }

    /** The recipe in plain Java: v1= hex HMAC-SHA256(secret, timestamp + "." + body). */
    private static String javaSignature(String timestamp, byte[] body) {
        return hmac(SECRET, timestamp, body);
    }

    private static String hmac(String secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return "v1=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /**
     * The recipe in a shell, as docs/workflow.md gives it:
     * {@code printf '%s.' "$TIMESTAMP" | cat - body.json | openssl dgst -sha256 -hmac "$SECRET"}.
     */
    private static String opensslHmac(String timestamp, byte[] body) throws Exception {
        Path file = Files.createTempFile("webhook-body", ".json");
        try {
            Files.write(file, body);
            ProcessBuilder builder = new ProcessBuilder("sh", "-c",
                    "printf '%s.' \"$TIMESTAMP\" | cat - \"$BODY\" | openssl dgst -sha256 -hmac \"$SECRET\"")
                    .redirectErrorStream(true);
            builder.environment().put("TIMESTAMP", timestamp);
            builder.environment().put("BODY", file.toString());
            builder.environment().put("SECRET", SECRET);
            Process openssl = builder.start();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            openssl.getInputStream().transferTo(out);
            assertThat(openssl.waitFor(30, TimeUnit.SECONDS)).isTrue();
            String output = out.toString(StandardCharsets.UTF_8).trim();
            assertThat(openssl.exitValue()).as(output).isZero();
            // "SHA2-256(stdin)= <hex>" (OpenSSL 3) or "(stdin)= <hex>" (1.1)
            return output.substring(output.lastIndexOf(' ') + 1);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private Message saldoAntwoord(Conversation c, UUID reference, UUID answered, VorderingSE... lines) {
        return leg.answer(c, reference, answered, MessageType.SALDOVERZOEK_ANTWOORD, new SaldoverzoekAntwoord("K-1", "SE-1",
                new Contactpersoon("Afdeling Incasso", null, null), LocalDate.of(2026, 11, 23), List.of(lines)));
    }

    private Message geenMedewerking(Conversation c, UUID answered, RedenGeenMedewerking reason) {
        return leg.answer(c, UUID.randomUUID(), answered, MessageType.GEEN_MEDEWERKING, new GeenMedewerking("K-1", reason,
                null, new Contactpersoon("Afdeling Incasso", null, null)));
    }
}
