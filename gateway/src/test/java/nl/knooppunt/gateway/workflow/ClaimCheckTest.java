package nl.knooppunt.gateway.workflow;

import static nl.knooppunt.gateway.support.FirstLeg.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.knooppunt.gateway.conversation.Conversation;
import nl.knooppunt.gateway.dossier.DossierService;
import nl.knooppunt.gateway.inbound.InboundDoor;
import nl.knooppunt.gateway.inbound.InboundItem;
import nl.knooppunt.gateway.inbound.InboundOutcome;
import nl.knooppunt.gateway.inbound.InboundRejectedException;
import nl.knooppunt.gateway.inbound.InboundResult;
import nl.knooppunt.gateway.outbound.BatchSender;
import nl.knooppunt.gateway.outbound.DeliveryFailure;
import nl.knooppunt.gateway.outbound.MailboxExpiry;
import nl.knooppunt.gateway.outbound.OutboundMessages;
import nl.knooppunt.gateway.support.ApiClient;
import nl.knooppunt.gateway.support.FirstLeg;
import nl.knooppunt.gateway.support.MutableClock;
import nl.knooppunt.gateway.support.ScriptedChannels;
import nl.knooppunt.mappings.canonical.Contactpersoon;
import nl.knooppunt.mappings.canonical.GeenMedewerking;
import nl.knooppunt.mappings.canonical.Message;
import nl.knooppunt.mappings.canonical.MessageType;
import nl.knooppunt.mappings.canonical.RedenGeenMedewerking;
import nl.knooppunt.mappings.canonical.SaldoverzoekAntwoord;
import nl.knooppunt.mappings.canonical.Schuldtype;
import nl.knooppunt.mappings.canonical.VorderingSE;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
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
 * The first leg of the settlement (issue 14) as the process runs it: dossiers submitted through the
 * intake, Saldoverzoeken sent by the real outbound engine (scripted channels, a clock the test
 * moves) and creditors' answers handed to the inbound door as a channel would. Statuses are read
 * from the database as text, so the test says what the SHV sees.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "knooppunt.outbound.enabled=false")
@ActiveProfiles({"test", "outbound-test"})
@Import({FirstLeg.class, ScriptedChannels.class, ClaimCheckTest.TestClock.class})
class ClaimCheckTest {

    /** Monday 23 November 2026, 10:00 in Amsterdam. */
    static final Instant MONDAY_MORNING = Instant.parse("2026-11-23T09:00:00Z");

    static final String SHV = "00000001001000000001";
    /** REST creditor, batches of 3. */
    static final String A = "00000001003000000001";
    /** SOAP creditor. */
    static final String B = "00000001003000000002";
    /** Mailbox creditor. */
    static final String M = "00000001003000000003";
    /** REST creditor the tests make fail. */
    static final String F = "00000001003000000004";

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
    @Autowired ScriptedChannels.Script channels;
    @Autowired BatchSender sender;
    @Autowired MailboxExpiry expiry;
    @Autowired OutboundMessages messages;
    @Autowired InboundDoor door;
    @Autowired DossierIntake intake;
    @Autowired DossierService dossiers;
    @Autowired JdbcClient jdbc;
    @LocalServerPort int port;

    @BeforeEach
    void start() {
        // Only this test's messages in the outbox, so that sendDueBatches sends nothing left over.
        jdbc.sql("truncate outbound_message_action, delivery_attempt, batch_member, outbound_batch, outbound_message")
                .update();
        channels.reset();
        clock.set(MONDAY_MORNING);
    }

    // ------------------------------------------------------------ defect 1: answers the creditor could give

    @Test
    void anAnswerToASaldoverzoekStillBatchedIsAcceptedAndTheMessageCountsAsReached() throws Exception {
        Map<String, Conversation> dossier = leg.submit(F);
        channels.set(F, ScriptedChannels.CONNECTION_REFUSED);
        clock.advance(Duration.ofHours(1));
        // The creditor's system took the batch, but the answer to the call was lost: a retry waits.
        assertThatThrownBy(() -> sender.sendDueBatches(F)).isInstanceOf(DeliveryFailure.class);
        UUID saldoverzoek = leg.saldoverzoek(dossier.get(F));
        assertThat(leg.outboundStatus(saldoverzoek)).isEqualTo("BATCHED");

        InboundResult result = door.receive(leg.participant(F), InboundItem.of(saldoAntwoord(dossier.get(F), saldoverzoek,
                line(Schuldtype.OPENSTAAND, "120.00", null))), "test");

        assertThat(result.outcome()).isEqualTo(InboundOutcome.ACCEPTED);
        assertThat(leg.outboundStatus(saldoverzoek)).isEqualTo("DELIVERED");
        assertThat(leg.claimStatus(dossier.get(F))).isEqualTo("SALDO_CONFIRMED");
        assertThat(leg.dossierStatus(dossier.get(F).dossierId())).isEqualTo("PROPOSAL_READY");
        // The retry that follows changes nothing: the message stays reached, no dead letter.
        channels.set(F, ScriptedChannels.ACCEPT);
        clock.advance(Duration.ofHours(1));
        sender.sendDueBatches(F);
        assertThat(leg.outboundStatus(saldoverzoek)).isEqualTo("DELIVERED");
        assertThat(leg.claimStatus(dossier.get(F))).isEqualTo("SALDO_CONFIRMED");
    }

    @Test
    void aSaldoverzoekThatDiesLeavesItsClaimNotReachedAndTheDossierMovesOnAndALateAnswerCountsStill()
            throws Exception {
        Map<String, Conversation> dossier = leg.submit(F, B);
        channels.set(F, ScriptedChannels.CONNECTION_REFUSED);
        clock.advance(Duration.ofHours(1));
        sender.sendDueBatches(B);
        door.receive(leg.participant(B), InboundItem.of(saldoAntwoord(dossier.get(B), leg.saldoverzoek(dossier.get(B)),
                line(Schuldtype.OPENSTAAND, "50.00", null))), "test");
        assertThat(leg.dossierStatus(dossier.get(B).dossierId())).isEqualTo("SALDO_INVENTORY");

        dieAfterThreeAttempts(F);
        UUID saldoverzoek = leg.saldoverzoek(dossier.get(F));
        assertThat(leg.outboundStatus(saldoverzoek)).isEqualTo("DEAD");
        assertThat(leg.claimStatus(dossier.get(F))).isEqualTo("NOT_REACHED");
        assertThat(leg.lastClaimChange(dossier.get(F))).containsEntry("from_status", "SALDO_REQUESTED")
                .containsEntry("to_status", "NOT_REACHED").containsEntry("cause_type", "MESSAGE")
                .containsEntry("cause_reference", saldoverzoek.toString());
        // No dossier waits forever for a creditor it cannot reach.
        assertThat(leg.dossierStatus(dossier.get(F).dossierId())).isEqualTo("PROPOSAL_READY");

        // The creditor got it after all (the last attempt's answer was lost): its answer counts.
        InboundResult late = door.receive(leg.participant(F), InboundItem.of(saldoAntwoord(dossier.get(F), saldoverzoek,
                line(Schuldtype.OPENSTAAND, "75.00", null))), "test");
        assertThat(late.outcome()).isEqualTo(InboundOutcome.ACCEPTED);
        assertThat(leg.outboundStatus(saldoverzoek)).isEqualTo("DELIVERED");
        assertThat(leg.claimStatus(dossier.get(F))).isEqualTo("SALDO_CONFIRMED");
        assertThat(leg.confirmedAmount(dossier.get(F))).isEqualByComparingTo("75.00");
    }

    @Test
    void aDeadSaldoverzoekResubmittedByAnOperatorAndDeliveredPutsItsClaimBackToSaldoRequested() throws Exception {
        Map<String, Conversation> dossier = leg.submit(F);
        channels.set(F, ScriptedChannels.CONNECTION_REFUSED);
        clock.advance(Duration.ofHours(1));
        dieAfterThreeAttempts(F);
        UUID saldoverzoek = leg.saldoverzoek(dossier.get(F));
        assertThat(leg.claimStatus(dossier.get(F))).isEqualTo("NOT_REACHED");

        messages.resubmit(saldoverzoek, "operator-test");
        channels.set(F, ScriptedChannels.ACCEPT);
        clock.advance(Duration.ofHours(1));
        assertThat(sender.sendDueBatches(F)).isEqualTo(1);

        assertThat(leg.outboundStatus(saldoverzoek)).isEqualTo("DELIVERED");
        assertThat(leg.claimStatus(dossier.get(F))).isEqualTo("SALDO_REQUESTED");
        assertThat(leg.lastClaimChange(dossier.get(F))).containsEntry("from_status", "NOT_REACHED")
                .containsEntry("to_status", "SALDO_REQUESTED").containsEntry("cause_reference", saldoverzoek.toString());
        // Its answer then counts as any other.
        door.receive(leg.participant(F), InboundItem.of(saldoAntwoord(dossier.get(F), saldoverzoek,
                line(Schuldtype.OPENSTAAND, "42.00", null))), "test");
        assertThat(leg.claimStatus(dossier.get(F))).isEqualTo("SALDO_CONFIRMED");
    }

    @Test
    void aMailboxSaldoverzoekThatExpiresLeavesItsClaimNotReachedAndALateAnswerCountsStill() throws Exception {
        Map<String, Conversation> dossier = leg.submit(M);
        clock.advance(Duration.ofHours(1));
        sender.sendDueBatches(M);
        UUID saldoverzoek = leg.saldoverzoek(dossier.get(M));
        assertThat(leg.outboundStatus(saldoverzoek)).isEqualTo("IN_MAILBOX");
        clock.advance(Duration.ofDays(30));
        assertThat(expiry.expireOverdue()).isEqualTo(1);
        assertThat(leg.outboundStatus(saldoverzoek)).isEqualTo("EXPIRED");
        assertThat(leg.claimStatus(dossier.get(M))).isEqualTo("NOT_REACHED");
        assertThat(leg.dossierStatus(dossier.get(M).dossierId())).isEqualTo("PROPOSAL_READY");

        InboundResult late = door.receive(leg.participant(M), InboundItem.of(geenMedewerking(dossier.get(M), saldoverzoek,
                RedenGeenMedewerking.GEEN_SAMENWERKING_SHV)), "test");
        assertThat(late.outcome()).isEqualTo(InboundOutcome.ACCEPTED);
        assertThat(leg.outboundStatus(saldoverzoek)).isEqualTo("DELIVERED");
        assertThat(leg.claimStatus(dossier.get(M))).isEqualTo("NO_COOPERATION");
    }

    @Test
    void anAnswerToASaldoverzoekNeverSentIsStillRefused() {
        Map<String, Conversation> dossier = leg.submit(F);
        UUID saldoverzoek = leg.saldoverzoek(dossier.get(F));
        assertThat(leg.outboundStatus(saldoverzoek)).isEqualTo("PENDING");

        assertThatThrownBy(() -> door.receive(leg.participant(F), InboundItem.of(saldoAntwoord(dossier.get(F), saldoverzoek,
                line(Schuldtype.OPENSTAAND, "1.00", null))), "test"))
                .isInstanceOfSatisfying(InboundRejectedException.class,
                        e -> assertThat(e.outcome()).isEqualTo(InboundOutcome.REPLY_NOT_PERMITTED));
        assertThat(leg.outboundStatus(saldoverzoek)).isEqualTo("PENDING");
        assertThat(leg.claimStatus(dossier.get(F))).isEqualTo("SALDO_REQUESTED");
    }

    // ------------------------------------------------------------ defect 2: what counts

    @Test
    void transferredAndUnknownLinesAreKeptButDoNotCountAndTheShvSeesThemPerLine() throws Exception {
        Map<String, Conversation> dossier = leg.submit(B);
        clock.advance(Duration.ofHours(1));
        sender.sendDueBatches(B);

        door.receive(leg.participant(B), InboundItem.of(saldoAntwoord(dossier.get(B), leg.saldoverzoek(dossier.get(B)),
                line(Schuldtype.OPENSTAAND, "100.00", null),
                line(Schuldtype.OVERGEDRAGEN, "50.00", "Incassobureau Voorbeeld B.V."),
                line(Schuldtype.ONBEKEND, "25.00", null),
                line(Schuldtype.OPENSTAAND, "0.50", null))), "test");

        assertThat(leg.confirmedAmount(dossier.get(B))).isEqualByComparingTo("100.50");
        JsonNode claim = ApiClient.participant("gemeente-voorbeeldstad", port)
                .get("/api/v1/dossiers/" + dossier.get(B).dossierId()).json().get("claims").get(0);
        assertThat(claim.get("countedAmount").asText()).isEqualTo("100.50");
        JsonNode lines = claim.get("lines");
        assertThat(lines).hasSize(4);
        assertThat(lines).extracting(l -> l.get("debtType").asText())
                .containsExactly("OPENSTAAND", "OVERGEDRAGEN", "ONBEKEND", "OPENSTAAND");
        assertThat(lines).extracting(l -> l.get("currentAmount").asText())
                .containsExactly("100.00", "50.00", "25.00", "0.50");
        assertThat(lines).extracting(l -> l.get("counted").asBoolean()).containsExactly(true, false, false, true);
        assertThat(lines.get(1).get("transferredTo").asText()).isEqualTo("Incassobureau Voorbeeld B.V.");
        assertThat(lines.get(0).get("invoiceNumberSe").asText()).isEqualTo("SE-F-1");
    }

    @Test
    void aSumThatDoesNotFitIsRefusedWithAStableCodeAndChangesNothing() throws Exception {
        Map<String, Conversation> dossier = leg.submit(B);
        clock.advance(Duration.ofHours(1));
        sender.sendDueBatches(B);
        long historyBefore = leg.claimHistory(dossier.get(B));
        VorderingSE[] lines = new VorderingSE[101];
        for (int i = 0; i < lines.length; i++) {
            lines[i] = line(Schuldtype.OPENSTAAND, "9999999999.99", null);
        }

        List<InboundResult> results = door.receiveEach(leg.participant(B), List.of(InboundItem.of(
                saldoAntwoord(dossier.get(B), leg.saldoverzoek(dossier.get(B)), lines))), "test");

        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(InboundOutcome.SCHEMA_INVALID);
            assertThat(r.detail()).contains("ActueelVorderingsbedrag");
        });
        assertThat(leg.claimStatus(dossier.get(B))).isEqualTo("SALDO_REQUESTED");
        assertThat(leg.confirmedAmount(dossier.get(B))).isNull();
        assertThat(leg.claimHistory(dossier.get(B))).isEqualTo(historyBefore);
    }

    // ------------------------------------------------------------ defect 4: why a creditor will not cooperate

    @Test
    void klantOnbekendMeansNoDebtAtThisCreditorAndTheShvSeesTheReason() throws Exception {
        Map<String, Conversation> dossier = leg.submit(B, A);
        clock.advance(Duration.ofHours(1));
        sender.sendDueBatches(B);
        sender.sendDueBatches(A);

        door.receive(leg.participant(B), InboundItem.of(geenMedewerking(dossier.get(B), leg.saldoverzoek(dossier.get(B)),
                RedenGeenMedewerking.KLANT_ONBEKEND)), "test");
        door.receive(leg.participant(A), InboundItem.of(saldoAntwoord(dossier.get(A), leg.saldoverzoek(dossier.get(A)),
                line(Schuldtype.OPENSTAAND, "10.00", null))), "test");

        assertThat(leg.claimStatus(dossier.get(B))).isEqualTo("NO_DEBT");
        assertThat(leg.lastClaimChange(dossier.get(B))).containsEntry("note", "Geen medewerking: KLANT_ONBEKEND");
        assertThat(leg.dossierStatus(dossier.get(B).dossierId())).isEqualTo("PROPOSAL_READY");
        JsonNode claim = claimView(dossier.get(B));
        assertThat(claim.get("status").asText()).isEqualTo("NO_DEBT");
        assertThat(claim.get("noCooperationReason").asText()).isEqualTo("KLANT_ONBEKEND");
    }

    @ParameterizedTest
    @EnumSource(value = RedenGeenMedewerking.class, names = "KLANT_ONBEKEND", mode = EnumSource.Mode.EXCLUDE)
    void theOtherReasonsMeanTheCreditorRefusesAndTheShvSeesWhich(RedenGeenMedewerking reason) throws Exception {
        Map<String, Conversation> dossier = leg.submit(B);
        clock.advance(Duration.ofHours(1));
        sender.sendDueBatches(B);

        door.receive(leg.participant(B), InboundItem.of(geenMedewerking(dossier.get(B), leg.saldoverzoek(dossier.get(B)),
                reason)), "test");

        assertThat(leg.claimStatus(dossier.get(B))).isEqualTo("NO_COOPERATION");
        assertThat(leg.lastClaimChange(dossier.get(B))).containsEntry("note", "Geen medewerking: " + reason.name());
        assertThat(leg.dossierStatus(dossier.get(B).dossierId())).isEqualTo("PROPOSAL_READY");
        JsonNode claim = claimView(dossier.get(B));
        assertThat(claim.get("noCooperationReason").asText()).isEqualTo(reason.name());
    }

    @Test
    void geenMedewerkingAnswersOnlyAKennisgevingOrASaldoverzoek() {
        assertThat(MessageType.GEEN_MEDEWERKING.answers()).containsExactlyInAnyOrder(MessageType.KENNISGEVING,
                MessageType.KENNISGEVING_PUBLIEK, MessageType.SALDOVERZOEK);
    }

    // ------------------------------------------------------------ fixture

    private void dieAfterThreeAttempts(String oin) {
        for (int attempt = 1; attempt <= 3; attempt++) {
            assertThatThrownBy(() -> sender.sendDueBatches(oin)).isInstanceOf(DeliveryFailure.class);
            clock.advance(Duration.ofMinutes(30));
        }
    }

    private Message saldoAntwoord(Conversation c, UUID answered, VorderingSE... lines) {
        return leg.answer(c, answered, MessageType.SALDOVERZOEK_ANTWOORD, new SaldoverzoekAntwoord("K-1", "SE-1",
                new Contactpersoon("Afdeling Incasso", null, null), LocalDate.of(2026, 11, 23), List.of(lines)));
    }

    private Message geenMedewerking(Conversation c, UUID answered, RedenGeenMedewerking reason) {
        return leg.answer(c, answered, MessageType.GEEN_MEDEWERKING, new GeenMedewerking("K-1", reason, null,
                new Contactpersoon("Afdeling Incasso", null, null)));
    }

    private JsonNode claimView(Conversation c) {
        JsonNode view = ApiClient.participant("gemeente-voorbeeldstad", port)
                .get("/api/v1/dossiers/" + c.dossierId()).json();
        for (JsonNode claim : view.get("claims")) {
            if (claim.get("id").asText().equals(c.claimId().toString())) {
                return claim;
            }
        }
        throw new AssertionError("no claim " + c.claimId());
    }
}
