package nl.knooppunt.gateway.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.knooppunt.gateway.conversation.Conversation;
import nl.knooppunt.gateway.dossier.DossierService;
import nl.knooppunt.gateway.inbound.InboundDoor;
import nl.knooppunt.gateway.inbound.InboundItem;
import nl.knooppunt.gateway.inbound.InboundOutcome;
import nl.knooppunt.gateway.outbound.BatchSender;
import nl.knooppunt.gateway.outbound.Mailbox;
import nl.knooppunt.gateway.registry.ParticipantKind;
import nl.knooppunt.gateway.registry.ParticipantRepository;
import nl.knooppunt.gateway.support.ApiClient;
import nl.knooppunt.gateway.support.FirstLeg;
import nl.knooppunt.gateway.support.MutableClock;
import nl.knooppunt.gateway.support.ScriptedChannels;
import nl.knooppunt.mappings.canonical.Contactpersoon;
import nl.knooppunt.mappings.canonical.Header;
import nl.knooppunt.mappings.canonical.Message;
import nl.knooppunt.mappings.canonical.MessageType;
import nl.knooppunt.mappings.canonical.SaldoverzoekAntwoord;
import nl.knooppunt.mappings.canonical.Schuldtype;
import nl.knooppunt.mappings.canonical.StatusberichtSHV;
import nl.knooppunt.mappings.canonical.StatuscodeSHV;
import nl.knooppunt.mappings.canonical.VorderingSE;
import nl.knooppunt.mappings.canonical.VorderingsType;
import org.apache.camel.CamelContext;
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

/**
 * Answer deadlines in Dutch working days (issue 14, item 9), through the real parts: dossiers
 * submitted through the intake, Saldoverzoeken sent by the real outbound engine (scripted channels)
 * or placed in and fetched from the real mailbox, answers through the inbound door, the SHV API over
 * TLS, and a clock the test moves. The scan is driven by calling {@link AnswerDeadlines#handleDue()};
 * the {@code answer-deadlines} route also runs every 200 ms here, so every assertion is about state,
 * never about how many deadlines one call handled, and a scan that should change something is repeated
 * until it did (the route's scan may hold the deadline at that moment: {@code skip locked}). Two
 * scanners at once also show that a reminder goes out once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"knooppunt.outbound.enabled=false", "knooppunt.workflow.deadline-scan-interval=200ms"})
@ActiveProfiles({"test", "outbound-test"})
@Import({FirstLeg.class, ScriptedChannels.class, AnswerDeadlineTest.TestClock.class})
class AnswerDeadlineTest {

    /** Monday 14 December 2026, 10:00 in Amsterdam: ten working days later is past Christmas. */
    static final Instant MONDAY_BEFORE_CHRISTMAS = Instant.parse("2026-12-14T09:00:00Z");

    static final String SHV = "00000001001000000001";
    static final String OTHER_SHV = "00000001001000000002";
    /** REST creditor. */
    static final String A = "00000001003000000001";
    /** Mailbox creditor. */
    static final String M = "00000001003000000003";

    @TestConfiguration(proxyBeanMethods = false)
    static class TestClock {
        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock(MONDAY_BEFORE_CHRISTMAS);
        }
    }

    @Autowired MutableClock clock;
    @Autowired FirstLeg leg;
    @Autowired ScriptedChannels.Script channels;
    @Autowired BatchSender sender;
    @Autowired Mailbox mailbox;
    @Autowired InboundDoor door;
    @Autowired DossierIntake intake;
    @Autowired DossierService dossiers;
    @Autowired ParticipantRepository participants;
    @Autowired AnswerDeadlines deadlines;
    @Autowired CamelContext camel;
    @Autowired JdbcClient jdbc;
    @LocalServerPort int port;

    @BeforeEach
    void start() {
        jdbc.sql("truncate outbound_message_action, delivery_attempt, batch_member, outbound_batch, outbound_message")
                .update();
        channels.reset();
        clock.set(MONDAY_BEFORE_CHRISTMAS);
    }

    @Test
    void aCreditorThatNeverAnswersIsRemindedOnceThenOverdueAfterTenWorkingDaysAndTheShvProceedsWithoutIt()
            throws Exception {
        Conversation claim = leg.submit(SHV, false, "SE-K-1", A).get(A);
        clock.advance(Duration.ofHours(1));
        sender.sendDueBatches(A);
        UUID saldoverzoek = leg.saldoverzoek(claim);
        assertThat(leg.outboundStatus(saldoverzoek)).isEqualTo("DELIVERED");

        // Reached on Monday 14 December: working days 15-18, 21-24, (Christmas Friday 25 is a holiday) 28, 29.
        Map<String, Object> deadline = deadline(claim).orElseThrow();
        assertThat(deadline.get("due_on").toString()).isEqualTo("2026-12-29");
        assertThat(instant(deadline, "due_at")).isEqualTo(Instant.parse("2026-12-29T23:00:00Z"));
        // The reminder when two working days remain: after the 8th (Thursday 24 December).
        assertThat(instant(deadline, "remind_at")).isEqualTo(Instant.parse("2026-12-24T23:00:00Z"));
        JsonNode view = claimView(claim);
        assertThat(view.get("answerDueOn").asText()).isEqualTo("2026-12-29");
        assertThat(view.has("remindedAt")).isFalse();
        assertThat(view.get("overdue").asBoolean()).isFalse();

        // No reminder before its day.
        clock.set(Instant.parse("2026-12-24T22:59:59Z"));
        deadlines.handleDue();
        assertThat(reminders(claim)).isEmpty();

        // The reminder, once, however often the scan runs.
        clock.set(Instant.parse("2026-12-24T23:00:00Z"));
        scanUntil(() -> reminders(claim).size() == 1);
        deadlines.handleDue();
        clock.advance(Duration.ofHours(1));
        deadlines.handleDue();
        List<UUID> reminders = reminders(claim);
        assertThat(reminders).hasSize(1);
        Message reminder = leg.payload(reminders.get(0));
        assertThat(reminder.header().berichttype()).isEqualTo(MessageType.STATUSBERICHT_SHV);
        assertThat(reminder.header().conversatieReferentienummer()).isEqualTo(claim.reference());
        assertThat(reminder.header().ontvangerOin()).isEqualTo(A);
        assertThat(reminder.header().afzenderOin()).isEqualTo(SHV);
        assertThat(reminder.header().crossReferentienummer()).isNull();
        StatusberichtSHV body = (StatusberichtSHV) reminder.body();
        assertThat(body.statuscode()).isEqualTo(StatuscodeSHV.SALDI_OPVRAGEN);
        assertThat(body.klantnummerSHV()).isEqualTo("K-1");
        assertThat(body.statusdatum()).isEqualTo(LocalDate.of(2026, 12, 25));
        assertThat(body.verwachteVervolgdatum()).isEqualTo(LocalDate.of(2026, 12, 29));
        assertThat(body.toelichting()).startsWith("Herinnering").contains(saldoverzoek.toString())
                .contains("2026-12-29");
        assertThat(jdbc.sql("select count(*) from message where reference = ? and message_type = 'StatusberichtSHV'")
                .param(reminders.get(0)).query(Long.class).single()).isEqualTo(1);
        // The reminder really goes out through the engine, to the creditor.
        clock.advance(Duration.ofHours(1));
        sender.sendDueBatches(A);
        assertThat(leg.outboundStatus(reminders.get(0))).isEqualTo("DELIVERED");
        assertThat(claimView(claim).has("remindedAt")).isTrue();

        // Without the Christmas holiday the term would end with Monday 28 December: not yet.
        clock.set(Instant.parse("2026-12-28T23:00:00Z"));
        deadlines.handleDue();
        assertThat(leg.claimStatus(claim)).isEqualTo("SALDO_REQUESTED");
        clock.set(Instant.parse("2026-12-29T22:59:59Z"));
        deadlines.handleDue();
        assertThat(leg.claimStatus(claim)).isEqualTo("SALDO_REQUESTED");

        // The term is over: OVERDUE, caused by the deadline, the due date in the note.
        clock.set(Instant.parse("2026-12-29T23:00:00Z"));
        scanUntil(() -> "OVERDUE".equals(leg.claimStatus(claim)));
        assertThat(leg.claimStatus(claim)).isEqualTo("OVERDUE");
        assertThat(leg.lastClaimChange(claim)).containsEntry("from_status", "SALDO_REQUESTED")
                .containsEntry("to_status", "OVERDUE").containsEntry("cause_type", "SYSTEM")
                .containsEntry("cause_reference", "answer-deadline");
        assertThat(leg.lastClaimChange(claim).get("note").toString()).contains("2026-12-29");
        assertThat(leg.dossierStatus(claim.dossierId())).isEqualTo("SALDO_INVENTORY");
        assertThat(claimView(claim).get("overdue").asBoolean()).isTrue();
        assertThat(reminders(claim)).hasSize(1);

        // The SHV proceeds without the creditor: claims complete, no database work.
        ApiClient.Response proceeded = shv().post(proceedPath(claim), "");
        assertThat(proceeded.status()).isEqualTo(200);
        assertThat(leg.claimStatus(claim)).isEqualTo("PASSED_OVER");
        assertThat(leg.lastClaimChange(claim)).containsEntry("cause_type", "USER").containsEntry("cause_reference", SHV);
        assertThat(leg.dossierStatus(claim.dossierId())).isEqualTo("PROPOSAL_READY");
        assertThat(proceeded.json().get("status").asText()).isEqualTo("PROPOSAL_READY");
        assertThat(deadline(claim).orElseThrow().get("closed_at")).isNotNull();
        long history = leg.claimHistory(claim);

        // Asked again: nothing changes, same answer.
        ApiClient.Response again = shv().post(proceedPath(claim), "");
        assertThat(again.status()).isEqualTo(200);
        assertThat(leg.claimHistory(claim)).isEqualTo(history);

        // A late answer still counts.
        assertThat(door.receive(leg.participant(A), InboundItem.of(saldoAntwoord(claim, saldoverzoek, "80.00")), "test")
                .outcome()).isEqualTo(InboundOutcome.ACCEPTED);
        assertThat(leg.claimStatus(claim)).isEqualTo("SALDO_CONFIRMED");
        assertThat(leg.dossierStatus(claim.dossierId())).isEqualTo("PROPOSAL_READY");
    }

    @Test
    void aLateAnswerAfterTheTermCountsAndClosesTheDeadline() throws Exception {
        Map<String, Conversation> dossier = leg.submit(SHV, false, "SE-K-1", A);
        Conversation claim = dossier.get(A);
        clock.advance(Duration.ofHours(1));
        sender.sendDueBatches(A);
        clock.set(Instant.parse("2026-12-30T08:00:00Z"));
        scanUntil(() -> "OVERDUE".equals(leg.claimStatus(claim)));
        assertThat(leg.claimStatus(claim)).isEqualTo("OVERDUE");
        // Reminder and escalation both due when the scan came late: no reminder after the term.
        assertThat(reminders(claim)).isEmpty();

        assertThat(door.receive(leg.participant(A), InboundItem.of(saldoAntwoord(claim, leg.saldoverzoek(claim), "12.00")),
                "test").outcome()).isEqualTo(InboundOutcome.ACCEPTED);

        assertThat(leg.claimStatus(claim)).isEqualTo("SALDO_CONFIRMED");
        assertThat(leg.dossierStatus(claim.dossierId())).isEqualTo("PROPOSAL_READY");
        assertThat(deadline(claim).orElseThrow().get("closed_at")).isNotNull();
        assertThat(claimView(claim).get("overdue").asBoolean()).isFalse();
    }

    @Test
    void anAnswerWithinTheTermClosesTheDeadlineNoReminderNoEscalationLater() throws Exception {
        Map<String, Conversation> dossier = leg.submit(SHV, false, "SE-K-1", A);
        Conversation claim = dossier.get(A);
        clock.advance(Duration.ofHours(1));
        sender.sendDueBatches(A);
        clock.advance(Duration.ofDays(2));
        door.receive(leg.participant(A), InboundItem.of(saldoAntwoord(claim, leg.saldoverzoek(claim), "10.00")), "test");
        Map<String, Object> deadline = deadline(claim).orElseThrow();
        assertThat(deadline.get("closed_at")).isNotNull();
        assertThat(deadline.get("next_action_at")).isNull();

        clock.set(Instant.parse("2027-01-15T12:00:00Z"));
        deadlines.handleDue();

        assertThat(reminders(claim)).isEmpty();
        assertThat(leg.claimStatus(claim)).isEqualTo("SALDO_CONFIRMED");
        assertThat(jdbc.sql("select count(*) from status_history where claim_id = ? and to_status = 'OVERDUE'")
                .param(claim.claimId()).query(Long.class).single()).isZero();
    }

    @Test
    void forAMailboxCreditorTheTermStartsWhenItFetchesTheSaldoverzoekNotWhenItIsPlaced() throws Exception {
        Conversation claim = leg.submit(SHV, false, "SE-K-1", M).get(M);
        clock.advance(Duration.ofHours(1));
        sender.sendDueBatches(M);
        UUID saldoverzoek = leg.saldoverzoek(claim);
        assertThat(leg.outboundStatus(saldoverzoek)).isEqualTo("IN_MAILBOX");
        assertThat(deadline(claim)).isEmpty();
        assertThat(claimView(claim).has("answerDueOn")).isFalse();

        // Fetched on Thursday 17 December: working days 18, 21-24, 28-31, 4 January (New Year's Day is a holiday).
        clock.set(Instant.parse("2026-12-17T14:00:00Z"));
        Mailbox.Page page = mailbox.fetch(leg.participant(M), "test", 10, null, false);
        assertThat(page.items()).extracting(Mailbox.Item::reference).contains(saldoverzoek);

        Map<String, Object> deadline = deadline(claim).orElseThrow();
        assertThat(instant(deadline, "reached_at")).isEqualTo(Instant.parse("2026-12-17T14:00:00Z"));
        assertThat(deadline.get("due_on").toString()).isEqualTo("2027-01-04");
        // Fetched again: still the one deadline from the first fetch.
        clock.advance(Duration.ofHours(2));
        mailbox.fetch(leg.participant(M), "test", 10, null, true);
        assertThat(jdbc.sql("select count(*) from claim_deadline where claim_id = ?").param(claim.claimId())
                .query(Long.class).single()).isEqualTo(1);

        assertThat(mailbox.confirm(leg.participant(M), List.of(saldoverzoek))).containsExactly(Mailbox.Confirmation.CONFIRMED);

        // Not overdue at the end of the 10th working day after placement (Tuesday 29 December).
        clock.set(Instant.parse("2026-12-29T23:00:00Z"));
        deadlines.handleDue();
        assertThat(leg.claimStatus(claim)).isEqualTo("SALDO_REQUESTED");
        assertThat(reminders(claim)).isEmpty();
        // The reminder after the 8th working day (Wednesday 30 December) goes into its mailbox.
        clock.set(Instant.parse("2026-12-30T23:00:00Z"));
        scanUntil(() -> reminders(claim).size() == 1);
        List<UUID> reminders = reminders(claim);
        assertThat(reminders).hasSize(1);
        clock.advance(Duration.ofHours(1));
        sender.sendDueBatches(M);
        Mailbox.Page next = mailbox.fetch(leg.participant(M), "test", 10, null, false);
        assertThat(next.items()).extracting(Mailbox.Item::messageType).contains("StatusberichtSHV");

        clock.set(Instant.parse("2027-01-04T23:00:00Z"));
        scanUntil(() -> "OVERDUE".equals(leg.claimStatus(claim)));
        assertThat(leg.claimStatus(claim)).isEqualTo("OVERDUE");
    }

    @Test
    void proceedingWithoutIsRefusedForAClaimNotOverdueAndDoesNotExistForAnotherShv() throws Exception {
        Conversation claim = leg.submit(SHV, false, "SE-K-1", A).get(A);
        clock.advance(Duration.ofHours(1));
        sender.sendDueBatches(A);
        long history = leg.claimHistory(claim);

        ApiClient.Response refused = shv().post(proceedPath(claim), "");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("type").asText()).isEqualTo("urn:knooppunt:problem:claim-not-overdue");
        assertThat(leg.claimStatus(claim)).isEqualTo("SALDO_REQUESTED");
        assertThat(leg.claimHistory(claim)).isEqualTo(history);

        // Overdue now, but asked by an SHV that does not own the dossier: it does not exist for it.
        clock.set(Instant.parse("2026-12-30T08:00:00Z"));
        scanUntil(() -> "OVERDUE".equals(leg.claimStatus(claim)));
        assertThat(leg.claimStatus(claim)).isEqualTo("OVERDUE");
        participants.upsert(OTHER_SHV, ParticipantKind.SHV, "Kredietbank Rivierenland", true, Optional.empty());
        ApiClient other = ApiClient.participant("kredietbank-rivierenland", port);
        assertThat(other.post(proceedPath(claim), "").status()).isEqualTo(404);
        assertThat(other.get("/api/v1/dossiers/" + claim.dossierId()).status()).isEqualTo(404);
        assertThat(leg.claimStatus(claim)).isEqualTo("OVERDUE");
        // A claim that is not in this dossier: 404 too.
        assertThat(shv().post("/api/v1/dossiers/" + claim.dossierId() + "/claims/" + UUID.randomUUID()
                + "/proceed-without", "").status()).isEqualTo(404);
    }

    @Test
    void theRouteRunsTheScanOnItsOwn() throws Exception {
        assertThat(camel.getRoute(AnswerDeadlineRoutes.ROUTE)).isNotNull();
        Conversation claim = leg.submit(SHV, false, "SE-K-1", A).get(A);
        clock.advance(Duration.ofHours(1));
        sender.sendDueBatches(A);
        clock.set(Instant.parse("2026-12-30T08:00:00Z"));

        await().atMost(Duration.ofSeconds(30)).until(() -> "OVERDUE".equals(leg.claimStatus(claim)));
    }

    @Test
    void theDueTimeQueryUsesThePartialIndexWhateverTheNumberOfWaitingDeadlines() throws Exception {
        Conversation claim = leg.submit(SHV, false, "SE-K-1", A).get(A);
        // 20,000 deadlines waiting far in the future, a few due.
        jdbc.sql("""
                        insert into claim_deadline (claim_id, dossier_id, message_reference, reached_at, due_at, due_on,
                                                    next_action_at, closed_at)
                        select :claim, :dossier, md5(random()::text || i)::uuid, now(), now(), current_date,
                               case when i % 4 = 0 then null else timestamptz '2099-01-01' + i * interval '1 minute' end,
                               case when i % 4 = 0 then now() end
                          from generate_series(1, 20000) i
                        """)
                .param("claim", claim.claimId()).param("dossier", claim.dossierId()).update();
        try {
            jdbc.sql("analyze claim_deadline").update();
            List<String> plan = jdbc.sql("explain " + AnswerDeadlineRepository.DUE)
                    .param("now", OffsetDateTime.parse("2026-12-30T08:00:00Z")).param("limit", 200)
                    .query(String.class).list();
            assertThat(String.join("\n", plan)).contains("Index Scan using claim_deadline_next_action_idx")
                    .doesNotContain("Seq Scan");
            assertThat(jdbc.sql("select indexdef from pg_indexes where indexname = 'claim_deadline_next_action_idx'")
                    .query(String.class).single()).contains("(next_action_at)").contains("WHERE (next_action_at IS NOT NULL)");
        } finally {
            jdbc.sql("delete from claim_deadline where claim_id = ?").param(claim.claimId()).update();
        }
    }

    // ------------------------------------------------------------ fixture

    /** Scans until the condition holds: the route's concurrent scan may hold the deadline meanwhile. */
    private void scanUntil(java.util.concurrent.Callable<Boolean> condition) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            deadlines.handleDue();
            return condition.call();
        });
    }

    private ApiClient shv() {
        return ApiClient.participant("gemeente-voorbeeldstad", port);
    }

    private static String proceedPath(Conversation c) {
        return "/api/v1/dossiers/" + c.dossierId() + "/claims/" + c.claimId() + "/proceed-without";
    }

    private List<UUID> reminders(Conversation c) {
        return jdbc.sql("select reference from outbound_message where claim_id = ? and message_type = 'StatusberichtSHV'")
                .param(c.claimId()).query(UUID.class).list();
    }

    private Optional<Map<String, Object>> deadline(Conversation c) {
        return jdbc.sql("select * from claim_deadline where claim_id = ? order by id desc limit 1")
                .param(c.claimId()).query().listOfRows().stream().findFirst();
    }

    private static Instant instant(Map<String, Object> row, String column) {
        return ((java.sql.Timestamp) row.get(column)).toInstant();
    }

    private Message saldoAntwoord(Conversation c, UUID answered, String amount) {
        VorderingSE line = new VorderingSE("SE-F-1", null, Schuldtype.OPENSTAAND, VorderingsType.CONCURRENT, null,
                null, null, null, null, new BigDecimal(amount), null, null);
        String creditorOin = jdbc.sql("select p.oin from claim c join participant p on p.id = c.creditor_id where c.id = ?")
                .param(c.claimId()).query(String.class).single();
        return new Message(new Header(UUID.randomUUID(), c.reference(), answered, Header.CURRENT_VERSIE,
                MessageType.SALDOVERZOEK_ANTWOORD, creditorOin, SHV, OffsetDateTime.now(ZoneOffset.UTC)),
                new SaldoverzoekAntwoord("K-1", "SE-K-1", new Contactpersoon("Afdeling Incasso", null, null),
                        LocalDate.of(2026, 12, 15), List.of(line)));
    }

    private JsonNode claimView(Conversation c) {
        JsonNode view = shv().get("/api/v1/dossiers/" + c.dossierId()).json();
        for (JsonNode claim : view.get("claims")) {
            if (claim.get("id").asText().equals(c.claimId().toString())) {
                return claim;
            }
        }
        throw new AssertionError("no claim " + c.claimId());
    }
}
