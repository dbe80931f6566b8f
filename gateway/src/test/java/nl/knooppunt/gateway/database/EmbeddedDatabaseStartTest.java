package nl.knooppunt.gateway.database;

import static nl.knooppunt.gateway.database.PostgresProcesses.freePort;
import static nl.knooppunt.gateway.database.PostgresProcesses.postmaster;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import nl.knooppunt.gateway.support.SecondGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The embedded database's start against what may already be on its port: nothing, a server its
 * killed gateway left running on the same data directory, a server whose gateway still runs, a
 * server of another data directory (another checkout), or something that is not PostgreSQL. The
 * gateway here is its database configuration with Flyway, which is what would write into a server
 * that is not its own.
 */
class EmbeddedDatabaseStartTest {

    private static final Path ROOT = Path.of("target", "embedded-database-start").toAbsolutePath();

    private final List<Path> dataDirectories = new ArrayList<>();
    private final List<AutoCloseable> resources = new ArrayList<>();
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeEach
    void captureLog() throws IOException {
        Files.createDirectories(ROOT);
        log.start();
        startLogger().addAppender(log);
    }

    @AfterEach
    void cleanUp() throws Exception {
        startLogger().detachAppender(log);
        Collections.reverse(resources);
        for (AutoCloseable resource : resources) {
            resource.close();
        }
        // Whatever happened, no server of these tests outlives them.
        for (Path dataDirectory : dataDirectories) {
            PostgresProcesses.killAnyAndDelete(dataDirectory);
        }
    }

    @Test
    void startsItsOwnServerDurablyAndStopsItOnShutdown() throws IOException {
        Path dataDirectory = newDataDirectory();
        int port = freePort();

        gateway(dataDirectory, port).run(context -> {
            assertThat(context).hasNotFailed();
            JdbcClient jdbc = JdbcClient.create(context.getBean(DataSource.class));
            assertThat(Path.of(setting(jdbc, "data_directory")).toRealPath()).isEqualTo(dataDirectory.toRealPath());
            assertThat(setting(jdbc, "port")).isEqualTo(String.valueOf(port));
            // zonky's defaults are fsync and synchronous_commit off.
            assertThat(setting(jdbc, "fsync")).isEqualTo("on");
            assertThat(setting(jdbc, "synchronous_commit")).isEqualTo("on");
            assertThat(setting(jdbc, "full_page_writes")).isEqualTo("on");
            assertThat(jdbc.sql("select count(*) from flyway_schema_history").query(Integer.class).single()).isPositive();
        });

        assertThat(postmaster(dataDirectory)).as("server stopped with the gateway").isEmpty();
        assertThat(ServerOnPort.probe(port)).isInstanceOf(ServerOnPort.Nothing.class);
        assertThat(warnings()).isEmpty();
    }

    @Test
    void givesUpDurabilityOnlyWhenSwitchedOff() {
        // No data directory: the temporary one that tests use.
        new ApplicationContextRunner()
                .withUserConfiguration(EmbeddedDatabaseEnabled.class)
                .withPropertyValues("knooppunt.embedded-database.durable=false")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    JdbcClient jdbc = JdbcClient.create(context.getBean(DataSource.class));
                    assertThat(setting(jdbc, "fsync")).isEqualTo("off");
                    assertThat(setting(jdbc, "synchronous_commit")).isEqualTo("off");
                    assertThat(setting(jdbc, "full_page_writes")).isEqualTo("off");
                });
        assertThat(warnings()).singleElement().asString().contains("NOT durable");
    }

    @Test
    void takesOverTheServerThatAKilledGatewayLeftRunningOnItsDataDirectory() throws Exception {
        Path dataDirectory = newDataDirectory();
        int port = freePort();
        Process previousGateway = startServerInAnotherProcess(dataDirectory, port);
        ProcessHandle leftover = postmaster(dataDirectory).orElseThrow();
        // Outside Flyway's schema, which must be empty or migrated.
        execute(port, "create schema earlier_run", "create table earlier_run.note (text text)",
                "insert into earlier_run.note values ('written before the kill')");
        previousGateway.destroyForcibly();
        assertThat(previousGateway.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(leftover.isAlive()).as("the server outlives its killed JVM").isTrue();

        gateway(dataDirectory, port).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(warnings()).singleElement().asString()
                    .contains("was still running on port " + port, "process " + leftover.pid(), "stopping it");
            assertThat(leftover.isAlive()).as("the leftover server was stopped").isFalse();
            assertThat(postmaster(dataDirectory)).get().extracting(ProcessHandle::pid).isNotEqualTo(leftover.pid());

            JdbcClient jdbc = JdbcClient.create(context.getBean(DataSource.class));
            assertThat(jdbc.sql("select text from earlier_run.note").query(String.class).single())
                    .isEqualTo("written before the kill");
            assertThat(setting(jdbc, "fsync")).as("running with this gateway's settings now").isEqualTo("on");
            assertThat(setting(jdbc, "synchronous_commit")).isEqualTo("on");
        });

        assertThat(postmaster(dataDirectory)).as("a clean shutdown leaves no orphan").isEmpty();
        assertThat(ServerOnPort.probe(port)).isInstanceOf(ServerOnPort.Nothing.class);
    }

    @Test
    void leavesTheServerOfItsDataDirectoryAloneWhileTheProcessThatStartedItRuns() throws Exception {
        Path dataDirectory = newDataDirectory();
        int port = freePort();
        startServerInAnotherProcess(dataDirectory, port);
        ProcessHandle running = postmaster(dataDirectory).orElseThrow();

        gateway(dataDirectory, port).run(context -> assertThat(context).getFailure().rootCause()
                .isInstanceOf(EmbeddedDatabaseStartException.class)
                .hasMessageContaining("port " + port)
                .hasMessageContaining("still running")
                .hasMessageContaining("knooppunt.embedded-database.data-directory"));

        assertThat(running.isAlive()).isTrue();
        execute(port, "select 1");
    }

    @Test
    void refusesAServerOfAnotherDataDirectoryOnItsPort() throws Exception {
        Path otherCheckout = newDataDirectory();
        Path dataDirectory = newDataDirectory();
        int port = freePort();
        EmbeddedPostgres other = EmbeddedPostgres.builder()
                .setDataDirectory(otherCheckout).setCleanDataDirectory(false).setPort(port).start();
        resources.add(other);

        gateway(dataDirectory, port).run(context -> {
            assertThat(context).getFailure().rootCause()
                    .isInstanceOf(EmbeddedDatabaseStartException.class)
                    .hasMessageContaining("Port " + port + " is taken by another PostgreSQL server")
                    .hasMessageContaining(otherCheckout.toRealPath().toString())
                    .hasMessageContaining("knooppunt.embedded-database.port")
                    .hasMessageContaining("knooppunt.embedded-database.data-directory");
            FailureAnalysis analysis = new EmbeddedDatabaseStartFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).startsWith("Port " + port);
            assertThat(analysis.getAction()).contains("knooppunt.embedded-database.port");
        });

        JdbcClient foreign = JdbcClient.create(other.getPostgresDatabase());
        assertThat(foreign.sql("select count(*) from pg_tables where schemaname = 'public'").query(Integer.class).single())
                .as("nothing written into the other checkout's database").isZero();
        assertThat(postmaster(dataDirectory)).isEmpty();
    }

    @Test
    void refusesSomethingElseOnItsPort() throws Exception {
        ServerSocket notPostgres = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        resources.add(notPostgres);
        Thread greeter = new Thread(() -> answerLikeSsh(notPostgres), "not-postgres");
        greeter.setDaemon(true);
        greeter.start();
        int port = notPostgres.getLocalPort();

        gateway(newDataDirectory(), port).run(context -> assertThat(context).getFailure().rootCause()
                .isInstanceOf(EmbeddedDatabaseStartException.class)
                .hasMessageContaining("Port " + port + " is in use by something that is not this gateway's embedded PostgreSQL")
                .hasMessageContaining("knooppunt.embedded-database.port"));
    }

    private static ApplicationContextRunner gateway(Path dataDirectory, int port) {
        return new ApplicationContextRunner()
                .withUserConfiguration(EmbeddedDatabaseEnabled.class)
                .withConfiguration(AutoConfigurations.of(FlywayAutoConfiguration.class))
                .withPropertyValues(
                        "spring.flyway.locations=classpath:db/migration",
                        "knooppunt.embedded-database.data-directory=" + dataDirectory,
                        "knooppunt.embedded-database.port=" + port);
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(EmbeddedDatabaseProperties.class)
    @Import(EmbeddedDatabaseConfiguration.class)
    static class EmbeddedDatabaseEnabled {}

    private Path newDataDirectory() {
        Path directory = ROOT.resolve(UUID.randomUUID().toString());
        dataDirectories.add(directory);
        return directory;
    }

    /** A server started by another JVM, as by a gateway of an earlier run; killing that JVM orphans it. */
    private Process startServerInAnotherProcess(Path dataDirectory, int port) throws IOException {
        Path output = ROOT.resolve(dataDirectory.getFileName() + ".log");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-cp", SecondGateway.testClassPath(), AbandonedDatabase.class.getName(),
                dataDirectory.toString(), String.valueOf(port))
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        resources.add(process::destroyForcibly);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .ignoreException(NoSuchFileException.class)
                .failFast("the server process ended", () -> !process.isAlive())
                .until(() -> Files.readString(output).contains("READY"));
        return process;
    }

    private static void execute(int port, String... statements) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres",
                "postgres", "postgres");
             Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    private static String setting(JdbcClient jdbc, String name) {
        return jdbc.sql("show " + name).query(String.class).single();
    }

    private static void answerLikeSsh(ServerSocket server) {
        while (!server.isClosed()) {
            try (Socket client = server.accept(); OutputStream out = client.getOutputStream()) {
                out.write("SSH-2.0-OpenSSH_9.6\r\n".getBytes(StandardCharsets.US_ASCII));
            } catch (IOException e) {
                // closed at the end of the test, or a client gone
            }
        }
    }

    private List<String> warnings() {
        return log.list.stream()
                .filter(event -> event.getLevel().isGreaterOrEqual(Level.WARN))
                .map(ILoggingEvent::getFormattedMessage)
                .toList();
    }

    private static Logger startLogger() {
        return (Logger) LoggerFactory.getLogger(EmbeddedDatabaseStart.class);
    }
}
