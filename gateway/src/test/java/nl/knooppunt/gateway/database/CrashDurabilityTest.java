package nl.knooppunt.gateway.database;

import static nl.knooppunt.gateway.database.PostgresProcesses.postmaster;
import static nl.knooppunt.gateway.database.PostgresProcesses.withChildren;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import nl.knooppunt.gateway.support.ApiClient;
import nl.knooppunt.gateway.support.Dossiers;
import nl.knooppunt.gateway.support.SecondGateway;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A 201 Created means durable. A gateway and its embedded PostgreSQL are killed together (SIGKILL)
 * while an SHV system submits dossiers at concurrency 4. A gateway restarted on the same data
 * directory has every dossier that was answered 201, and answers each re-sent submission with the
 * same Idempotency-Key with 200 and that dossier, not a second one. How many dossiers are
 * acknowledged before the kill varies from run to run; the assertions hold for each of them.
 *
 * <p>A killed process loses what it had not yet handed to the operating system, which is what
 * {@code synchronous_commit=off} risks; the loss of the operating system's own cache that
 * {@code fsync=off} risks takes a power cut, which a test cannot cause.
 */
class CrashDurabilityTest {

    private static final String SHV_CERTIFICATE = "gemeente-voorbeeldstad";
    private static final String DOSSIERS = "/api/v1/dossiers";
    private static final int CONCURRENCY = 4;
    /** Enough to be well into the load, so the kill hits it at full speed. */
    private static final int ACKNOWLEDGED_BEFORE_KILL = 150;

    private final Path run = Path.of("target", "crash-durability", UUID.randomUUID().toString()).toAbsolutePath();
    private final Path dataDirectory = run.resolve("pgdata");
    private final List<Process> gateways = new ArrayList<>();

    @AfterEach
    void noProcessOutlivesTheTest() throws Exception {
        gateways.forEach(Process::destroyForcibly);
        PostgresProcesses.killAnyAndDelete(dataDirectory);
    }

    @Test
    void everyAcknowledgedDossierSurvivesAKillOfTheGatewayAndItsDatabase() throws Exception {
        Process first = startGateway("gateway-1.log");
        int port = awaitReady(first, "gateway-1.log");
        phase("first gateway ready");

        List<Submission> acknowledged;
        ExecutorService load = Executors.newFixedThreadPool(CONCURRENCY);
        try {
            Submitter submitter = new Submitter(ApiClient.participant(SHV_CERTIFICATE, port));
            for (int i = 0; i < CONCURRENCY; i++) {
                load.submit(submitter::submitUntilTheGatewayIsGone);
            }
            // Right after an acknowledgement, when its commit is the newest: a commit that was not
            // on disk yet when it was answered is lost now.
            awaitAcknowledged(submitter, first);
            // The database first, then the gateway, back to back: an answer the gateway gives in
            // between can only be for a commit that was done.
            List<ProcessHandle> database = withChildren(postmaster(dataDirectory).orElseThrow());
            database.forEach(ProcessHandle::destroyForcibly);
            first.destroyForcibly();
            phase("gateway and database killed");

            load.shutdown();
            assertThat(load.awaitTermination(60, TimeUnit.SECONDS)).as("load ends with the gateway").isTrue();
            await().atMost(Duration.ofSeconds(30)).until(() -> !first.isAlive()
                    && database.stream().noneMatch(ProcessHandle::isAlive));
            acknowledged = List.copyOf(submitter.acknowledged);
            phase("load ended and processes gone; " + acknowledged.size() + " dossiers acknowledged before the kill");
        } finally {
            load.shutdownNow();
        }

        Process second = startGateway("gateway-2.log");
        ApiClient api = ApiClient.participant(SHV_CERTIFICATE, awaitReady(second, "gateway-2.log"));
        phase("second gateway ready");
        List<String> missing;
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:"
                + PostgresProcesses.port(dataDirectory) + "/postgres", "postgres", "postgres")) {
            JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(c, true));
            assertThat(jdbc.sql("show synchronous_commit").query(String.class).single()).isEqualTo("on");
            Set<String> stored = Set.copyOf(jdbc.sql("select id::text from dossier").query(String.class).list());
            missing = acknowledged.stream().map(Submission::dossierId).filter(id -> !stored.contains(id)).toList();
        }
        List<String> notReturned = checkInParallel(acknowledged, submission -> {
            ApiClient.Response again = api.post(DOSSIERS, submission.body(), Map.of("Idempotency-Key", submission.key()));
            String id = again.json().path("id").asText();
            return again.status() == 200 && submission.dossierId().equals(id) ? Optional.empty()
                    : Optional.of(submission.dossierId() + " re-sent: " + again.status() + " with dossier " + id);
        });

        phase("checked");
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(ACKNOWLEDGED_BEFORE_KILL);
        assertSoftly(softly -> {
            softly.assertThat(missing).as("acknowledged dossiers missing after the crash, of %d", acknowledged.size())
                    .isEmpty();
            softly.assertThat(notReturned).as("re-sent with the same Idempotency-Key, of %d", acknowledged.size())
                    .isEmpty();
        });
    }

    /** Returns as soon as enough dossiers are acknowledged (a latch, not a poll: the kill must follow at once). */
    private static void awaitAcknowledged(Submitter submitter, Process gateway) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (!submitter.enough.await(1, TimeUnit.SECONDS)) {
            assertThat(gateway.isAlive()).as("the first gateway runs").isTrue();
            assertThat(Instant.now()).as("%d dossiers acknowledged within 2 minutes", ACKNOWLEDGED_BEFORE_KILL)
                    .isBefore(deadline);
        }
    }

    /** Progress in the test output, to see where the time goes on a slow machine. */
    private static void phase(String what) {
        System.out.println(Instant.now() + " " + CrashDurabilityTest.class.getSimpleName() + ": " + what);
    }

    /** One dossier answered 201 Created: what was sent, under which key, and the id the gateway gave it. */
    private record Submission(String key, String body, String dossierId) {}

    /** Submits new dossiers, each with its own Idempotency-Key, until the gateway stops answering. */
    private static final class Submitter {

        final ConcurrentLinkedQueue<Submission> acknowledged = new ConcurrentLinkedQueue<>();
        final CountDownLatch enough = new CountDownLatch(ACKNOWLEDGED_BEFORE_KILL);
        private final ApiClient api;
        private final AtomicBoolean gone = new AtomicBoolean();

        Submitter(ApiClient api) {
            this.api = api;
        }

        void submitUntilTheGatewayIsGone() {
            while (!gone.get() && !Thread.currentThread().isInterrupted()) {
                String key = UUID.randomUUID().toString();
                String body = Dossiers.valid(Dossiers.newReference()).toString();
                ApiClient.Response response;
                try {
                    response = api.post(DOSSIERS, body, Map.of("Idempotency-Key", key));
                } catch (IllegalStateException e) {
                    // Connection refused or reset: the gateway was killed.
                    gone.set(true);
                    return;
                }
                if (response.status() == 201) {
                    acknowledged.add(new Submission(key, body, response.json().get("id").asText()));
                    enough.countDown();
                }
            }
        }
    }

    private static List<String> checkInParallel(List<Submission> submissions,
                                                Function<Submission, Optional<String>> check) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY);
        try {
            List<Future<Optional<String>>> results = new ArrayList<>();
            for (Submission submission : submissions) {
                results.add(pool.submit(() -> check.apply(submission)));
            }
            List<String> problems = new ArrayList<>();
            for (Future<Optional<String>> result : results) {
                result.get(2, TimeUnit.MINUTES).ifPresent(problems::add);
            }
            return problems;
        } finally {
            pool.shutdownNow();
        }
    }

    private Process startGateway(String logName) throws IOException {
        Files.createDirectories(run);
        Process gateway = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // C1 only: on a busy 2-core machine the gateway starts in a third of the time.
                "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", SecondGateway.testClassPath(), CrashableGateway.class.getName(),
                "knooppunt.embedded-database.data-directory=" + dataDirectory,
                // Whatever the test profile chooses: this is about the durable default.
                "knooppunt.embedded-database.durable=true",
                "server.port=0",
                "knooppunt.outbound.enabled=false")
                .redirectErrorStream(true)
                .redirectOutput(run.resolve(logName).toFile())
                .start();
        gateways.add(gateway);
        return gateway;
    }

    private int awaitReady(Process gateway, String logName) throws IOException {
        Path log = run.resolve(logName);
        try {
            String ready = await(logName + " ready").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250))
                    .ignoreExceptionsInstanceOf(IOException.class)
                    .failFast("the gateway process ended", () -> !gateway.isAlive())
                    .until(() -> Files.readAllLines(log).stream().filter(line -> line.startsWith("READY ")).findFirst(),
                            Optional::isPresent)
                    .orElseThrow();
            return Integer.parseInt(ready.substring("READY ".length()).trim());
        } catch (ConditionTimeoutException | TerminalFailureException e) {
            List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
            throw new AssertionError("Gateway did not start; the end of " + log.getFileName() + ":\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size())), e);
        }
    }
}
