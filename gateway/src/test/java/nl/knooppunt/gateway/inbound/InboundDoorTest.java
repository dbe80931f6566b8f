package nl.knooppunt.gateway.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import nl.knooppunt.gateway.conversation.Conversation;
import nl.knooppunt.gateway.conversation.Conversations;
import nl.knooppunt.gateway.dossier.ClientData;
import nl.knooppunt.gateway.dossier.DossierService;
import nl.knooppunt.gateway.dossier.DossierSubmission;
import nl.knooppunt.gateway.dossier.SettlementType;
import nl.knooppunt.gateway.registry.Participant;
import nl.knooppunt.gateway.shared.Refusal;
import nl.knooppunt.gateway.registry.ParticipantRepository;
import nl.knooppunt.gateway.support.Dossiers;
import nl.knooppunt.gateway.workflow.DossierIntake;
import nl.knooppunt.mappings.canonical.Beslissing;
import nl.knooppunt.mappings.canonical.BetaalvoorstelAntwoord;
import nl.knooppunt.mappings.canonical.Contactpersoon;
import nl.knooppunt.mappings.canonical.Header;
import nl.knooppunt.mappings.canonical.Message;
import nl.knooppunt.mappings.canonical.MessageBody;
import nl.knooppunt.mappings.canonical.MessageType;
import nl.knooppunt.mappings.canonical.SaldoverzoekAntwoord;
import nl.knooppunt.mappings.canonical.Schuldtype;
import nl.knooppunt.mappings.canonical.VorderingSE;
import nl.knooppunt.mappings.canonical.VorderingsType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The inbound door's rules, without HTTP, CXF or Camel: the gateway's beans on their embedded
 * PostgreSQL, the outbound engine off, Saldoverzoeken marked delivered by hand, and creditor answers
 * handed to the door as a channel would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "knooppunt.outbound.enabled=false")
@ActiveProfiles("test")
class InboundDoorTest {

    private static final String CHANNEL = "test";

    @Autowired InboundDoor door;
    @Autowired DossierIntake intake;
    @Autowired DossierService dossiers;
    @Autowired Conversations conversations;
    @Autowired ParticipantRepository participants;
    @Autowired PlatformTransactionManager transactions;
    @Autowired JdbcClient jdbc;

    private final CommitCounter commits = new CommitCounter();

    @BeforeEach
    void countCommits() {
        ((AbstractPlatformTransactionManager) transactions).addListener(commits);
    }

    @AfterEach
    void stopCounting() {
        ((AbstractPlatformTransactionManager) transactions).getTransactionExecutionListeners().remove(commits);
    }

    // ------------------------------------------------------------------ replay

    @Test
    void aMessageReceivedBeforeGetsItsOriginalResultAndIsNotProcessedAgain() {
        Delivered delivered = deliveredSaldoverzoek();
        Message answer = saldoAntwoord(delivered, "250.00");

        InboundResult first = door.receive(creditor(), InboundItem.of(answer), CHANNEL);
        assertThat(first.outcome()).isEqualTo(InboundOutcome.ACCEPTED);
        assertThat(first.replay()).isFalse();
        Snapshot afterFirst = snapshot();

        InboundResult again = door.receive(creditor(), InboundItem.of(answer), CHANNEL);
        List<InboundResult> inBatch = door.receiveEach(creditor(), List.of(InboundItem.of(answer)), CHANNEL);

        assertThat(again.outcome()).isEqualTo(InboundOutcome.ACCEPTED);
        assertThat(again.replay()).isTrue();
        assertThat(inBatch).singleElement().satisfies(r -> assertThat(r.replay()).isTrue());
        assertThat(snapshot()).isEqualTo(afterFirst);
        // The same reference from another creditor is not a replay: it is refused.
        Participant other = participants.findByOin(Dossiers.CREDITOR_MAILBOX).orElseThrow();
        assertThatThrownBy(() -> door.receive(other, InboundItem.of(answer), CHANNEL))
                .isInstanceOfSatisfying(InboundRejectedException.class,
                        e -> assertThat(e.outcome()).isEqualTo(InboundOutcome.NOT_AUTHORIZED));
        assertThat(snapshot()).isEqualTo(afterFirst);
    }

    @Test
    void theSameReferenceWithOtherContentIsRefusedAsAReplayConflictAndChangesNothing() {
        Delivered delivered = deliveredSaldoverzoek();
        Message answer = saldoAntwoord(delivered, "250.00");
        assertThat(door.receive(creditor(), InboundItem.of(answer), CHANNEL).outcome()).isEqualTo(InboundOutcome.ACCEPTED);
        Snapshot afterFirst = snapshot();
        // A "correction" under the same Referentienummer: another amount.
        Message corrected = new Message(answer.header(), saldoAntwoord(delivered, "260.00").body());

        assertThatThrownBy(() -> door.receive(creditor(), InboundItem.of(corrected), CHANNEL))
                .isInstanceOfSatisfying(InboundRejectedException.class, e -> {
                    assertThat(e.outcome()).isEqualTo(InboundOutcome.REPLAY_CONFLICT);
                    assertThat(e.kind()).isEqualTo(Refusal.Kind.CONFLICT);
                    assertThat(e.code()).isEqualTo("inbound-replay-conflict");
                });
        assertThat(door.receiveEach(creditor(), List.of(InboundItem.of(corrected)), CHANNEL)).singleElement()
                .satisfies(r -> assertThat(r.outcome()).isEqualTo(InboundOutcome.REPLAY_CONFLICT));
        assertThat(snapshot()).isEqualTo(afterFirst);
        // The message itself, sent again, is still a replay of the original.
        assertThat(door.receive(creditor(), InboundItem.of(answer), CHANNEL).replay()).isTrue();
    }

    @Test
    void theSameMessageTwiceAtTheSameMomentIsAppliedOnceAndTheSecondGetsTheFirstsResult() throws Exception {
        Delivered delivered = deliveredSaldoverzoek();
        Message answer = saldoAntwoord(delivered, "99.00");
        CountDownLatch firstApplied = new CountDownLatch(1);

        // The first holds its transaction open until the second is waiting for it on a lock.
        CompletableFuture<InboundResult> first = CompletableFuture.supplyAsync(() -> new TransactionTemplate(transactions)
                .execute(tx -> {
                    InboundResult result = door.receive(creditor(), InboundItem.of(answer), CHANNEL);
                    firstApplied.countDown();
                    await().atMost(Duration.ofSeconds(30)).until(() -> sessionsWaitingForALock() > 0);
                    return result;
                }));
        assertThat(firstApplied.await(30, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<InboundResult> second = CompletableFuture.supplyAsync(
                () -> door.receive(creditor(), InboundItem.of(answer), CHANNEL));

        assertThat(first.get(60, TimeUnit.SECONDS)).satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(InboundOutcome.ACCEPTED);
            assertThat(r.replay()).isFalse();
        });
        assertThat(second.get(60, TimeUnit.SECONDS)).satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(InboundOutcome.ACCEPTED);
            assertThat(r.replay()).isTrue();
        });
        assertThat(count("select count(*) from inbound_message where reference = ?", answer.header().referentienummer()))
                .isEqualTo(1);
        assertThat(count("select count(*) from status_history where claim_id = ? and to_status = 'SALDO_CONFIRMED'",
                delivered.conversation().claimId())).isEqualTo(1);
    }

    // ------------------------------------------------------------------ each on its own

    @Test
    void eachOnItsOwnKeepsTheAcceptedMessagesAndARefusedOneChangesNothing() {
        Delivered one = deliveredSaldoverzoek();
        Delivered two = deliveredSaldoverzoek();
        Delivered three = deliveredSaldoverzoek();
        Snapshot before = snapshot();
        long historyOfTwo = count("select count(*) from status_history where claim_id = ?", two.conversation().claimId());

        List<InboundResult> results;
        // A fault of the gateway after writes: the database fails storing the answer's lines (as a numeric
        // overflow did before the sum of the amounts was checked at the door).
        jdbc.sql("""
                create function fail_claim_line() returns trigger language plpgsql as $$
                begin raise exception 'storing this line fails' using errcode = 'numeric_value_out_of_range'; end $$""")
                .update();
        jdbc.sql("create trigger fail_claim_line before insert on claim_line for each row "
                + "when (new.invoice_number_se = 'FAILS-AFTER-WRITES') execute function fail_claim_line()").update();
        try {
            results = door.receiveEach(creditor(), List.of(
                    InboundItem.of(saldoAntwoord(one, "10.00")),
                    InboundItem.of(inUnknownConversation(saldoAntwoord(two, "20.00"))),
                    // Passes every check and moves the claim, then fails storing its lines: undone to its savepoint.
                    InboundItem.of(failsAfterWrites(two)),
                    InboundItem.of(saldoAntwoord(three, "30.00"))), CHANNEL);
        } finally {
            jdbc.sql("drop trigger fail_claim_line on claim_line").update();
            jdbc.sql("drop function fail_claim_line()").update();
        }

        assertThat(results).extracting(InboundResult::outcome).containsExactly(InboundOutcome.ACCEPTED,
                InboundOutcome.UNKNOWN_CONVERSATION, InboundOutcome.INTERNAL_ERROR, InboundOutcome.ACCEPTED);
        assertThat(claimStatus(one)).isEqualTo("SALDO_CONFIRMED");
        assertThat(claimStatus(two)).isEqualTo("SALDO_REQUESTED");
        assertThat(claimStatus(three)).isEqualTo("SALDO_CONFIRMED");
        assertThat(count("select count(*) from status_history where claim_id = ?", two.conversation().claimId()))
                .isEqualTo(historyOfTwo);
        Snapshot after = snapshot();
        assertThat(after.inbound()).isEqualTo(before.inbound() + 2);
        assertThat(after.messages()).isEqualTo(before.messages() + 2);
        // The claim that failed can be answered properly afterwards.
        assertThat(door.receive(creditor(), InboundItem.of(saldoAntwoord(two, "20.00")), CHANNEL).outcome())
                .isEqualTo(InboundOutcome.ACCEPTED);
    }

    @Test
    void aMessageThatCouldNotBeReadIsRefusedAsSchemaInvalidWithItsReason() {
        Delivered delivered = deliveredSaldoverzoek();
        UUID reference = UUID.randomUUID();
        Snapshot before = snapshot();

        List<InboundResult> results = door.receiveEach(creditor(), List.of(
                InboundItem.unreadable(reference, "KlantnummerSE is missing"),
                InboundItem.unreadable(null, "no header")), CHANNEL);

        assertThat(results).extracting(InboundResult::reference, InboundResult::outcome, InboundResult::detail)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(reference, InboundOutcome.SCHEMA_INVALID, "KlantnummerSE is missing"),
                        org.assertj.core.groups.Tuple.tuple(null, InboundOutcome.SCHEMA_INVALID, "no header"));
        assertThatThrownBy(() -> door.receive(creditor(), InboundItem.unreadable(reference, "bad"), CHANNEL))
                .isInstanceOfSatisfying(InboundRejectedException.class, e -> {
                    assertThat(e.outcome()).isEqualTo(InboundOutcome.SCHEMA_INVALID);
                    assertThat(e.kind()).isEqualTo(Refusal.Kind.INVALID);
                    assertThat(e.code()).isEqualTo("inbound-schema-invalid");
                });
        assertThat(snapshot()).isEqualTo(before);
        assertThat(claimStatus(delivered)).isEqualTo("SALDO_REQUESTED");
    }

    // ------------------------------------------------------------------ all or nothing

    @Test
    void allOrNothingWithBadMessagesChangesNothingListsEveryErrorAndMarksTheOthersNotProcessed() {
        Delivered one = deliveredSaldoverzoek();
        Delivered two = deliveredSaldoverzoek();
        Delivered three = deliveredSaldoverzoek();
        Message good1 = saldoAntwoord(one, "10.00");
        Message good2 = saldoAntwoord(three, "30.00");
        Snapshot before = snapshot();

        List<InboundResult> results = door.receiveAllOrNothing(creditor(), List.of(
                InboundItem.of(good1),
                InboundItem.of(betaalvoorstelAntwoord(two)),
                InboundItem.of(good2),
                InboundItem.of(good2),
                InboundItem.of(inUnknownConversation(saldoAntwoord(two, "20.00"))),
                InboundItem.unreadable(UUID.randomUUID(), "Bedrag is not a number")), CHANNEL);

        assertThat(results).extracting(InboundResult::outcome).containsExactly(InboundOutcome.NOT_PROCESSED,
                InboundOutcome.REPLY_NOT_PERMITTED, InboundOutcome.NOT_PROCESSED, InboundOutcome.NOT_PROCESSED,
                InboundOutcome.UNKNOWN_CONVERSATION, InboundOutcome.SCHEMA_INVALID);
        assertThat(results).noneMatch(InboundResult::replay);
        assertThat(snapshot()).isEqualTo(before);
        assertThat(List.of(claimStatus(one), claimStatus(two), claimStatus(three))).containsOnly("SALDO_REQUESTED");

        // Nothing of it was kept: the good ones sent again are new, not replays.
        List<InboundResult> again = door.receiveAllOrNothing(creditor(), List.of(InboundItem.of(good1),
                InboundItem.of(good2)), CHANNEL);
        assertThat(again).allSatisfy(r -> {
            assertThat(r.outcome()).isEqualTo(InboundOutcome.ACCEPTED);
            assertThat(r.replay()).isFalse();
        });
    }

    @Test
    void allOrNothingWithOnlyGoodMessagesAppliesThemAll() {
        Delivered one = deliveredSaldoverzoek();
        Delivered two = deliveredSaldoverzoek();
        Message first = saldoAntwoord(one, "10.00");
        Snapshot before = snapshot();

        List<InboundResult> results = door.receiveAllOrNothing(creditor(), List.of(InboundItem.of(first),
                InboundItem.of(saldoAntwoord(two, "20.00")), InboundItem.of(first)), CHANNEL);

        assertThat(results).extracting(InboundResult::outcome).containsOnly(InboundOutcome.ACCEPTED);
        assertThat(results).extracting(InboundResult::replay).containsExactly(false, false, true);
        assertThat(List.of(claimStatus(one), claimStatus(two))).containsOnly("SALDO_CONFIRMED");
        assertThat(jdbc.sql("select status from dossier where id = ?").param(one.conversation().dossierId())
                .query(String.class).single()).isEqualTo("PROPOSAL_READY");
        Snapshot after = snapshot();
        assertThat(after.inbound()).isEqualTo(before.inbound() + 2);
        assertThat(after.messages()).isEqualTo(before.messages() + 2);
    }

    // ------------------------------------------------------------------ commits

    @Test
    void aBatchCostsOneCommitHoweverManyMessagesItHolds() {
        int n = 20;
        List<InboundItem> each = new ArrayList<>();
        List<InboundItem> whole = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            each.add(InboundItem.of(saldoAntwoord(deliveredSaldoverzoek(), "1.00")));
            whole.add(InboundItem.of(saldoAntwoord(deliveredSaldoverzoek(), "2.00")));
        }
        // One of the each-mode messages is refused: a savepoint rolled back is no commit either.
        each.set(7, InboundItem.of(betaalvoorstelAntwoord(deliveredSaldoverzoek())));

        commits.reset();
        List<InboundResult> eachResults = door.receiveEach(creditor(), each, CHANNEL);
        int eachCommits = commits.count();
        commits.reset();
        List<InboundResult> wholeResults = door.receiveAllOrNothing(creditor(), whole, CHANNEL);
        int wholeCommits = commits.count();

        assertThat(eachResults).filteredOn(r -> r.outcome() == InboundOutcome.ACCEPTED).hasSize(n - 1);
        assertThat(wholeResults).extracting(InboundResult::outcome).containsOnly(InboundOutcome.ACCEPTED).hasSize(n);
        assertThat(eachCommits).as("commits for %d messages each on its own", n).isEqualTo(1);
        assertThat(wholeCommits).as("commits for %d messages all or nothing", n).isEqualTo(1);
    }

    // ------------------------------------------------------------------ fixture

    /** A dossier with one claim at the SOAP creditor, whose Saldoverzoek reached it. */
    private record Delivered(Conversation conversation, UUID saldoverzoek, String shvOin, String creditorOin) {}

    /** Everything an incoming message could change. */
    private record Snapshot(long inbound, long messages, long history, long audit, List<String> claimStatuses) {}

    private Delivered deliveredSaldoverzoek() {
        Participant shv = participants.findByOin(Dossiers.SHV).orElseThrow();
        ClientData client = new ClientData("K-1", new ClientData.Person("V", "T.", null, null, "Testpersoon",
                LocalDate.of(1980, 1, 1), null), null,
                new ClientData.Address("Teststraat", 1, null, null, "1000AA", "Teststad", null, null),
                new ClientData.ContactPerson("Consulent", null, null));
        UUID dossierId = intake.submit(shv, new DossierSubmission(Dossiers.SHV, Dossiers.newReference(), SettlementType.SK,
                client, List.of(new DossierSubmission.ClaimSubmission(Dossiers.CREDITOR_SOAP, null, List.of("F-1"),
                        new BigDecimal("100.00")))), null).dossierId();
        Conversation conversation = conversations.findByClaim(dossiers.get(dossierId).claims().get(0).id()).orElseThrow();
        UUID saldoverzoek = jdbc.sql("select reference from outbound_message where dossier_id = ? and message_type = 'Saldoverzoek'")
                .param(dossierId).query(UUID.class).single();
        // The engine is off: the Saldoverzoek is marked delivered as the SOAP channel would.
        jdbc.sql("update outbound_message set status = 'DELIVERED' where reference = ?").param(saldoverzoek).update();
        return new Delivered(conversation, saldoverzoek, Dossiers.SHV, Dossiers.CREDITOR_SOAP);
    }

    private Participant creditor() {
        return participants.findByOin(Dossiers.CREDITOR_SOAP).orElseThrow();
    }

    private static Message saldoAntwoord(Delivered d, String amount) {
        return answer(d, MessageType.SALDOVERZOEK_ANTWOORD, new SaldoverzoekAntwoord("K-1", "SE-1",
                new Contactpersoon("Afdeling Incasso", null, null), LocalDate.now(), List.of(new VorderingSE("F-1", null,
                        Schuldtype.OPENSTAAND, VorderingsType.CONCURRENT, null, null, null, null, null,
                        new BigDecimal(amount), null, null))));
    }

    /** An answer whose line the test's trigger refuses to store. */
    private static Message failsAfterWrites(Delivered d) {
        return answer(d, MessageType.SALDOVERZOEK_ANTWOORD, new SaldoverzoekAntwoord("K-1", "SE-1",
                new Contactpersoon("Afdeling Incasso", null, null), LocalDate.now(), List.of(new VorderingSE(
                        "FAILS-AFTER-WRITES", null, Schuldtype.OPENSTAAND, VorderingsType.CONCURRENT, null, null, null,
                        null, null, new BigDecimal("20.00"), null, null))));
    }

    /** An answer of a type that may not answer a Saldoverzoek. */
    private static Message betaalvoorstelAntwoord(Delivered d) {
        return answer(d, MessageType.BETAALVOORSTEL_ANTWOORD, new BetaalvoorstelAntwoord("K-1", "SE-1",
                Beslissing.AKKOORD, null, null, new Contactpersoon("Afdeling Incasso", null, null)));
    }

    private static Message answer(Delivered d, MessageType type, MessageBody body) {
        return new Message(new Header(UUID.randomUUID(), d.conversation().reference(), d.saldoverzoek(),
                Header.CURRENT_VERSIE, type, d.creditorOin(), d.shvOin(), OffsetDateTime.now(ZoneOffset.UTC)), body);
    }

    private static Message inUnknownConversation(Message m) {
        Header h = m.header();
        return new Message(new Header(h.referentienummer(), UUID.randomUUID(), h.crossReferentienummer(), h.versie(),
                h.berichttype(), h.afzenderOin(), h.ontvangerOin(), h.aangemaakt()), m.body());
    }

    private String claimStatus(Delivered d) {
        return jdbc.sql("select status from claim where id = ?").param(d.conversation().claimId()).query(String.class).single();
    }

    private long count(String sql, Object param) {
        return jdbc.sql(sql).param(param).query(Long.class).single();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private Snapshot snapshot() {
        return new Snapshot(count("select count(*) from inbound_message"), count("select count(*) from message"),
                count("select count(*) from status_history"), count("select count(*) from personal_data_access"),
                jdbc.sql("select id || ':' || status from claim order by id").query(String.class).list());
    }

    private long sessionsWaitingForALock() {
        return count("select count(*) from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()");
    }

    /** Commits of real transactions (not savepoints) made on the test's thread. */
    private static final class CommitCounter implements TransactionExecutionListener {
        private final Thread thread = Thread.currentThread();
        private final AtomicInteger commits = new AtomicInteger();

        @Override
        public void afterCommit(TransactionExecution transaction, Throwable failure) {
            if (failure == null && transaction.isNewTransaction() && !transaction.isNested()
                    && Thread.currentThread() == thread) {
                commits.incrementAndGet();
            }
        }

        void reset() {
            commits.set(0);
        }

        int count() {
            return commits.get();
        }
    }
}
