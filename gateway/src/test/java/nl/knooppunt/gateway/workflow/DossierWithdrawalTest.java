package nl.knooppunt.gateway.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
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
import nl.knooppunt.gateway.outbound.BatchSender;
import nl.knooppunt.gateway.outbound.DeliveryFailure;
import nl.knooppunt.gateway.outbound.Mailbox;
import nl.knooppunt.gateway.privacy.PersonalDataRetention;
import nl.knooppunt.gateway.support.ApiClient;
import nl.knooppunt.gateway.support.FirstLeg;
import nl.knooppunt.gateway.support.MutableClock;
import nl.knooppunt.gateway.support.ScriptedChannels;
import nl.knooppunt.mappings.canonical.Contactpersoon;
import nl.knooppunt.mappings.canonical.Message;
import nl.knooppunt.mappings.canonical.MessageType;
import nl.knooppunt.mappings.canonical.SaldoverzoekAntwoord;
import nl.knooppunt.mappings.canonical.StatusberichtSHV;
import nl.knooppunt.mappings.canonical.StatuscodeSHV;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Withdrawing a dossier (issue 14, defect 6) through the SHV API, with its messages at every stage
 * of the real outbound engine: delivered, in a batch waiting for a retry, unfetched in a mailbox,
 * still queued. Shares ClaimCheckTest's configuration (one Spring context for both).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "knooppunt.outbound.enabled=false")
@ActiveProfiles({"test", "outbound-test"})
@Import({FirstLeg.class, ScriptedChannels.class, ClaimCheckTest.TestClock.class})
class DossierWithdrawalTest {

    static final String SHV = ClaimCheckTest.SHV;
    /** REST creditor: its Saldoverzoek is delivered before the withdrawal. */
    static final String A = ClaimCheckTest.A;
    /** SOAP creditor: its Saldoverzoek is still queued. */
    static final String B = ClaimCheckTest.B;
    /** Mailbox creditor: its Saldoverzoek waits unfetched in the mailbox. */
    static final String M = ClaimCheckTest.M;
    /** REST creditor whose batch waits for a retry: it may have the Saldoverzoek already. */
    static final String F = ClaimCheckTest.F;

    @Autowired MutableClock clock;
    @Autowired FirstLeg leg;
    @Autowired ScriptedChannels.Script channels;
    @Autowired BatchSender sender;
    @Autowired Mailbox mailbox;
    @Autowired InboundDoor door;
    @Autowired DossierService dossiers;
    @Autowired PersonalDataRetention retention;
    @Autowired JdbcClient jdbc;
    @LocalServerPort int port;

    @BeforeEach
    void start() {
        jdbc.sql("truncate outbound_message_action, delivery_attempt, batch_member, outbound_batch, outbound_message")
                .update();
        channels.reset();
        clock.set(ClaimCheckTest.MONDAY_MORNING);
    }

    @Test
    void withdrawalCancelsWhatHasNotReachedACreditorTellsThoseContactedAndClosesTheDossier() throws Exception {
        Map<String, Conversation> dossier = leg.submit(A, B, M, F);
        UUID dossierId = dossier.get(A).dossierId();
        clock.advance(Duration.ofHours(1));
        sender.sendDueBatches(A);
        sender.sendDueBatches(M);
        channels.set(F, ScriptedChannels.CONNECTION_REFUSED);
        assertThatThrownBy(() -> sender.sendDueBatches(F)).isInstanceOf(DeliveryFailure.class);
        assertThat(outboundStatuses(dossierId)).containsExactly(
                entry(A, "Saldoverzoek", "DELIVERED"), entry(B, "Saldoverzoek", "PENDING"),
                entry(M, "Saldoverzoek", "IN_MAILBOX"), entry(F, "Saldoverzoek", "BATCHED"));

        ApiClient.Response response = api().post("/api/v1/dossiers/" + dossierId + "/withdraw", "");

        assertThat(response.status()).isEqualTo(200);
        JsonNode view = response.json();
        assertThat(view.get("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(view.get("closedAt").asText()).isNotBlank();
        for (JsonNode claim : view.get("claims")) {
            assertThat(claim.get("status").asText()).isEqualTo("WITHDRAWN");
        }
        // Queued, in the mailbox and in a waiting batch: cancelled. Delivered stays delivered. The
        // creditors that have (A) or may have (F) the Saldoverzoek are told; the others never heard of it.
        assertThat(outboundStatuses(dossierId)).containsExactly(
                entry(A, "Saldoverzoek", "DELIVERED"), entry(B, "Saldoverzoek", "CANCELLED"),
                entry(M, "Saldoverzoek", "CANCELLED"), entry(F, "Saldoverzoek", "CANCELLED"),
                entry(A, "StatusberichtSHV", "PENDING"), entry(F, "StatusberichtSHV", "PENDING"));
        Message notice = leg.payload(notice(dossierId, A));
        assertThat(notice.header().conversatieReferentienummer()).isEqualTo(dossier.get(A).reference());
        assertThat(notice.header().ontvangerOin()).isEqualTo(A);
        StatusberichtSHV body = (StatusberichtSHV) notice.body();
        assertThat(body.statuscode()).isEqualTo(StatuscodeSHV.DOSSIER_GESLOTEN);
        assertThat(body.klantnummerSHV()).isEqualTo("K-1");
        assertThat(body.statusdatum()).isEqualTo(LocalDate.of(2026, 11, 23));

        // The mailbox creditor finds nothing to fetch; no dead letter waits for an operator.
        assertThat(mailbox.fetch(leg.participant(M), "test", 10, null, true).items()).isEmpty();
        // The retried batch is immutable, so F may receive the cancelled Saldoverzoek with it; the
        // notice follows in a batch of its own, and the cancelled message stays cancelled.
        channels.set(F, ScriptedChannels.ACCEPT);
        clock.advance(Duration.ofHours(2));
        sender.sendDueBatches(F);
        sender.sendDueBatches(F);
        assertThat(channels.receivedBy(F)).extracting(r -> r.references().size()).containsExactly(1, 1, 1);
        assertThat(channels.receivedBy(F).get(2).references()).containsExactly(notice(dossierId, F));
        assertThat(leg.outboundStatus(leg.saldoverzoek(dossier.get(F)))).isEqualTo("CANCELLED");
        assertThat(leg.claimStatus(dossier.get(F))).isEqualTo("WITHDRAWN");

        // A late answer changes nothing.
        assertThatThrownBy(() -> door.receive(leg.participant(A), InboundItem.of(saldoAntwoord(dossier.get(A),
                leg.saldoverzoek(dossier.get(A)))), "test"))
                .isInstanceOfSatisfying(InboundRejectedException.class,
                        e -> assertThat(e.outcome()).isEqualTo(InboundOutcome.REPLY_NOT_PERMITTED));
        assertThat(leg.claimStatus(dossier.get(A))).isEqualTo("WITHDRAWN");

        // Withdrawing again (a retry after a lost answer) returns the dossier unchanged, no second notice.
        long history = leg.dossierHistory(dossierId);
        ApiClient.Response again = api().post("/api/v1/dossiers/" + dossierId + "/withdraw", "");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(leg.dossierHistory(dossierId)).isEqualTo(history);
        assertThat(outboundStatuses(dossierId)).hasSize(6);
    }

    @Test
    void onlyTheDossiersOwnShvMayWithdrawItAndAnAgreedDossierCannotBe() {
        Map<String, Conversation> dossier = leg.submit(A);
        UUID dossierId = dossier.get(A).dossierId();

        ApiClient.Response other = ApiClient.participant("kredietbank-rivierenland", port)
                .post("/api/v1/dossiers/" + dossierId + "/withdraw", "");
        assertThat(other.status()).isEqualTo(404);
        assertThat(leg.dossierStatus(dossierId)).isEqualTo("SALDO_INVENTORY");

        // The agreement round is not built yet; the status is set as that round would leave it.
        jdbc.sql("update dossier set status = 'AGREED' where id = ?").param(dossierId).update();
        ApiClient.Response agreed = api().post("/api/v1/dossiers/" + dossierId + "/withdraw", "");
        assertThat(agreed.status()).isEqualTo(409);
        assertThat(agreed.contentType()).startsWith("application/problem+json");
        assertThat(agreed.json().get("type").asText()).isEqualTo("urn:knooppunt:problem:conflict");
        assertThat(leg.dossierStatus(dossierId)).isEqualTo("AGREED");
        assertThat(leg.claimStatus(dossier.get(A))).isEqualTo("SALDO_REQUESTED");
        assertThat(leg.outboundStatus(leg.saldoverzoek(dossier.get(A)))).isEqualTo("PENDING");
    }

    @Test
    void theRetentionPurgeReachesEveryMessageOfAWithdrawnDossierAlsoOnesStillOnTheirWayWhenItRan() throws Exception {
        Map<String, Conversation> dossier = leg.submit(A, B);
        UUID dossierId = dossier.get(A).dossierId();
        clock.advance(Duration.ofHours(1));
        sender.sendDueBatches(A);
        assertThat(api().post("/api/v1/dossiers/" + dossierId + "/withdraw", "").status()).isEqualTo(200);
        UUID notice = notice(dossierId, A);

        clock.advance(Duration.ofDays(366));
        assertThat(retention.purgeExpired()).contains(dossierId);
        // The notice to A is still queued: it keeps its content until it has gone.
        assertThat(payloadKept(notice)).isTrue();
        assertThat(payloadKept(leg.saldoverzoek(dossier.get(A)))).isFalse();
        assertThat(payloadKept(leg.saldoverzoek(dossier.get(B)))).isFalse();

        sender.sendDueBatches(A);
        assertThat(leg.outboundStatus(notice)).isEqualTo("DELIVERED");
        assertThat(retention.purgeExpired()).doesNotContain(dossierId);
        assertThat(payloadKept(notice)).isFalse();
        assertThat(jdbc.sql("select count(*) from outbound_message where dossier_id = ? and payload is not null")
                .param(dossierId).query(Long.class).single()).isZero();
    }

    // ------------------------------------------------------------------------------------------ helpers

    private ApiClient api() {
        return ApiClient.participant("gemeente-voorbeeldstad", port);
    }

    private static String entry(String oin, String type, String status) {
        return oin + " " + type + " " + status;
    }

    private List<String> outboundStatuses(UUID dossierId) {
        return jdbc.sql("""
                        select p.oin || ' ' || m.message_type || ' ' || m.status from outbound_message m
                          join participant p on p.id = m.recipient_id where m.dossier_id = ? order by m.seq""")
                .param(dossierId).query(String.class).list();
    }

    private UUID notice(UUID dossierId, String oin) {
        return jdbc.sql("""
                        select m.reference from outbound_message m join participant p on p.id = m.recipient_id
                         where m.dossier_id = ? and p.oin = ? and m.message_type = 'StatusberichtSHV'""")
                .params(dossierId, oin).query(UUID.class).single();
    }

    private boolean payloadKept(UUID reference) {
        return jdbc.sql("select payload is not null from outbound_message where reference = ?").param(reference)
                .query(Boolean.class).single();
    }

    private Message saldoAntwoord(Conversation c, UUID answered) {
        return leg.answer(c, answered, MessageType.SALDOVERZOEK_ANTWOORD, new SaldoverzoekAntwoord("K-1", "SE-1",
                new Contactpersoon("Afdeling Incasso", null, null), LocalDate.of(2026, 11, 23), List.of()));
    }
}
