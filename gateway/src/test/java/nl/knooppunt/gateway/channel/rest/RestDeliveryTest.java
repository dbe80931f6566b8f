package nl.knooppunt.gateway.channel.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import nl.knooppunt.gateway.dossier.Cause;
import nl.knooppunt.gateway.dossier.ClientData;
import nl.knooppunt.gateway.dossier.DossierService;
import nl.knooppunt.gateway.dossier.DossierSubmission;
import nl.knooppunt.gateway.dossier.SettlementType;
import nl.knooppunt.gateway.messages.MessageXml;
import nl.knooppunt.gateway.outbound.AttemptOutcome;
import nl.knooppunt.gateway.outbound.BatchResult;
import nl.knooppunt.gateway.outbound.BatchSender;
import nl.knooppunt.gateway.outbound.DeliveryAttemptView;
import nl.knooppunt.gateway.outbound.DeliveryFailure;
import nl.knooppunt.gateway.outbound.OutboundMessageView;
import nl.knooppunt.gateway.outbound.OutboundBatch;
import nl.knooppunt.gateway.outbound.OutboundItem;
import nl.knooppunt.gateway.outbound.OutboundMessages;
import nl.knooppunt.gateway.outbound.OutboundStatus;
import nl.knooppunt.gateway.registry.Participant;
import nl.knooppunt.gateway.registry.ParticipantRepository;
import nl.knooppunt.gateway.support.Dossiers;
import nl.knooppunt.gateway.support.MutableClock;
import nl.knooppunt.gateway.support.TestTls;
import nl.knooppunt.gateway.workflow.SaldoInventory;
import nl.knooppunt.mappings.canonical.Message;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The REST channel delivering to creditors' REST services — real HTTPS servers over mutual TLS started
 * by the test — driven by the outbound engine step by step under a clock the test moves.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "knooppunt.outbound.enabled=false")
@ActiveProfiles({"test", "rest-delivery-test"})
@Import(RestDeliveryTest.TestClock.class)
class RestDeliveryTest {

    static final String CREDITOR = "00000001003000000021";
    static final String HANGING = "00000001003000000022";
    static final String IMPOSTOR = "00000001003000000023";
    static final String OAUTH = "00000001003000000024";
    static final String OAUTH_PATH = "/oauth-creditor/batches";
    /** Another creditor demanding tokens: Camel caches tokens per service and client, for the whole JVM. */
    static final String OAUTH_SHORT = "00000001003000000025";
    static final String OAUTH_SHORT_PATH = "/oauth-short/batches";
    static final String CLIENT_SECRET = "s3cret:with/odd chars";
    static final String PATH = "/creditor/batches";
    static final String HANGING_PATH = "/hangs/batches";
    static final Instant MONDAY_MORNING = Instant.parse("2026-11-23T09:00:00Z");

    /** The creditors' services: certificate of the dev PKI's CA, as participants' servers have. */
    static final CreditorRestService SERVICE = new CreditorRestService("gateway/gateway.p12");
    /** A service whose certificate chains to another root: not the creditor the gateway trusts. */
    static final CreditorRestService IMPOSTOR_SERVICE = new CreditorRestService("negative/foreign.p12");

    @DynamicPropertySource
    static void ports(DynamicPropertyRegistry registry) {
        registry.add("test.creditor.port", SERVICE::port);
        registry.add("test.impostor.port", IMPOSTOR_SERVICE::port);
        registry.add("test.oauth.secret-file", RestDeliveryTest::clientSecretFile);
    }

    private static String clientSecretFile() {
        try {
            java.nio.file.Path file = java.nio.file.Path.of("target", "rest-delivery-test-client-secret");
            java.nio.file.Files.writeString(file, CLIENT_SECRET + "\n");
            return file.toAbsolutePath().toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
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
    @Autowired BatchSender sender;
    @Autowired OutboundMessages messages;
    @Autowired DossierService dossiers;
    @Autowired SaldoInventory saldoInventory;
    @Autowired TransactionTemplate tx;
    @Autowired JdbcClient jdbc;
    @Autowired RestChannel restChannel;
    @Autowired MessageXml messageXml;
    @Autowired ParticipantRepository participants;

    @BeforeEach
    void freshCreditors() {
        // The test PKI exists once the gateway's context has started.
        SERVICE.startOnce();
        IMPOSTOR_SERVICE.startOnce();
        SERVICE.reset();
        IMPOSTOR_SERVICE.reset();
        jdbc.sql("truncate outbound_message_action, delivery_attempt, batch_member, outbound_batch, outbound_message")
                .update();
        clock.set(MONDAY_MORNING);
    }

    @AfterAll
    static void stopCreditors() {
        SERVICE.close();
        IMPOSTOR_SERVICE.close();
    }

    @Test
    void batchArrivesAsTheContractsJsonOverMutualTlsWithItsIdempotencyKeyAndEveryMessage() throws Exception {
        List<UUID> queued = saldoverzoekenFor(CREDITOR, 3);

        assertThat(sender.sendDueBatches(CREDITOR)).isEqualTo(1);

        CreditorRestService.Received batch = SERVICE.receivedAt(PATH).get(0);
        assertThat(SERVICE.receivedAt(PATH)).hasSize(1);
        assertThat(batch.idempotencyKey()).isEqualTo(batch.batchId().toString());
        assertThat(batch.contentType()).startsWith("application/json");
        assertThat(batch.recipientOin()).isEqualTo(CREDITOR);
        // The service demands a client certificate; the gateway presented its own.
        assertThat(batch.clientSubject()).isEqualTo(gatewayCertificateSubject());
        assertThat(batch.references()).containsExactlyInAnyOrderElementsOf(queued);
        assertThat(batch.messages()).extracting(Message::type).extracting(Enum::name).containsOnly("SALDOVERZOEK");
        assertThat(queued).allSatisfy(reference -> assertThat(status(reference)).isEqualTo(OutboundStatus.DELIVERED));
        assertThat(jdbc.sql("select id from outbound_batch").query(UUID.class).single()).isEqualTo(batch.batchId());

        // What was sent and what the creditor answered are what the published creditor-side contract says.
        assertThat(CreditorServiceDocument.schema("Batch").validate(CreditorRestService.JSON.readTree(batch.body())))
                .isEmpty();
        assertThat(CreditorServiceDocument.schema("CreditorAnswer").validate(CreditorRestService.JSON.readTree(
                CreditorRestService.ACCEPT_ALL.answer(batch).body()))).isEmpty();
    }

    @Test
    void aMessageTheCreditorRejectsBecomesADeadLetterAndTheRestAreDelivered() throws Exception {
        List<UUID> queued = saldoverzoekenFor(CREDITOR, 3);
        UUID refused = queued.get(1);
        SERVICE.behave(PATH, request -> CreditorRestService.answer(request, Map.of(refused, "klant onbekend")));

        sender.sendDueBatches(CREDITOR);

        OutboundMessageView dead = messages.find(refused).orElseThrow();
        assertThat(dead.status()).isEqualTo(OutboundStatus.DEAD);
        assertThat(dead.lastError()).contains("klant onbekend");
        assertThat(queued).filteredOn(r -> !r.equals(refused))
                .allSatisfy(reference -> assertThat(status(reference)).isEqualTo(OutboundStatus.DELIVERED));
    }

    @Test
    void an429IsRetriedNoEarlierThanItsRetryAfterAndThenDelivered() throws Exception {
        List<UUID> queued = saldoverzoekenFor(CREDITOR, 2);
        SERVICE.behave(PATH, request -> CreditorRestService.status(429, Map.of("Retry-After", "600")));

        assertThatThrownBy(() -> sender.sendDueBatches(CREDITOR)).isInstanceOf(DeliveryFailure.class)
                .hasMessageContaining("HTTP 429");
        // Ten minutes, although the backoff alone would allow the next attempt after a minute or so.
        assertThat(nextAttemptAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(10)));

        SERVICE.behave(PATH, CreditorRestService.ACCEPT_ALL);
        clock.advance(Duration.ofMinutes(10).minusSeconds(1));
        assertThat(sender.sendDueBatches(CREDITOR)).as("not before the creditor's Retry-After").isZero();
        assertThat(SERVICE.receivedAt(PATH)).hasSize(1);
        clock.advance(Duration.ofSeconds(1));
        assertThat(sender.sendDueBatches(CREDITOR)).isEqualTo(1);

        assertThat(SERVICE.receivedAt(PATH)).hasSize(2).extracting(CreditorRestService.Received::idempotencyKey)
                .as("the same batch again").containsOnly(SERVICE.receivedAt(PATH).get(0).idempotencyKey());
        assertThat(queued).allSatisfy(reference -> assertThat(status(reference)).isEqualTo(OutboundStatus.DELIVERED));
    }

    @Test
    void aRetryAfterGivenAsAnHttpDateIsHonouredToo() throws Exception {
        saldoverzoekenFor(CREDITOR, 1);
        Instant later = clock.instant().plus(Duration.ofMinutes(20));
        SERVICE.behave(PATH, request -> CreditorRestService.status(503, Map.of("Retry-After",
                java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(later.atOffset(java.time.ZoneOffset.UTC)))));

        assertThatThrownBy(() -> sender.sendDueBatches(CREDITOR)).isInstanceOf(DeliveryFailure.class);

        assertThat(nextAttemptAt()).isEqualTo(later);
    }

    @Test
    void an400IsDeadLetteredAtOnceWithoutRetry() throws Exception {
        List<UUID> queued = saldoverzoekenFor(CREDITOR, 2);
        SERVICE.behave(PATH, request -> new CreditorRestService.Answer(400,
                Map.of("Content-Type", "application/problem+json"),
                "{\"type\":\"urn:creditor:invalid\",\"title\":\"Batch does not match the contract\",\"status\":400,"
                        + "\"detail\":\"Jan Jansen is not a client here\"}"));

        assertThat(sender.sendDueBatches(CREDITOR)).isEqualTo(1);

        for (UUID reference : queued) {
            OutboundMessageView dead = messages.find(reference).orElseThrow();
            assertThat(dead.status()).isEqualTo(OutboundStatus.DEAD);
            assertThat(dead.lastError()).contains("HTTP 400").contains("Batch does not match the contract")
                    .as("the problem's detail may hold personal data").doesNotContain("Jansen");
            assertThat(messages.attempts(reference)).extracting(DeliveryAttemptView::outcome)
                    .containsExactly(AttemptOutcome.UNRECOVERABLE);
        }
        clock.advance(Duration.ofHours(2));
        assertThat(sender.sendDueBatches(CREDITOR)).as("nothing left to retry").isZero();
        assertThat(SERVICE.receivedAt(PATH)).hasSize(1);
    }

    @Test
    void an503IsRetriedWithBackoffUntilTheCreditorRecovers() throws Exception {
        List<UUID> queued = saldoverzoekenFor(CREDITOR, 2);
        SERVICE.behave(PATH, request -> CreditorRestService.status(503, Map.of()));

        assertThatThrownBy(() -> sender.sendDueBatches(CREDITOR)).isInstanceOf(DeliveryFailure.class)
                .hasMessageContaining("HTTP 503");
        assertThat(queued).allSatisfy(reference -> assertThat(status(reference)).isEqualTo(OutboundStatus.BATCHED));

        SERVICE.behave(PATH, CreditorRestService.ACCEPT_ALL);
        clock.advance(Duration.ofMinutes(2));
        assertThat(sender.sendDueBatches(CREDITOR)).isEqualTo(1);

        assertThat(queued).allSatisfy(reference -> {
            assertThat(status(reference)).isEqualTo(OutboundStatus.DELIVERED);
            assertThat(messages.attempts(reference)).extracting(DeliveryAttemptView::outcome)
                    .containsExactly(AttemptOutcome.TRANSPORT_FAILURE, AttemptOutcome.DELIVERED);
        });
    }

    @Test
    void anAnswerMissingAMessagesResultIsRetriedLikeNoAnswer() throws Exception {
        List<UUID> queued = saldoverzoekenFor(CREDITOR, 2);
        SERVICE.behave(PATH, request -> {
            CreditorRestService.Answer all = CreditorRestService.answer(request, Map.of());
            String withoutFirst = all.body().replaceFirst("\\{\"reference\":\"[^\"]+\",\"accepted\":true},?", "");
            return new CreditorRestService.Answer(200, all.headers(), withoutFirst);
        });

        assertThatThrownBy(() -> sender.sendDueBatches(CREDITOR)).isInstanceOf(DeliveryFailure.class)
                .hasMessageContaining("answered for 1 of 2 messages");
        assertThat(queued).allSatisfy(reference -> assertThat(status(reference)).isEqualTo(OutboundStatus.BATCHED));
    }

    @Test
    void aHangingCreditorTimesOutWithoutHoldingAnotherBack() throws Exception {
        List<UUID> toHanging = saldoverzoekenFor(HANGING, 1);
        List<UUID> toOther = saldoverzoekenFor(CREDITOR, 1);
        SERVICE.behave(HANGING_PATH, request -> null);

        CompletableFuture<Integer> hanging = CompletableFuture.supplyAsync(() -> {
            try {
                return sender.sendDueBatches(HANGING);
            } catch (DeliveryFailure e) {
                throw new IllegalStateException(e);
            }
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> !SERVICE.receivedAt(HANGING_PATH).isEmpty());

        // While the first creditor's service holds its batch unanswered, another gets its own.
        assertThat(sender.sendDueBatches(CREDITOR)).isEqualTo(1);
        assertThat(status(toOther.get(0))).isEqualTo(OutboundStatus.DELIVERED);
        assertThat(hanging).isNotDone();

        // The read timeout (2 s here) ends the wait: a transport failure, retried later.
        await().atMost(Duration.ofSeconds(30)).until(hanging::isDone);
        assertThat(hanging).isCompletedExceptionally();
        assertThat(status(toHanging.get(0))).isEqualTo(OutboundStatus.BATCHED);
        assertThat(messages.attempts(toHanging.get(0))).singleElement().satisfies(attempt -> {
            assertThat(attempt.outcome()).isEqualTo(AttemptOutcome.TRANSPORT_FAILURE);
            assertThat(attempt.detail()).containsIgnoringCase("timeout");
        });
    }

    @Test
    void aServiceWithACertificateOfAnotherCaGetsNothing() throws Exception {
        List<UUID> queued = saldoverzoekenFor(IMPOSTOR, 1);

        assertThatThrownBy(() -> sender.sendDueBatches(IMPOSTOR)).isInstanceOf(DeliveryFailure.class);

        assertThat(IMPOSTOR_SERVICE.receivedAt(PATH)).isEmpty();
        assertThat(status(queued.get(0))).isEqualTo(OutboundStatus.BATCHED);
        assertThat(messages.attempts(queued.get(0))).singleElement().satisfies(attempt -> {
            assertThat(attempt.outcome()).isEqualTo(AttemptOutcome.TRANSPORT_FAILURE);
            assertThat(attempt.detail()).containsAnyOf("PKIX", "certification path", "certificate");
        });
    }

    @Test
    void theBatchIsStreamedIntoTheRequestWhileTheCreditorReadsIt() throws Exception {
        // A real Saldoverzoek for this creditor, as the gateway queued and sent it.
        saldoverzoekenFor(CREDITOR, 1);
        sender.sendDueBatches(CREDITOR);
        Message template = SERVICE.receivedAt(PATH).get(0).messages().get(0);
        String xml = new String(messageXml.write(template), StandardCharsets.UTF_8);
        String templateReference = template.header().referentienummer().toString();
        SERVICE.reset();
        SERVICE.keepBodies(false);

        // The batch's second half is produced only once the creditor has read its first message: were the
        // body collected before it is sent, the creditor would read nothing and the batch would never end.
        int count = 2_000;
        Participant creditor = participants.findByOin(CREDITOR).orElseThrow();
        UUID batchId = UUID.randomUUID();
        CountDownLatch firstRead = SERVICE.firstMessageRead();
        BatchResult result = restChannel.send(new OutboundBatch(batchId, creditor, null, count, 1,
                () -> IntStream.range(0, count).mapToObj(i -> {
                    if (i == count / 2) {
                        awaitFirstRead(firstRead);
                    }
                    UUID reference = UUID.randomUUID();
                    return new OutboundItem(reference, template.header().conversatieReferentienummer(), null,
                            "Saldoverzoek", null, null,
                            xml.replace(templateReference, reference.toString()).getBytes(StandardCharsets.UTF_8));
                })));

        assertThat(result.rejected()).isEmpty();
        assertThat(SERVICE.receivedAt(PATH)).singleElement().satisfies(received -> {
            assertThat(received.batchId()).isEqualTo(batchId);
            assertThat(received.references()).hasSize(count).doesNotHaveDuplicates();
        });
    }

    private static void awaitFirstRead(CountDownLatch firstRead) {
        try {
            if (!firstRead.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the creditor read nothing while half the batch was written");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aCreditorThatDemandsOAuth2GetsABearerTokenFetchedOnceAndCachedUntilItExpires() throws Exception {
        SERVICE.behave(OAUTH_PATH, request -> ("Bearer " + SERVICE.lastToken()).equals(request.authorization())
                ? CreditorRestService.ACCEPT_ALL.answer(request)
                : CreditorRestService.status(401, Map.of("WWW-Authenticate", "Bearer")));

        List<UUID> first = saldoverzoekenFor(OAUTH, 1);
        assertThat(sender.sendDueBatches(OAUTH)).isEqualTo(1);
        List<UUID> second = saldoverzoekenFor(OAUTH, 1);
        assertThat(sender.sendDueBatches(OAUTH)).isEqualTo(1);

        assertThat(first).allSatisfy(r -> assertThat(status(r)).isEqualTo(OutboundStatus.DELIVERED));
        assertThat(second).allSatisfy(r -> assertThat(status(r)).isEqualTo(OutboundStatus.DELIVERED));
        assertThat(SERVICE.receivedAt(OAUTH_PATH)).extracting(CreditorRestService.Received::authorization)
                .containsOnly("Bearer token-1");
        assertThat(SERVICE.tokenRequests()).as("the token is cached").singleElement().satisfies(token -> {
            assertThat(token.authorization()).isEqualTo("Basic " + java.util.Base64.getEncoder().encodeToString(
                    ("knooppunt-gateway:" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8)));
            assertThat(token.form()).contains("grant_type=client_credentials").contains("scope=batches%3Awrite");
        });
    }

    @Test
    void anOAuth2TokenAboutToExpireIsNotUsedAgain() throws Exception {
        // Tokens that live 10 s, within the gateway's 30 s margin: every batch asks for a fresh one.
        SERVICE.tokenLifetime(10);
        SERVICE.behave(OAUTH_SHORT_PATH, request -> ("Bearer " + SERVICE.lastToken()).equals(request.authorization())
                ? CreditorRestService.ACCEPT_ALL.answer(request)
                : CreditorRestService.status(401, Map.of("WWW-Authenticate", "Bearer")));

        saldoverzoekenFor(OAUTH_SHORT, 1);
        assertThat(sender.sendDueBatches(OAUTH_SHORT)).isEqualTo(1);
        saldoverzoekenFor(OAUTH_SHORT, 1);
        assertThat(sender.sendDueBatches(OAUTH_SHORT)).isEqualTo(1);

        assertThat(SERVICE.tokenRequests()).hasSize(2);
        assertThat(SERVICE.receivedAt(OAUTH_SHORT_PATH)).extracting(CreditorRestService.Received::authorization)
                .containsExactly("Bearer token-1", "Bearer token-2");
    }

    /** Submits n dossiers with a claim at the creditor, each queuing its Saldoverzoek; due after an hour. */
    private List<UUID> saldoverzoekenFor(String creditor, int n) {
        List<UUID> references = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            UUID dossierId = tx.execute(s -> {
                UUID id = dossiers.submit(new DossierSubmission(Dossiers.SHV, Dossiers.newReference(),
                        SettlementType.SK, client(), List.of(new DossierSubmission.ClaimSubmission(creditor, null,
                        List.of("F-" + UUID.randomUUID()), new BigDecimal("100.00")))), null, Cause.user("test"))
                        .dossierId();
                saldoInventory.start(id, Cause.system("test"));
                return id;
            });
            references.addAll(messages.findByDossier(dossierId).stream().map(OutboundMessageView::reference).toList());
        }
        clock.advance(Duration.ofHours(1));
        return references;
    }

    private static ClientData client() {
        return new ClientData("K-1", new ClientData.Person("V", "T.", null, null, "Testpersoon",
                LocalDate.of(1980, 1, 1), null), null,
                new ClientData.Address("Teststraat", 1, null, null, "1000AA", "Teststad", null, null),
                new ClientData.ContactPerson("Consulent", null, null));
    }

    private static String gatewayCertificateSubject() throws Exception {
        java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
        try (var in = java.nio.file.Files.newInputStream(TestTls.PKI.resolve("gateway/gateway.p12"))) {
            store.load(in, TestTls.PASSWORD);
        }
        String alias = store.aliases().nextElement();
        return ((java.security.cert.X509Certificate) store.getCertificate(alias)).getSubjectX500Principal().getName();
    }

    private OutboundStatus status(UUID reference) {
        return messages.find(reference).orElseThrow().status();
    }

    private Instant nextAttemptAt() {
        return jdbc.sql("select next_attempt_at from outbound_batch").query(OffsetDateTime.class).single().toInstant();
    }
}
