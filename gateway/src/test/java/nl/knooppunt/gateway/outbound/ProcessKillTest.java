package nl.knooppunt.gateway.outbound;

import static nl.knooppunt.gateway.outbound.OutboxFixture.A;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import nl.knooppunt.gateway.conversation.Conversations;
import nl.knooppunt.gateway.dossier.DossierService;
import nl.knooppunt.gateway.support.SecondGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A gateway process is killed (SIGKILL) in the middle of a delivery: the creditor's system has
 * received the whole batch over HTTP, the process waits for its answer and has recorded nothing.
 * Delivery is at least once: when the dead process's lease runs out, this instance takes the batch
 * over and sends it again, under the same batch id with the same messages, so the creditor sees it
 * twice (never not at all) and can tell the resend from a new batch; the outcome is recorded once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"knooppunt.outbound.enabled=false", "knooppunt.outbound.lease=3s"})
@ActiveProfiles({"test", "outbound-test"})
@Import(ProcessKillTest.CreditorOverHttp.class)
class ProcessKillTest {

    /** The creditor's system, which both processes deliver to over HTTP. */
    static final RecordingCreditor CREDITOR = RecordingCreditor.start();
    static final int SIGKILL_EXIT = 128 + 9;

    @TestConfiguration(proxyBeanMethods = false)
    static class CreditorOverHttp {
        @Bean
        OutboundChannel postingRestChannel() {
            return new PostingChannel(CREDITOR.uri());
        }
    }

    @AfterAll
    static void stopCreditor() {
        CREDITOR.close();
    }

    @Autowired BatchSender sender;
    @Autowired OutboundMessages messages;
    @Autowired HikariDataSource dataSource;
    @Autowired DossierService dossiers;
    @Autowired Conversations conversations;
    @Autowired Outbox outbox;
    @Autowired TransactionTemplate tx;
    @Autowired JdbcClient jdbc;

    @Test
    void processKilledWhileAwaitingTheCreditorsAnswerIsTakenOverAndTheCreditorGetsTheSameBatchAgain() throws Exception {
        OutboxFixture fixture = new OutboxFixture(dossiers, conversations, outbox, tx, jdbc);
        fixture.emptyOutbox();
        // Creditor A takes batches of 3: these are due at once.
        List<UUID> queued = fixture.enqueue(fixture.conversationWith(A), 3);

        Path output = Files.createDirectories(Path.of("target", "process-kill-test")).resolve("doomed-sender.log");
        Process doomed = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", SecondGateway.testClassPath(), DoomedSender.class.getName(),
                dataSource.getJdbcUrl(), A, CREDITOR.uri().toString(),
                "knooppunt.outbound.enabled=false", "knooppunt.outbound.lease=3s",
                "knooppunt.instance-id=doomed-instance", "knooppunt.privacy.key-file=target/test-data-keys")
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        RecordingCreditor.Delivery first;
        try {
            // A whole gateway starts in that process first: slow on a busy machine, hence the long wait.
            await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(100))
                    .until(() -> CREDITOR.holding() || !doomed.isAlive());
            assertThat(CREDITOR.holding()).as("the doomed process delivered; its output:\n%s", tail(output)).isTrue();
            first = CREDITOR.held();
            // The creditor has the whole batch; the sender is alive, waiting for the answer, and holds the lease.
            assertThat(first.attempt()).isEqualTo(1);
            assertThat(first.references()).containsExactlyElementsOf(queued);
            assertThat(doomed.isAlive()).isTrue();
            assertThat(jdbc.sql("select lease_owner || ' ' || status from outbound_batch where id = ?")
                    .param(first.batchId()).query(String.class).single()).isEqualTo("doomed-instance SENDING");
        } finally {
            doomed.destroyForcibly();
            assertThat(doomed.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(doomed.exitValue()).as("killed, not ended by itself").isEqualTo(SIGKILL_EXIT);
        CREDITOR.releaseHeld();
        assertThat(queued).as("the dead process recorded nothing")
                .allSatisfy(ref -> assertThat(fixture.status(ref)).isEqualTo(OutboundStatus.BATCHED));

        // The lease runs out; this instance takes the batch over and delivers it.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> sender.sendDueBatches(A) == 1);

        assertThat(CREDITOR.deliveries()).as("the creditor received the batch twice, the second time as a resend")
                .extracting(RecordingCreditor.Delivery::attempt).containsExactly(1, 2);
        assertThat(CREDITOR.deliveries()).allSatisfy(delivery -> {
            assertThat(delivery.batchId()).isEqualTo(first.batchId());
            assertThat(delivery.references()).containsExactlyElementsOf(queued);
            for (int i = 0; i < queued.size(); i++) {
                assertThat(delivery.messages().get(i)).contains(queued.get(i).toString());
            }
        });
        assertThat(queued).allSatisfy(ref -> {
            assertThat(fixture.status(ref)).isEqualTo(OutboundStatus.DELIVERED);
            assertThat(messages.attempts(ref)).extracting(DeliveryAttemptView::outcome)
                    .containsExactly(AttemptOutcome.LEASE_EXPIRED, AttemptOutcome.DELIVERED);
        });
        assertThat(sender.sendDueBatches(A)).as("nothing is sent a third time").isZero();
        assertThat(CREDITOR.deliveries()).hasSize(2);
    }

    private static String tail(Path output) throws IOException {
        List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
