package nl.knooppunt.gateway.outbound;

import static nl.knooppunt.gateway.outbound.OutboxFixture.A;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import nl.knooppunt.gateway.dossier.Conversations;
import nl.knooppunt.gateway.dossier.DossierService;
import nl.knooppunt.gateway.support.ScriptedChannels;
import nl.knooppunt.gateway.support.SecondGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A gateway process is killed (SIGKILL) after claiming a batch, in the middle of sending it. The
 * batch is not lost: once its lease runs out, this instance takes it over and sends it, under the
 * same batch id, and the outcome is recorded once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"knooppunt.outbound.enabled=false", "knooppunt.outbound.lease=3s"})
@ActiveProfiles({"test", "outbound-test"})
@Import(ScriptedChannels.class)
class ProcessKillTest {

    @Autowired ScriptedChannels.Script channels;
    @Autowired BatchSender sender;
    @Autowired OutboundMessages messages;
    @Autowired HikariDataSource dataSource;
    @Autowired DossierService dossiers;
    @Autowired Conversations conversations;
    @Autowired Outbox outbox;
    @Autowired TransactionTemplate tx;
    @Autowired JdbcClient jdbc;

    @Test
    void batchOfAKilledProcessIsTakenOverAndSentOnce() throws Exception {
        OutboxFixture fixture = new OutboxFixture(dossiers, conversations, outbox, tx, jdbc);
        fixture.emptyOutbox();
        // Creditor A sends batches of 3: these are due at once.
        List<UUID> queued = fixture.enqueue(fixture.conversationWith(A), 3);

        Process doomed = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", SecondGateway.testClassPath(), DoomedSender.class.getName(),
                dataSource.getJdbcUrl(), A,
                "knooppunt.outbound.enabled=false", "knooppunt.outbound.lease=3s",
                "knooppunt.instance-id=doomed-instance", "knooppunt.privacy.key-file=target/test-data-keys")
                .redirectErrorStream(true)
                .start();
        UUID batchId;
        try {
            batchId = awaitSending(doomed);
            assertThat(jdbc.sql("select lease_owner from outbound_batch where id = ?").param(batchId)
                    .query(String.class).single()).isEqualTo("doomed-instance");
        } finally {
            doomed.destroyForcibly();
            assertThat(doomed.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(queued).allSatisfy(ref -> assertThat(fixture.status(ref)).isEqualTo(OutboundStatus.BATCHED));

        // The lease runs out; this instance takes the batch over.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> sender.sendDueBatches(A) == 1);

        assertThat(channels.receivedBy(A)).singleElement().satisfies(received -> {
            assertThat(received.batchId()).isEqualTo(batchId);
            assertThat(received.attempt()).isEqualTo(2);
            assertThat(received.references()).containsExactlyElementsOf(queued);
        });
        assertThat(queued).allSatisfy(ref -> {
            assertThat(fixture.status(ref)).isEqualTo(OutboundStatus.DELIVERED);
            assertThat(messages.attempts(ref)).extracting(DeliveryAttemptView::outcome)
                    .containsExactly("LEASE_EXPIRED", "DELIVERED");
        });
        assertThat(sender.sendDueBatches(A)).as("nothing is sent twice").isZero();
        assertThat(channels.receivedBy(A)).hasSize(1);
    }

    private static UUID awaitSending(Process process) throws Exception {
        List<String> output = new ArrayList<>();
        CompletableFuture<UUID> sending = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    synchronized (output) {
                        output.add(line);
                    }
                    if (line.startsWith("SENDING ")) {
                        return UUID.fromString(line.substring("SENDING ".length()).trim());
                    }
                }
                throw new IllegalStateException("The doomed process ended without sending");
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            return sending.get(90, TimeUnit.SECONDS);
        } catch (Exception e) {
            synchronized (output) {
                throw new AssertionError("Doomed process did not start sending; its output:\n"
                        + String.join("\n", output.subList(Math.max(0, output.size() - 40), output.size())), e);
            }
        }
    }
}
