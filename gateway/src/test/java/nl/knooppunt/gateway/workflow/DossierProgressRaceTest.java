package nl.knooppunt.gateway.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import nl.knooppunt.gateway.dossier.Cause;
import nl.knooppunt.gateway.dossier.Claim;
import nl.knooppunt.gateway.dossier.ClaimStatus;
import nl.knooppunt.gateway.dossier.ClientData;
import nl.knooppunt.gateway.dossier.DossierService;
import nl.knooppunt.gateway.dossier.DossierStatus;
import nl.knooppunt.gateway.dossier.DossierSubmission;
import nl.knooppunt.gateway.dossier.SettlementType;
import nl.knooppunt.gateway.dossier.StatusService;
import nl.knooppunt.gateway.registry.ParticipantRepository;
import nl.knooppunt.gateway.support.Dossiers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two creditors answer the last two open claims of a dossier at the same moment, each in its own
 * transaction (two SOAP calls, say). Each transaction must not decide on a picture in which the
 * other's claim is still open, or neither moves the dossier on and it waits forever: the second
 * waits for the first and then sees its answer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "knooppunt.outbound.enabled=false")
@ActiveProfiles("test")
class DossierProgressRaceTest {

    @Autowired DossierIntake intake;
    @Autowired DossierService dossiers;
    @Autowired ParticipantRepository participants;
    @Autowired StatusService statuses;
    @Autowired DossierProgress progress;
    @Autowired PlatformTransactionManager transactions;
    @Autowired JdbcClient jdbc;

    @Test
    void theLastTwoAnswersAtTheSameMomentStillMoveTheDossierOn() throws Exception {
        UUID dossierId = dossierWithTwoOpenClaims();
        List<Claim> claims = dossiers.get(dossierId).claims();
        CountDownLatch firstApplied = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        TransactionTemplate tx = new TransactionTemplate(transactions);

        // The first answer is applied and its transaction held open.
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> tx.executeWithoutResult(status -> {
            answer(dossierId, claims.get(0));
            firstApplied.countDown();
            awaitQuietly(release);
        }));
        assertThat(firstApplied.await(30, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> second = CompletableFuture.runAsync(
                () -> tx.executeWithoutResult(status -> answer(dossierId, claims.get(1))));
        // The second waits for the first on a lock — or, were the dossier not locked, ends on its own.
        await().atMost(Duration.ofSeconds(30)).until(() -> second.isDone() || sessionsWaitingForALock() > 0);
        release.countDown();
        first.get(30, TimeUnit.SECONDS);
        second.get(30, TimeUnit.SECONDS);

        assertThat(dossiers.get(dossierId).dossier().status()).isEqualTo(DossierStatus.PROPOSAL_READY);
    }

    private void answer(UUID dossierId, Claim claim) {
        statuses.changeClaim(dossierId, claim.id(), ClaimStatus.SALDO_CONFIRMED, Cause.system("test"), null);
        progress.afterClaimChange(dossierId, Cause.system("test"));
    }

    private UUID dossierWithTwoOpenClaims() {
        var shv = participants.findByOin(Dossiers.SHV).orElseThrow();
        ClientData client = new ClientData("K-1", new ClientData.Person("V", "T.", null, null, "Testpersoon",
                LocalDate.of(1980, 1, 1), null), null,
                new ClientData.Address("Teststraat", 1, null, null, "1000AA", "Teststad", null, null),
                new ClientData.ContactPerson("Consulent", null, null));
        UUID dossierId = intake.submit(shv, new DossierSubmission(Dossiers.SHV, Dossiers.newReference(), SettlementType.SK,
                client, List.of(
                        new DossierSubmission.ClaimSubmission(Dossiers.CREDITOR_SOAP, null, List.of("F-1"),
                                new BigDecimal("100.00")),
                        new DossierSubmission.ClaimSubmission(Dossiers.CREDITOR_MAILBOX, null, List.of("F-2"),
                                new BigDecimal("200.00")))), null).dossierId();
        assertThat(dossiers.get(dossierId).dossier().status()).isEqualTo(DossierStatus.SALDO_INVENTORY);
        assertThat(dossiers.get(dossierId).claims()).extracting(Claim::status).containsOnly(ClaimStatus.SALDO_REQUESTED);
        return dossierId;
    }

    private long sessionsWaitingForALock() {
        return jdbc.sql("select count(*) from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()")
                .query(Long.class).single();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
