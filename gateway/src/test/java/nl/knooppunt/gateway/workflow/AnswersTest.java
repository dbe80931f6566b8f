package nl.knooppunt.gateway.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
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
import nl.knooppunt.gateway.messages.MessageXml;
import nl.knooppunt.gateway.outbound.BatchResult;
import nl.knooppunt.gateway.outbound.BatchSender;
import nl.knooppunt.gateway.outbound.OutboundItem;
import nl.knooppunt.gateway.support.ApiClient;
import nl.knooppunt.gateway.support.FirstLeg;
import nl.knooppunt.gateway.support.MutableClock;
import nl.knooppunt.gateway.support.ScriptedChannels;
import nl.knooppunt.mappings.canonical.AntwoordKennisgeving;
import nl.knooppunt.mappings.canonical.Contactpersoon;
import nl.knooppunt.mappings.canonical.GeenMedewerking;
import nl.knooppunt.mappings.canonical.Kennisgeving;
import nl.knooppunt.mappings.canonical.KennisgevingAntwoord;
import nl.knooppunt.mappings.canonical.KennisgevingPubliek;
import nl.knooppunt.mappings.canonical.Message;
import nl.knooppunt.mappings.canonical.MessageType;
import nl.knooppunt.mappings.canonical.RedenGeenMedewerking;
import nl.knooppunt.mappings.canonical.SaldoverzoekAntwoord;
import nl.knooppunt.mappings.canonical.SaldoverzoekAntwoordVoorafAkkoord;
import nl.knooppunt.mappings.canonical.Schuldtype;
import nl.knooppunt.mappings.canonical.StatusberichtSHV;
import nl.knooppunt.mappings.canonical.StatuscodeSHV;
import nl.knooppunt.mappings.canonical.Statusverzoek;
import nl.knooppunt.mappings.canonical.VorderingSE;
import nl.knooppunt.mappings.canonical.VorderingsType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue 14, the answers slice: business keys (defect 3), vooraf akkoord and the convenant registry
 * (defect 5), the Kennisgeving at intake (item 7) and the Statusverzoek answered automatically
 * (item 8), through the intake, the real outbound engine (scripted channels) and the inbound door.
 * The creditors' convenants are those of application-outbound-test.yml: B has SK from 2026-01-01
 * (and identifies clients by BSN), A had SK until the day before the tests' Monday, M has SB only,
 * F has none.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "knooppunt.outbound.enabled=false")
@ActiveProfiles({"test", "outbound-test"})
@Import({FirstLeg.class, ScriptedChannels.class, ClaimCheckTest.TestClock.class})
class AnswersTest {

    /** Monday 23 November 2026, 10:00 in Amsterdam. */
    static final Instant MONDAY_MORNING = ClaimCheckTest.MONDAY_MORNING;

    static final String SHV = "00000001001000000001";
    static final String A = "00000001003000000001";
    static final String B = "00000001003000000002";
    static final String M = "00000001003000000003";
    static final String F = "00000001003000000004";

    @Autowired MutableClock clock;
    @Autowired FirstLeg leg;
    @Autowired ScriptedChannels.Script channels;
    @Autowired BatchSender sender;
    @Autowired InboundDoor door;
    @Autowired DossierIntake intake;
    @Autowired DossierService dossiers;
    @Autowired MessageXml xml;
    @Autowired JdbcClient jdbc;
    @LocalServerPort int port;

    @BeforeEach
    void start() {
        jdbc.sql("truncate outbound_message_action, delivery_attempt, batch_member, outbound_batch, outbound_message")
                .update();
        channels.reset();
        clock.set(MONDAY_MORNING);
    }

    // ------------------------------------------------------------ defect 3: business keys

    @Test
    void anAnswerForAnotherClientNumberShvIsRefusedNamingTheFieldAndChangesNothing() throws Exception {
        Map<String, Conversation> dossier = submitAndSend(false, null, B);
        Conversation c = dossier.get(B);
        long historyBefore = leg.claimHistory(c);

        Message answer = saldoAntwoord(c, leg.saldoverzoek(c), "K-2", "SE-1");
        assertRefused(B, answer, InboundOutcome.BUSINESS_KEY_MISMATCH, "KlantnummerSHV", "K-2");

        assertUnchanged(c, answer, historyBefore);
        assertThat(keptClientNumberSe(c)).isNull();
    }

    @Test
    void anAnswerWithAnotherClientNumberThanTheShvGaveIsRefusedAndTheRightOneAccepted() throws Exception {
        Map<String, Conversation> dossier = submitAndSend(false, "REL-9", B);
        Conversation c = dossier.get(B);
        long historyBefore = leg.claimHistory(c);

        Message wrong = saldoAntwoord(c, leg.saldoverzoek(c), "K-1", "SE-1");
        assertRefused(B, wrong, InboundOutcome.BUSINESS_KEY_MISMATCH, "KlantnummerSE", "SE-1");
        assertUnchanged(c, wrong, historyBefore);

        InboundResult right = door.receive(leg.participant(B), InboundItem.of(saldoAntwoord(c, leg.saldoverzoek(c), "K-1", " REL-9")),
                "test");
        assertThat(right.outcome()).isEqualTo(InboundOutcome.ACCEPTED);
        assertThat(leg.claimStatus(c)).isEqualTo("SALDO_CONFIRMED");
    }

    @Test
    void theFirstMessagesClientNumberSeIsKeptAndALaterOtherOneRefused() throws Exception {
        Map<String, Conversation> dossier = submitAndSend(false, null, B);
        Conversation c = dossier.get(B);

        // The first message that states a KlantnummerSE: it is kept with the claim.
        assertThat(door.receive(leg.participant(B), InboundItem.of(statusverzoek(c, "K-1", "SE-77")), "test").outcome())
                .isEqualTo(InboundOutcome.ACCEPTED);
        assertThat(keptClientNumberSe(c)).isEqualTo("SE-77");
        long historyBefore = leg.claimHistory(c);

        Message other = saldoAntwoord(c, leg.saldoverzoek(c), "K-1", "SE-78");
        assertRefused(B, other, InboundOutcome.BUSINESS_KEY_MISMATCH, "KlantnummerSE", "SE-78");
        assertUnchanged(c, other, historyBefore);
        assertThat(keptClientNumberSe(c)).isEqualTo("SE-77");

        assertThat(door.receive(leg.participant(B), InboundItem.of(saldoAntwoord(c, leg.saldoverzoek(c), "K-1", "SE-77")), "test")
                .outcome()).isEqualTo(InboundOutcome.ACCEPTED);
        assertThat(leg.claimStatus(c)).isEqualTo("SALDO_CONFIRMED");
    }

    // ------------------------------------------------------------ defect 5: vooraf akkoord and the convenant registry

    @Test
    void voorafAkkoordFromACreditorWithAValidConvenantForTheSettlementTypeCounts() throws Exception {
        Map<String, Conversation> dossier = submitAndSend(false, null, B);
        Conversation c = dossier.get(B);

        InboundResult result = door.receive(leg.participant(B), InboundItem.of(voorafAkkoord(c, leg.saldoverzoek(c))), "test");

        assertThat(result.outcome()).isEqualTo(InboundOutcome.ACCEPTED);
        assertThat(leg.claimStatus(c)).isEqualTo("PRE_AGREED");
        assertThat(leg.dossierStatus(c.dossierId())).isEqualTo("PROPOSAL_READY");
    }

    @Test
    void voorafAkkoordWithoutAConvenantWithAnExpiredOneOrOneForAnotherSettlementTypeIsRefused() throws Exception {
        // F: none; A: SK, ended yesterday; M: SB only, the dossier is SK.
        Map<String, Conversation> dossier = submitAndSend(false, null, F, A, M);
        for (String creditor : List.of(F, A, M)) {
            Conversation c = dossier.get(creditor);
            long historyBefore = leg.claimHistory(c);
            Message answer = voorafAkkoord(c, leg.saldoverzoek(c));

            assertRefused(creditor, answer, InboundOutcome.NO_CONVENANT, "convenant", "K-1");

            assertUnchanged(c, answer, historyBefore);
            assertThat(c).satisfies(x -> assertThat(leg.confirmedAmount(x)).as(creditor).isNull());
        }
        // An ordinary Saldoverzoek antwoord from the same creditor counts.
        Conversation f = dossier.get(F);
        assertThat(door.receive(leg.participant(F), InboundItem.of(saldoAntwoord(f, leg.saldoverzoek(f), "K-1", "SE-1")), "test")
                .outcome()).isEqualTo(InboundOutcome.ACCEPTED);
        assertThat(leg.claimStatus(f)).isEqualTo("SALDO_CONFIRMED");
    }

    @Test
    void aConvenantCountsOnItsLastDayAndNotBeforeItsFirst() throws Exception {
        Map<String, Conversation> dossier = submitAndSend(false, null, A);
        Conversation c = dossier.get(A);
        // Sunday 22 November 2026, 23:30 in Amsterdam: A's convenant's last day.
        clock.set(Instant.parse("2026-11-22T22:30:00Z"));
        assertThat(door.receive(leg.participant(A), InboundItem.of(voorafAkkoord(c, leg.saldoverzoek(c))), "test").outcome())
                .isEqualTo(InboundOutcome.ACCEPTED);
        assertThat(leg.claimStatus(c)).isEqualTo("PRE_AGREED");
    }

    // ------------------------------------------------------------ item 8: Statusverzoek

    @Test
    void aStatusverzoekIsAnsweredWithAStatusberichtShvToThatCreditorAndNothingElseChanges() throws Exception {
        Map<String, Conversation> dossier = submitAndSend(false, "REL-9", B);
        Conversation c = dossier.get(B);
        long historyBefore = leg.claimHistory(c);
        String claimBefore = leg.claimStatus(c);
        String dossierBefore = leg.dossierStatus(c.dossierId());

        Message verzoek = statusverzoek(c, "K-1", "REL-9");
        assertThat(door.receive(leg.participant(B), InboundItem.of(verzoek), "test").outcome())
                .isEqualTo(InboundOutcome.ACCEPTED);

        Map<String, Object> queued = jdbc.sql("""
                        select m.reference, m.cross_reference, p.oin as recipient, m.status from outbound_message m
                          join participant p on p.id = m.recipient_id
                         where m.claim_id = ? and m.message_type = 'StatusberichtSHV'
                        """).param(c.claimId()).query().singleRow();
        assertThat(queued.get("cross_reference")).isEqualTo(verzoek.header().referentienummer());
        assertThat(queued.get("recipient")).isEqualTo(B);
        assertThat(jdbc.sql("select cross_reference from message where reference = ?").param(queued.get("reference"))
                .query(UUID.class).single()).isEqualTo(verzoek.header().referentienummer());
        assertThat(leg.claimStatus(c)).isEqualTo(claimBefore);
        assertThat(leg.dossierStatus(c.dossierId())).isEqualTo(dossierBefore);
        assertThat(leg.claimHistory(c)).isEqualTo(historyBefore);

        // What the creditor receives.
        List<OutboundItem> sent = capture(B);
        clock.advance(Duration.ofHours(2));
        sender.sendDueBatches(B);
        Message statusbericht = sent.stream().map(i -> xml.read(i.payload()))
                .filter(m -> m.header().berichttype() == MessageType.STATUSBERICHT_SHV).findFirst().orElseThrow();
        assertThat(statusbericht.header().crossReferentienummer()).isEqualTo(verzoek.header().referentienummer());
        assertThat(statusbericht.header().conversatieReferentienummer()).isEqualTo(c.reference());
        assertThat(statusbericht.header().ontvangerOin()).isEqualTo(B);
        StatusberichtSHV body = (StatusberichtSHV) statusbericht.body();
        assertThat(body.statuscode()).isEqualTo(StatuscodeSHV.SALDI_OPVRAGEN);
        assertThat(body.klantnummerSHV()).isEqualTo("K-1");
        assertThat(body.klantnummerSE()).isEqualTo("REL-9");
        assertThat(body.statusdatum()).isEqualTo(LocalDate.of(2026, 11, 23));
    }

    @Test
    void aStatusverzoekWithAnotherClientsNumberIsRefusedAndNothingIsQueued() throws Exception {
        Map<String, Conversation> dossier = submitAndSend(false, null, B);
        Conversation c = dossier.get(B);

        assertRefused(B, statusverzoek(c, "K-OTHER", null), InboundOutcome.BUSINESS_KEY_MISMATCH, "KlantnummerSHV",
                "K-OTHER");

        assertThat(jdbc.sql("select count(*) from outbound_message where message_type = 'StatusberichtSHV'")
                .query(Long.class).single()).isZero();
    }

    // ------------------------------------------------------------ item 7: Kennisgeving at intake

    @Test
    void withKennisgevingEveryCreditorGetsOneBeforeItsSaldoverzoekPubliekForTheBsnCreditorAndItsAnswerShows()
            throws Exception {
        List<OutboundItem> sentToA = capture(A);
        List<OutboundItem> sentToB = capture(B);
        Map<String, Conversation> dossier = leg.submit(SHV, true, null, A, B);

        for (String creditor : List.of(A, B)) {
            assertThat(jdbc.sql("select message_type from outbound_message where claim_id = ? order by seq")
                    .param(dossier.get(creditor).claimId()).query(String.class).list())
                    .as(creditor).containsExactly(creditor.equals(B) ? "KennisgevingPubliek" : "Kennisgeving",
                            "Saldoverzoek");
        }
        clock.advance(Duration.ofHours(2));
        sender.sendDueBatches(A);
        sender.sendDueBatches(B);
        Message toA = xml.read(sentToA.get(0).payload());
        assertThat(toA.body()).isInstanceOf(Kennisgeving.class);
        assertThat(toA.header().conversatieReferentienummer()).isEqualTo(dossier.get(A).reference());
        Message toB = xml.read(sentToB.get(0).payload());
        assertThat(toB.body()).isInstanceOfSatisfying(KennisgevingPubliek.class,
                k -> assertThat(k.bsnKlant()).isEqualTo("999990019"));
        JsonNode before = claimView(dossier.get(A));
        assertThat(before.get("kennisgeving").get("sent").asBoolean()).isTrue();
        assertThat(before.get("kennisgeving").get("answered").asBoolean()).isFalse();

        // A: Kennisgeving antwoord, collection suspended; the claim status does not change.
        Conversation a = dossier.get(A);
        assertThat(door.receive(leg.participant(A), InboundItem.of(leg.answer(a, toA.header().referentienummer(),
                MessageType.KENNISGEVING_ANTWOORD, new KennisgevingAntwoord("K-1", "SE-A", AntwoordKennisgeving.INCASSO_OPGESCHORT,
                        null, new Contactpersoon("Afdeling Incasso", null, null), null))), "test").outcome())
                .isEqualTo(InboundOutcome.ACCEPTED);
        assertThat(leg.claimStatus(a)).isEqualTo("SALDO_REQUESTED");
        JsonNode claimA = claimView(a).get("kennisgeving");
        assertThat(claimA.get("answered").asBoolean()).isTrue();
        assertThat(claimA.get("answer").asText()).isEqualTo("INCASSO_OPGESCHORT");
        assertThat(claimA.get("klantnummerSE").asText()).isEqualTo("SE-A");

        // B: Geen medewerking to the Kennisgeving moves the claim as one to the Saldoverzoek does.
        Conversation b = dossier.get(B);
        assertThat(door.receive(leg.participant(B), InboundItem.of(leg.answer(b, toB.header().referentienummer(),
                MessageType.GEEN_MEDEWERKING, new GeenMedewerking("K-1", RedenGeenMedewerking.GEEN_SAMENWERKING_SHV, null,
                        new Contactpersoon("Afdeling Incasso", null, null)))), "test").outcome())
                .isEqualTo(InboundOutcome.ACCEPTED);
        assertThat(leg.claimStatus(b)).isEqualTo("NO_COOPERATION");
        JsonNode claimB = claimView(b);
        assertThat(claimB.get("kennisgeving").get("answer").asText()).isEqualTo("GEEN_MEDEWERKING");
        assertThat(claimB.get("noCooperationReason").asText()).isEqualTo("GEEN_SAMENWERKING_SHV");
    }

    @Test
    void theShvAsksForTheKennisgevingInTheApiAndARepeatedSubmissionIsTheSameDossier() {
        com.fasterxml.jackson.databind.node.ObjectNode request = nl.knooppunt.gateway.support.Dossiers.valid(
                nl.knooppunt.gateway.support.Dossiers.newReference());
        com.fasterxml.jackson.databind.node.ArrayNode claims = request.putArray("claims");
        claims.addObject().put("creditorOin", A).putArray("invoiceNumbers").add("F-1");
        claims.addObject().put("creditorOin", B).putArray("invoiceNumbers").add("F-2");
        request.put("kennisgeving", true);
        ApiClient api = ApiClient.participant("gemeente-voorbeeldstad", port);

        ApiClient.Response created = api.post("/api/v1/dossiers", request.toString());
        assertThat(created.status()).isEqualTo(201);
        String dossierId = created.json().get("id").asText();
        // Per creditor, the Kennisgeving (Publiek for B, which identifies clients by BSN) before the Saldoverzoek.
        assertThat(jdbc.sql("select m.message_type from outbound_message m join claim c on c.id = m.claim_id"
                        + " where m.dossier_id = ? order by c.position, m.seq")
                .param(UUID.fromString(dossierId)).query(String.class).list())
                .containsExactly("Kennisgeving", "Saldoverzoek", "KennisgevingPubliek", "Saldoverzoek");
        JsonNode view = api.get("/api/v1/dossiers/" + dossierId).json();
        assertThat(view.get("claims")).allSatisfy(c -> assertThat(c.get("kennisgeving").get("sent").asBoolean()).isTrue());

        // The same submission again is the same dossier; without the flag it is another submission.
        assertThat(api.post("/api/v1/dossiers", request.toString()).status()).isEqualTo(200);
        request.put("kennisgeving", false);
        assertThat(api.post("/api/v1/dossiers", request.toString()).status()).isEqualTo(409);
    }

    @Test
    void withoutTheFlagNoKennisgevingIsSent() throws Exception {
        Map<String, Conversation> dossier = leg.submit(SHV, false, null, A, B);

        assertThat(jdbc.sql("select message_type from outbound_message where dossier_id = ?")
                .param(dossier.get(A).dossierId()).query(String.class).list()).containsOnly("Saldoverzoek").hasSize(2);
        JsonNode kennisgeving = claimView(dossier.get(A)).get("kennisgeving");
        assertThat(kennisgeving == null || kennisgeving.isNull()).as("kennisgeving of the claim").isTrue();
    }

    // ------------------------------------------------------------ fixture

    private void assertRefused(String creditorOin, Message message, InboundOutcome outcome, String named, String value) {
        assertThatThrownBy(() -> door.receive(leg.participant(creditorOin), InboundItem.of(message), "test"))
                .isInstanceOfSatisfying(InboundRejectedException.class, e -> {
                    assertThat(e.outcome()).isEqualTo(outcome);
                    assertThat(e.getMessage()).contains(named).doesNotContain(value);
                    assertThat(e.type().toString()).isEqualTo("urn:knooppunt:problem:" + outcome.code());
                });
    }

    private void assertUnchanged(Conversation c, Message refused, long historyBefore) {
        assertThat(leg.claimStatus(c)).isEqualTo("SALDO_REQUESTED");
        assertThat(leg.claimHistory(c)).isEqualTo(historyBefore);
        assertThat(jdbc.sql("select count(*) from inbound_message where reference = ?")
                .param(refused.header().referentienummer()).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from message where reference = ?")
                .param(refused.header().referentienummer()).query(Long.class).single()).isZero();
    }

    private List<OutboundItem> capture(String oin) {
        List<OutboundItem> sent = new java.util.concurrent.CopyOnWriteArrayList<>();
        channels.set(oin, (batch, items) -> {
            sent.addAll(items);
            return BatchResult.allAccepted();
        });
        return sent;
    }

    private Map<String, Conversation> submitAndSend(boolean kennisgeving, String clientNumberAtCreditor,
                                                    String... creditorOins) throws Exception {
        Map<String, Conversation> dossier = leg.submit(SHV, kennisgeving, clientNumberAtCreditor, creditorOins);
        clock.advance(Duration.ofHours(1));
        for (String oin : creditorOins) {
            sender.sendDueBatches(oin);
        }
        return dossier;
    }

    private static List<VorderingSE> lines() {
        return List.of(new VorderingSE("SE-F-1", null, Schuldtype.OPENSTAAND, VorderingsType.CONCURRENT, null, null,
                null, null, null, new BigDecimal("120.00"), null, null));
    }

    private Message saldoAntwoord(Conversation c, UUID answered, String klantnummerShv, String klantnummerSe) {
        return leg.answer(c, answered, MessageType.SALDOVERZOEK_ANTWOORD, new SaldoverzoekAntwoord(klantnummerShv,
                klantnummerSe, new Contactpersoon("Afdeling Incasso", null, null), LocalDate.of(2026, 11, 23), lines()));
    }

    private Message voorafAkkoord(Conversation c, UUID answered) {
        return leg.answer(c, answered, MessageType.SALDOVERZOEK_ANTWOORD_VOORAF_AKKOORD,
                new SaldoverzoekAntwoordVoorafAkkoord("K-1", "SE-1", new Contactpersoon("Afdeling Incasso", null, null),
                        LocalDate.of(2026, 11, 23), lines()));
    }

    private Message statusverzoek(Conversation c, String klantnummerShv, String klantnummerSe) {
        return leg.answer(c, null, MessageType.STATUSVERZOEK, new Statusverzoek(klantnummerShv, klantnummerSe,
                "Hoe staat het ervoor?", new Contactpersoon("Afdeling Incasso", null, null)));
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

    private String keptClientNumberSe(Conversation c) {
        return jdbc.sql("select client_number_se from claim where id = ?").param(c.claimId())
                .query(String.class).optional().orElse(null);
    }
}
