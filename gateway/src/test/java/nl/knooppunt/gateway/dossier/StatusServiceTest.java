package nl.knooppunt.gateway.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.knooppunt.gateway.shared.IllegalTransitionException;
import nl.knooppunt.gateway.support.Dossiers;
import nl.knooppunt.gateway.support.GatewayTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Status changes on PostgreSQL: checked, written and recorded together, or not at all. */
@GatewayTest
class StatusServiceTest {

    @Autowired
    DossierService dossiers;

    @Autowired
    StatusService statuses;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    JdbcClient jdbc;

    UUID dossierId;
    UUID claimId;

    @BeforeEach
    void submitted() {
        ClientData client = new ClientData("K-9", new ClientData.Person("M", "P.", "Piet", null, "Proefmans",
                LocalDate.of(1970, 1, 2), null), null,
                new ClientData.Address("Teststraat", 1, null, null, "1000AA", "Teststad", null, null),
                new ClientData.ContactPerson("Consulent", null, null));
        dossierId = dossiers.submit(new DossierSubmission(Dossiers.SHV, Dossiers.newReference(), SettlementType.SB, client,
                List.of(new DossierSubmission.ClaimSubmission(Dossiers.CREDITOR_MAILBOX, null, List.of("F-1"),
                        new BigDecimal("10.00")))), null, Cause.user("test")).dossierId();
        claimId = dossiers.get(dossierId).claims().get(0).id();
    }

    @Test
    void allowedChangeUpdatesStatusAndAppendsHistory() {
        tx.executeWithoutResult(s -> {
            statuses.changeDossier(dossierId, DossierStatus.SALDO_INVENTORY, Cause.system("test"), "saldoverzoeken queued");
            statuses.changeClaim(dossierId, claimId, ClaimStatus.SALDO_REQUESTED, Cause.message(UUID.randomUUID()), null);
        });

        DossierDetails details = dossiers.get(dossierId);
        assertThat(details.dossier().status()).isEqualTo(DossierStatus.SALDO_INVENTORY);
        assertThat(details.claims().get(0).status()).isEqualTo(ClaimStatus.SALDO_REQUESTED);
        StatusChange last = details.history().get(details.history().size() - 1);
        assertThat(last.claimId()).isEqualTo(claimId);
        assertThat(last.fromStatus()).isEqualTo("NEW");
        assertThat(last.toStatus()).isEqualTo("SALDO_REQUESTED");
        assertThat(last.cause().type()).isEqualTo(CauseType.MESSAGE);
    }

    @Test
    void forbiddenChangeChangesNothing() {
        int historyBefore = dossiers.get(dossierId).history().size();

        assertThatThrownBy(() -> tx.executeWithoutResult(s ->
                statuses.changeDossier(dossierId, DossierStatus.AGREED, Cause.system("test"), null)))
                .isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> tx.executeWithoutResult(s ->
                statuses.changeClaim(dossierId, claimId, ClaimStatus.ACCEPTED, Cause.system("test"), null)))
                .isInstanceOf(IllegalTransitionException.class);

        DossierDetails details = dossiers.get(dossierId);
        assertThat(details.dossier().status()).isEqualTo(DossierStatus.RECEIVED);
        assertThat(details.claims().get(0).status()).isEqualTo(ClaimStatus.NEW);
        assertThat(details.history()).hasSize(historyBefore);
    }

    @Test
    void failureLaterInTheTransactionRollsBackTheStatusChange() {
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
            statuses.changeDossier(dossierId, DossierStatus.SALDO_INVENTORY, Cause.system("test"), null);
            statuses.changeClaim(dossierId, claimId, ClaimStatus.SETTLED, Cause.system("test"), null);
        })).isInstanceOf(IllegalTransitionException.class);

        assertThat(dossiers.get(dossierId).dossier().status()).isEqualTo(DossierStatus.RECEIVED);
    }

    @Test
    void statusChangeOutsideATransactionIsRefused() {
        assertThatThrownBy(() -> statuses.changeDossier(dossierId, DossierStatus.WITHDRAWN, Cause.system("t"), null))
                .isInstanceOf(org.springframework.transaction.IllegalTransactionStateException.class);
    }

    @Test
    void closingStatusSetsClosedAt() {
        tx.executeWithoutResult(s -> statuses.changeDossier(dossierId, DossierStatus.WITHDRAWN, Cause.user("shv"), null));

        assertThat(dossiers.get(dossierId).dossier().closedAt()).isNotNull();
    }

    @Test
    void historyIsAppendOnlyInTheDatabase() {
        assertThatThrownBy(() -> jdbc.sql("update status_history set note = 'x' where dossier_id = ?")
                .param(dossierId).update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from status_history where dossier_id = ?").param(dossierId).update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("truncate status_history cascade").update())
                .hasMessageContaining("append-only");
        assertThat(dossiers.get(dossierId).history()).isNotEmpty();
    }

    @Test
    void personalDataIsNotReadableInTheTable() {
        byte[] stored = jdbc.sql("select client_data from dossier where id = ?").param(dossierId)
                .query((rs, n) -> rs.getBytes(1)).single();

        String raw = new String(stored, StandardCharsets.ISO_8859_1);
        assertThat(raw).doesNotContain("Proefmans").doesNotContain("Teststraat").doesNotContain("1970");
        assertThat(dossiers.get(dossierId).clientData()).get()
                .extracting(c -> c.client().surname()).isEqualTo("Proefmans");
    }
}
