package nl.knooppunt.gateway.outbound;

import static nl.knooppunt.gateway.outbound.OutboxFixture.A;
import static nl.knooppunt.gateway.outbound.OutboxFixture.B;
import static nl.knooppunt.gateway.outbound.OutboxFixture.F;
import static nl.knooppunt.gateway.outbound.OutboxFixture.M;
import static nl.knooppunt.gateway.outbound.OutboxFixture.S;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSetMetaData;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.knooppunt.gateway.conversation.Conversation;
import nl.knooppunt.gateway.conversation.Conversations;
import nl.knooppunt.gateway.dossier.DossierService;
import nl.knooppunt.gateway.privacy.PersonalDataCipher;
import nl.knooppunt.gateway.registry.ParticipantRepository;
import nl.knooppunt.gateway.support.ApiClient;
import nl.knooppunt.gateway.support.Dossiers;
import nl.knooppunt.gateway.support.MutableClock;
import nl.knooppunt.gateway.support.ScriptedChannels;
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
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbound engine on PostgreSQL, driven step by step under a clock the test moves (the
 * engine's own timer routes are off here; see OutboundRoutesTest for the engine running freely).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "knooppunt.outbound.enabled=false")
@ActiveProfiles({"test", "outbound-test"})
@Import({ScriptedChannels.class, OutboundEngineTest.TestClock.class, RecordingListener.Config.class})
class OutboundEngineTest {

    /** Monday 23 November 2026, 10:00 in Amsterdam. */
    static final Instant MONDAY_MORNING = Instant.parse("2026-11-23T09:00:00Z");

    @TestConfiguration(proxyBeanMethods = false)
    static class TestClock {
        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock(MONDAY_MORNING);
        }
    }

    @Autowired MutableClock clock;
    @Autowired RecordingListener events;
    @Autowired Mailbox mailbox;
    @Autowired ScriptedChannels.Script channels;
    @Autowired BatchSender sender;
    @Autowired BatchClaimer claimer;
    @Autowired OutcomeRecorder recorder;
    @Autowired MailboxExpiry expiry;
    @Autowired OutboundMessages messages;
    @Autowired ParticipantRepository participants;
    @Autowired DossierService dossiers;
    @Autowired Conversations conversations;
    @Autowired Outbox outbox;
    @Autowired PersonalDataCipher cipher;
    @Autowired TransactionTemplate tx;
    @Autowired JdbcClient jdbc;
    @LocalServerPort int port;
    @org.springframework.beans.factory.annotation.Value("${local.operator.port}") int operatorPort;

    OutboxFixture fixture;

    @BeforeEach
    void emptyOutbox() {
        fixture = new OutboxFixture(dossiers, conversations, outbox, tx, jdbc);
        fixture.emptyOutbox();
        channels.reset();
        events.reset();
        clock.set(MONDAY_MORNING);
    }

    @Test
    void batchesFormAsSoonAsTheCreditorsBatchSizeIsReached() throws Exception {
        fixture.enqueue(fixture.conversationWith(A), 7);

        assertThat(sender.sendDueBatches(A)).isEqualTo(2);

        assertThat(channels.receivedBy(A)).extracting(r -> r.references().size()).containsExactly(3, 3);
        assertThat(fixture.statusCounts()).containsEntry("DELIVERED", 6).containsEntry("PENDING", 1);
    }

    @Test
    void messageLeavesWhenItHasWaitedTheCreditorsMaximumWait() throws Exception {
        List<UUID> queued = fixture.enqueue(fixture.conversationWith(B), 2);

        assertThat(sender.sendDueBatches(B)).isZero();
        clock.advance(Duration.ofMinutes(59));
        assertThat(sender.sendDueBatches(B)).isZero();
        clock.advance(Duration.ofMinutes(1));
        assertThat(sender.sendDueBatches(B)).isEqualTo(1);

        assertThat(channels.receivedBy(B)).singleElement()
                .satisfies(r -> assertThat(r.references()).containsExactlyElementsOf(queued));
        assertThat(queued).allSatisfy(ref -> assertThat(fixture.status(ref)).isEqualTo(OutboundStatus.DELIVERED));
    }

    @Test
    void scheduledRunSendsWhatIsPendingAtTheCreditorsScheduledTime() throws Exception {
        // Creditor S: weekdays at 06:00 Dutch time; Monday 10:00 -> Tuesday 06:00 (05:00 UTC).
        fixture.enqueue(fixture.conversationWith(S), 2);

        clock.set(Instant.parse("2026-11-24T04:59:00Z"));
        assertThat(sender.sendDueBatches(S)).isZero();
        clock.set(Instant.parse("2026-11-24T05:00:00Z"));
        assertThat(sender.sendDueBatches(S)).isEqualTo(1);
        assertThat(channels.receivedBy(S)).singleElement().satisfies(r -> assertThat(r.references()).hasSize(2));
    }

    @Test
    void creditorsNeverShareABatch() throws Exception {
        Map<String, Conversation> both = fixture.dossierWith(A, B);
        List<UUID> forA = fixture.enqueue(both.get(A), 3);
        List<UUID> forB = fixture.enqueue(both.get(B), 3);
        clock.advance(Duration.ofHours(1));

        sender.sendDueBatches(A);
        sender.sendDueBatches(B);

        assertThat(channels.receivedBy(A)).flatExtracting(ScriptedChannels.Received::references)
                .containsExactlyInAnyOrderElementsOf(forA);
        assertThat(channels.receivedBy(B)).flatExtracting(ScriptedChannels.Received::references)
                .containsExactlyInAnyOrderElementsOf(forB);
    }

    @Test
    void failingCreditorIsRetriedWithBackoffAndDeadLetteredWhileAnotherKeepsFlowing() throws Exception {
        channels.set(F, ScriptedChannels.CONNECTION_REFUSED);
        Map<String, Conversation> dossier = fixture.dossierWith(F, B);
        List<UUID> forF = fixture.enqueue(dossier.get(F), 2);
        fixture.enqueue(dossier.get(B), 1);
        clock.advance(Duration.ofHours(1));

        assertThatThrownBy(() -> sender.sendDueBatches(F)).isInstanceOf(DeliveryFailure.class);
        assertThat(sender.sendDueBatches(B)).isEqualTo(1);
        Instant nextAttempt = jdbc.sql("select next_attempt_at from outbound_batch where recipient_id = "
                + "(select id from participant where oin = ?)").param(F).query(java.time.OffsetDateTime.class)
                .single().toInstant();
        // First backoff: 1 minute with 50% jitter.
        assertThat(nextAttempt).isBetween(clock.instant().plusSeconds(30), clock.instant().plusSeconds(90));
        // Not yet time: nothing is sent, no attempt is spent.
        assertThat(sender.sendDueBatches(F)).isZero();
        assertThat(channels.receivedBy(F)).hasSize(1);

        // The other creditor keeps flowing while F waits for its retries.
        fixture.enqueue(dossier.get(B), 1);
        clock.advance(Duration.ofHours(1));
        assertThatThrownBy(() -> sender.sendDueBatches(F)).isInstanceOf(DeliveryFailure.class);
        assertThat(sender.sendDueBatches(B)).isEqualTo(1);
        clock.advance(Duration.ofMinutes(10));
        assertThatThrownBy(() -> sender.sendDueBatches(F)).isInstanceOf(DeliveryFailure.class);

        // Three attempts of the same batch (same id), then dead letters with every attempt recorded.
        assertThat(channels.receivedBy(F)).extracting(ScriptedChannels.Received::attempt).containsExactly(1, 2, 3);
        assertThat(channels.receivedBy(F)).extracting(ScriptedChannels.Received::batchId).containsOnly(
                channels.receivedBy(F).get(0).batchId());
        for (UUID ref : forF) {
            OutboundMessageView dead = messages.find(ref).orElseThrow();
            assertThat(dead.status()).isEqualTo(OutboundStatus.DEAD);
            assertThat(dead.lastError()).contains("gave up after 3 attempts").contains("connection refused");
            assertThat(messages.attempts(ref)).extracting(DeliveryAttemptView::outcome)
                    .containsExactly(AttemptOutcome.TRANSPORT_FAILURE, AttemptOutcome.TRANSPORT_FAILURE,
                            AttemptOutcome.TRANSPORT_FAILURE);
        }
        assertThat(channels.receivedBy(B)).hasSize(2);
        assertThat(sender.sendDueBatches(F)).as("nothing left to retry").isZero();

        // The SHV's dossier shows the dead letters.
        JsonNode dossierView = ApiClient.participant("gemeente-voorbeeldstad", port)
                .get("/api/v1/dossiers/" + dossier.get(F).dossierId()).json();
        assertThat(dossierView.get("messages")).filteredOn(m -> m.get("creditorOin").asText().equals(F))
                .allSatisfy(m -> {
                    assertThat(m.get("status").asText()).isEqualTo("DEAD");
                    assertThat(m.get("attempts").asInt()).isEqualTo(3);
                });
    }

    @Test
    void batchRefusedAsAWholeIsDeadLetteredAtOnce() throws Exception {
        channels.set(F, ScriptedChannels.HTTP_400);
        List<UUID> forF = fixture.enqueue(fixture.conversationWith(F), 2);
        clock.advance(Duration.ofHours(1));

        assertThat(sender.sendDueBatches(F)).isEqualTo(1);

        assertThat(forF).allSatisfy(ref -> {
            assertThat(fixture.status(ref)).isEqualTo(OutboundStatus.DEAD);
            assertThat(messages.find(ref).orElseThrow().lastError()).startsWith("not deliverable: HTTP 400");
        });
        assertThat(channels.receivedBy(F)).hasSize(1);
    }

    @Test
    void rejectedMessageIsADeadLetterAndTheRestOfItsBatchIsDelivered() throws Exception {
        channels.set(B, ScriptedChannels.rejecting(items -> Map.of(items.get(1).reference(), "unknown client")));
        List<UUID> queued = fixture.enqueue(fixture.conversationWith(B), 3);
        clock.advance(Duration.ofHours(1));

        sender.sendDueBatches(B);

        assertThat(fixture.status(queued.get(0))).isEqualTo(OutboundStatus.DELIVERED);
        assertThat(fixture.status(queued.get(1))).isEqualTo(OutboundStatus.DEAD);
        assertThat(messages.find(queued.get(1)).orElseThrow().lastError()).isEqualTo("rejected by creditor: unknown client");
        assertThat(fixture.status(queued.get(2))).isEqualTo(OutboundStatus.DELIVERED);
    }

    @Test
    void deadLetterIsResubmittedUnderItsOwnReferenceOrDiscardedThroughTheOperatorApi() throws Exception {
        channels.set(F, ScriptedChannels.HTTP_400);
        List<UUID> queued = fixture.enqueue(fixture.conversationWith(F), 2);
        clock.advance(Duration.ofHours(1));
        sender.sendDueBatches(F);
        ApiClient api = ApiClient.operator(operatorPort);

        JsonNode list = api.get("/operator/api/v1/dead-letters?recipientOin=" + F).json();
        assertThat(list.get("totalItems").asInt()).isEqualTo(2);
        JsonNode detail = api.get("/operator/api/v1/dead-letters/" + queued.get(0)).json();
        assertThat(detail.at("/attempts/0/outcome").asText()).isEqualTo("UNRECOVERABLE");

        channels.set(F, ScriptedChannels.ACCEPT);
        assertThat(api.post("/operator/api/v1/dead-letters/" + queued.get(0) + "/resubmit", "").json()
                .get("status").asText()).isEqualTo("PENDING");
        assertThat(api.post("/operator/api/v1/dead-letters/" + queued.get(1) + "/discard", "").json()
                .get("status").asText()).isEqualTo("DISCARDED");
        sender.sendDueBatches(F);

        assertThat(fixture.status(queued.get(0))).isEqualTo(OutboundStatus.DELIVERED);
        assertThat(channels.receivedBy(F).get(1).references()).containsExactly(queued.get(0));
        assertThat(fixture.status(queued.get(1))).isEqualTo(OutboundStatus.DISCARDED);

        // Only dead letters can be resubmitted; the delivered message is left alone.
        ApiClient.Response refused = api.post("/operator/api/v1/dead-letters/" + queued.get(0) + "/resubmit", "");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(fixture.status(queued.get(0))).isEqualTo(OutboundStatus.DELIVERED);
        assertThat(api.post("/operator/api/v1/dead-letters/" + UUID.randomUUID() + "/discard", "").status()).isEqualTo(404);
    }

    @Test
    void batchOfASenderThatDiedIsTakenOverAfterItsLeaseAndSentOnceUnderTheSameId() throws Exception {
        List<UUID> queued = fixture.enqueue(fixture.conversationWith(B), 3);
        clock.advance(Duration.ofHours(1));
        // Another instance claims the batch and dies before sending it.
        ClaimedBatch orphan = claimer.claimNext(participants.findByOin(B).orElseThrow(), false, "crashed-instance")
                .orElseThrow();

        assertThat(sender.sendDueBatches(B)).as("the lease still holds").isZero();
        clock.advance(Duration.ofSeconds(31));
        assertThat(sender.sendDueBatches(B)).isEqualTo(1);

        assertThat(channels.receivedBy(B)).singleElement().satisfies(r -> {
            assertThat(r.batchId()).isEqualTo(orphan.batchId());
            assertThat(r.attempt()).isEqualTo(2);
            assertThat(r.references()).containsExactlyElementsOf(queued);
        });
        assertThat(messages.attempts(queued.get(0))).extracting(DeliveryAttemptView::outcome)
                .containsExactly(AttemptOutcome.LEASE_EXPIRED, AttemptOutcome.DELIVERED);

        // Should the "dead" instance come back and report, its outcome is not recorded a second time.
        assertThat(recorder.failed(orphan, DeliveryFailure.recoverable("late", null))).isFalse();
        assertThat(queued).allSatisfy(ref -> assertThat(fixture.status(ref)).isEqualTo(OutboundStatus.DELIVERED));
    }

    @Test
    void mailboxMessageExpiresWhenNotConfirmedWithinFiveDutchWorkingDays() throws Exception {
        // Thursday 24 December 2026, 10:00 Dutch time. Working days after: 28, 29, 30, 31 December
        // and 4 January (25-26 December and 1 January are public holidays).
        clock.set(Instant.parse("2026-12-24T09:00:00Z"));
        UUID ref = fixture.enqueue(fixture.conversationWith(M), 1).get(0);
        clock.advance(Duration.ofHours(1));
        sender.sendDueBatches(M);

        OutboundMessageView inMailbox = messages.find(ref).orElseThrow();
        assertThat(inMailbox.status()).isEqualTo(OutboundStatus.IN_MAILBOX);
        assertThat(inMailbox.expiresAt()).isEqualTo(Instant.parse("2027-01-04T23:00:00Z"));

        clock.set(Instant.parse("2027-01-04T22:59:59Z"));
        assertThat(expiry.expireOverdue()).isZero();
        clock.set(Instant.parse("2027-01-04T23:00:00Z"));
        assertThat(expiry.expireOverdue()).isEqualTo(1);
        assertThat(messages.find(ref).orElseThrow().status()).isEqualTo(OutboundStatus.EXPIRED);
        assertThat(messages.find(ref).orElseThrow().lastError()).contains("not fetched and confirmed before 2027-01-04T23:00:00Z");
    }

    @Test
    void recipientsRetryAfterIsHonouredWhenLongerThanTheBackoffAndCountsAsAnAttempt() throws Exception {
        channels.set(F, (batch, items) -> {
            throw DeliveryFailure.recoverable("HTTP 429", null, Duration.ofHours(2));
        });
        List<UUID> queued = fixture.enqueue(fixture.conversationWith(F), 1);
        clock.advance(Duration.ofHours(1));
        Instant failedAt = clock.instant();

        assertThatThrownBy(() -> sender.sendDueBatches(F)).isInstanceOf(DeliveryFailure.class);

        Instant nextAttempt = jdbc.sql("select next_attempt_at from outbound_batch where recipient_id = "
                + "(select id from participant where oin = ?)").param(F).query(java.time.OffsetDateTime.class)
                .single().toInstant();
        assertThat(nextAttempt).as("the backoff alone would be at most 90 s").isEqualTo(failedAt.plus(Duration.ofHours(2)));
        clock.set(failedAt.plus(Duration.ofHours(2)).minusSeconds(1));
        assertThat(sender.sendDueBatches(F)).as("not before the recipient's wait").isZero();
        assertThat(channels.receivedBy(F)).hasSize(1);

        clock.set(failedAt.plus(Duration.ofHours(2)));
        channels.set(F, ScriptedChannels.ACCEPT);
        assertThat(sender.sendDueBatches(F)).isEqualTo(1);
        assertThat(channels.receivedBy(F)).extracting(ScriptedChannels.Received::attempt).containsExactly(1, 2);
        assertThat(fixture.status(queued.get(0))).isEqualTo(OutboundStatus.DELIVERED);
    }

    @Test
    void listenersHearOfEveryDeliveredMessageWithItsReferences() throws Exception {
        Conversation conversation = fixture.conversationWith(B);
        List<UUID> queued = fixture.enqueue(conversation, 5);
        clock.advance(Duration.ofHours(1));

        sender.sendDueBatches(B);

        // Page size 2: the five messages are moved, and reported, in three pages.
        assertThat(events.all()).extracting(RecordingListener.Heard::kind).containsOnly("delivered");
        assertThat(events.all()).extracting(h -> h.event().reference()).containsExactlyInAnyOrderElementsOf(queued);
        assertThat(events.all()).allSatisfy(h -> {
            DeliveryEvent e = h.event();
            assertThat(e.conversationReference()).isEqualTo(conversation.reference());
            assertThat(e.recipientId()).isEqualTo(conversation.creditorId());
            assertThat(e.recipientOin()).isEqualTo(B);
            assertThat(e.dossierId()).isEqualTo(conversation.dossierId());
            assertThat(e.claimId()).isEqualTo(conversation.claimId());
            assertThat(e.messageType()).isEqualTo("Saldoverzoek");
            assertThat(e.status()).isEqualTo(OutboundStatus.DELIVERED);
            assertThat(e.at()).isEqualTo(clock.instant());
            assertThat(e.reason()).isNull();
        });
    }

    @Test
    void listenersHearOfMailboxPlacementFetchAndConfirmation() throws Exception {
        List<UUID> queued = fixture.enqueue(fixture.conversationWith(M), 2);
        clock.advance(Duration.ofHours(1));
        sender.sendDueBatches(M);
        assertThat(events.kinds()).containsExactly("delivered", "delivered");
        assertThat(events.all()).allSatisfy(h -> assertThat(h.event().status()).isEqualTo(OutboundStatus.IN_MAILBOX));

        var creditor = participants.findByOin(M).orElseThrow();
        Mailbox.Page page = mailbox.fetch(creditor, "test", 10, null, false);
        assertThat(page.items()).extracting(Mailbox.Item::reference).containsExactlyElementsOf(queued);
        assertThat(mailbox.fetch(creditor, "test", 10, null, true).items()).as("fetched again").hasSize(2);
        assertThat(events.referencesOf("fetched")).as("the first fetch only").containsExactlyInAnyOrderElementsOf(queued);

        assertThat(mailbox.confirm(creditor, List.of(queued.get(0), queued.get(0))))
                .containsExactly(Mailbox.Confirmation.CONFIRMED, Mailbox.Confirmation.ALREADY_CONFIRMED);
        assertThat(events.referencesOf("confirmed")).containsExactly(queued.get(0));

        // The transition table keeps a confirmed message from expiring; the unconfirmed one expires.
        clock.advance(Duration.ofDays(30));
        assertThat(expiry.expireOverdue()).isEqualTo(1);
        assertThat(fixture.status(queued.get(0))).isEqualTo(OutboundStatus.CONFIRMED);
        assertThat(events.referencesOf("expired")).containsExactly(queued.get(1));
        assertThat(events.all()).filteredOn(h -> h.kind().equals("expired")).singleElement()
                .satisfies(h -> assertThat(h.event().reason()).startsWith("not fetched and confirmed before"));
    }

    @Test
    void listenersHearOfDeadLettersRejectedRefusedAndOutOfAttempts() throws Exception {
        channels.set(B, ScriptedChannels.rejecting(items -> Map.of(items.get(0).reference(), "unknown client")));
        List<UUID> rejected = fixture.enqueue(fixture.conversationWith(B), 2);
        channels.set(A, ScriptedChannels.HTTP_400);
        List<UUID> refused = fixture.enqueue(fixture.conversationWith(A), 1);
        channels.set(F, ScriptedChannels.CONNECTION_REFUSED);
        List<UUID> failing = fixture.enqueue(fixture.conversationWith(F), 1);
        clock.advance(Duration.ofHours(1));

        sender.sendDueBatches(B);
        sender.sendDueBatches(A);
        for (int attempt = 1; attempt <= 3; attempt++) {
            assertThatThrownBy(() -> sender.sendDueBatches(F)).isInstanceOf(DeliveryFailure.class);
            if (attempt < 3) {
                assertThat(events.referencesOf("deadLettered")).as("after attempt %d", attempt)
                        .doesNotContain(failing.get(0));
            }
            clock.advance(Duration.ofMinutes(10));
        }

        assertThat(events.referencesOf("delivered")).containsExactly(rejected.get(1));
        assertThat(events.all()).filteredOn(h -> h.kind().equals("deadLettered"))
                .extracting(h -> h.event().reference(), h -> h.event().reason())
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(rejected.get(0), "rejected by creditor: unknown client"),
                        org.assertj.core.groups.Tuple.tuple(refused.get(0),
                                "not deliverable: HTTP 400: batch does not match the contract"),
                        org.assertj.core.groups.Tuple.tuple(failing.get(0),
                                "gave up after 3 attempts; last: connection refused"));
    }

    @Test
    void aListenerThatFailsRollsTheFactBackAndTheBatchIsSentAgainUnderItsId() throws Exception {
        List<UUID> queued = fixture.enqueue(fixture.conversationWith(B), 2);
        clock.advance(Duration.ofHours(1));
        events.failOn("delivered");

        assertThatThrownBy(() -> sender.sendDueBatches(B)).hasMessageContaining("listener refused");

        assertThat(queued).allSatisfy(ref -> assertThat(fixture.status(ref)).isEqualTo(OutboundStatus.BATCHED));
        assertThat(events.referencesOf("delivered")).as("nothing the listener did survives").isEmpty();
        events.failOn(null);
        clock.advance(Duration.ofSeconds(31)); // the lease runs out
        assertThat(sender.sendDueBatches(B)).isEqualTo(1);
        assertThat(channels.receivedBy(B)).extracting(ScriptedChannels.Received::batchId).containsOnly(
                channels.receivedBy(B).get(0).batchId());
        assertThat(events.referencesOf("delivered")).containsExactlyInAnyOrderElementsOf(queued);
        assertThat(queued).allSatisfy(ref -> assertThat(fixture.status(ref)).isEqualTo(OutboundStatus.DELIVERED));
    }

    @Test
    void channelReceivesTheWholeBatchInOrderThroughPagedReading() throws Exception {
        // Page size is 2 in this profile: 5 messages take three reads.
        List<UUID> queued = fixture.enqueue(fixture.conversationWith(B), 5);
        clock.advance(Duration.ofHours(1));

        sender.sendDueBatches(B);

        assertThat(channels.receivedBy(B)).singleElement()
                .satisfies(r -> assertThat(r.references()).containsExactlyElementsOf(queued));
    }

    @Test
    void noPersonalDataOfAQueuedSaldoverzoekIsReadableInTheOutbox() {
        // A dossier as an SHV submits it; intake queues a Saldoverzoek to each creditor.
        ObjectNode submission = Dossiers.valid(Dossiers.newReference());
        ((ObjectNode) submission.get("claims").get(0)).put("creditorOin", A);
        ((ObjectNode) submission.get("claims").get(1)).put("creditorOin", B);
        ApiClient.Response created = ApiClient.participant("gemeente-voorbeeldstad", port)
                .post("/api/v1/dossiers", submission.toString());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        UUID dossierId = UUID.fromString(created.json().get("id").asText());

        // The client's data as the Saldoverzoek carries it (name, birth date, address, client numbers,
        // invoice numbers, contact), and what was submitted but a Saldoverzoek does not carry (BSN, amount).
        List<String> inTheSaldoverzoek = List.of("Jolanda", "Testpersoon", "1984-03-17", "Proefstraat", "1234AB",
                "Voorbeeldstad", "K-0001", "HUUR-778", "F-2026-001", "C. Consulent", "consulent@voorbeeldstad.example");
        List<String> submittedOnly = List.of("999990019", "1250.00", "1234 AB");

        List<String> rows = outboxRowsAsText(dossierId);
        assertThat(rows).as("a Saldoverzoek per creditor").hasSize(2).allSatisfy(row -> {
            assertThat(row).doesNotContain(inTheSaldoverzoek);
            assertThat(row).doesNotContain(submittedOnly);
        });

        // Decrypted with the data key, the rows are the two Saldoverzoeken with that data in them.
        List<UUID> references = jdbc.sql("select reference from outbound_message where dossier_id = ?")
                .param(dossierId).query(UUID.class).list();
        assertThat(new String(decryptedPayloads(references), StandardCharsets.UTF_8))
                .contains("<Saldoverzoek").contains(inTheSaldoverzoek);
    }

    /** Every column of the dossier's outbox rows, binary ones as their raw bytes, as text to search. */
    private List<String> outboxRowsAsText(UUID dossierId) {
        return jdbc.sql("select * from outbound_message where dossier_id = ?").param(dossierId).query((rs, n) -> {
            ResultSetMetaData columns = rs.getMetaData();
            StringBuilder row = new StringBuilder();
            for (int i = 1; i <= columns.getColumnCount(); i++) {
                if (columns.getColumnType(i) == Types.BINARY) {
                    byte[] bytes = rs.getBytes(i);
                    if (bytes != null) {
                        row.append(new String(bytes, StandardCharsets.ISO_8859_1)).append(' ')
                                .append(new String(bytes, StandardCharsets.UTF_8));
                    }
                } else {
                    row.append(rs.getString(i));
                }
                row.append('|');
            }
            return row.toString();
        }).list();
    }

    private byte[] decryptedPayloads(List<UUID> references) {
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        for (UUID reference : references) {
            byte[] stored = jdbc.sql("select payload from outbound_message where reference = ?").param(reference)
                    .query((rs, n) -> rs.getBytes(1)).single();
            all.writeBytes(cipher.decrypt(stored, Outbox.payloadContext(reference)));
        }
        return all.toByteArray();
    }
}
