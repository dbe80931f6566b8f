package nl.knooppunt.gateway.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the embedded PostgreSQL, and makes sure the server the gateway then talks to is the one of
 * its own data directory. zonky's builder does not check that its {@code pg_ctl start} succeeded: it
 * waits until something answers on the port and takes whatever that is, such as a server left
 * running by a killed gateway, or another checkout's server on the same port.
 */
final class EmbeddedDatabaseStart {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseStart.class);

    private static final String PORT_PROPERTY = "knooppunt.embedded-database.port";
    private static final String DATA_DIRECTORY_PROPERTY = "knooppunt.embedded-database.data-directory";

    /** zonky turns fsync off ({@code -F}) and synchronous_commit off; these override that. */
    private static final Map<String, String> DURABLE = Map.of(
            "fsync", "on", "synchronous_commit", "on", "full_page_writes", "on");
    private static final Map<String, String> NOT_DURABLE = Map.of(
            "fsync", "off", "synchronous_commit", "off", "full_page_writes", "off");

    /** Crash recovery after a kill replays the WAL first; on a busy machine that takes a while. */
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);
    private static final Duration LEFTOVER_STOP_WAIT = Duration.ofSeconds(60);
    /** zonky's lock file: held by the JVM that started the server, for as long as it runs. */
    private static final String OWNER_LOCK = "epg-lock";

    private EmbeddedDatabaseStart() {}

    static EmbeddedPostgres start(EmbeddedDatabaseProperties properties) throws IOException {
        int port = properties.port();
        boolean temporary = properties.dataDirectory() == null;
        Path dataDirectory;
        if (temporary) {
            requireFree(port, null);
            dataDirectory = Files.createTempDirectory("epg");
        } else {
            dataDirectory = properties.dataDirectory().toAbsolutePath().normalize();
            Files.createDirectories(dataDirectory);
            stopLeftover(dataDirectory);
            requireFree(port, dataDirectory);
        }

        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(temporary)
                .setPGStartupWait(STARTUP_WAIT)
                .setServerConfig("max_connections", "100")
                .setServerConfig("timezone", "UTC");
        (properties.durable() ? DURABLE : NOT_DURABLE).forEach(builder::setServerConfig);
        if (port > 0) {
            builder.setPort(port);
        }
        EmbeddedPostgres postgres = builder.start();
        // Also catches a server that took the port between the check above and our own start.
        ServerOnPort answering = ServerOnPort.probe(postgres.getPort());
        if (!(answering instanceof ServerOnPort.Postgres server && server.serves(dataDirectory))) {
            postgres.close();
            throw conflict(postgres.getPort(), temporary ? null : dataDirectory, answering);
        }
        if (properties.durable()) {
            log.info("Embedded PostgreSQL started on port {} (data directory: {})", postgres.getPort(),
                    temporary ? "temporary" : dataDirectory);
        } else {
            log.warn("Embedded PostgreSQL started on port {} (data directory: {}) NOT durable "
                            + "(knooppunt.embedded-database.durable=false): a crash can lose confirmed transactions",
                    postgres.getPort(), temporary ? "temporary" : dataDirectory);
        }
        return postgres;
    }

    /**
     * A server of this data directory that is still running after its gateway was killed is stopped
     * cleanly, so that this gateway starts it again with its own settings and stops it on shutdown.
     * A server of this directory whose gateway is still running is left alone.
     */
    private static void stopLeftover(Path dataDirectory) {
        Optional<Leftover> found = Leftover.in(dataDirectory);
        if (found.isEmpty()) {
            return;
        }
        Leftover leftover = found.get();
        if (!(ServerOnPort.probe(leftover.port()) instanceof ServerOnPort.Postgres server
                && server.serves(dataDirectory))) {
            // A stale postmaster.pid whose process number is in use by something else: PostgreSQL sorts that out.
            return;
        }
        if (ownedByRunningProcess(dataDirectory)) {
            throw new EmbeddedDatabaseStartException(
                    "The embedded PostgreSQL of data directory " + dataDirectory + " is running on port "
                            + leftover.port() + ", started by a process that is still running (another gateway of "
                            + "this directory?).",
                    "Stop that gateway first, or give this one its own " + DATA_DIRECTORY_PROPERTY + " and "
                            + PORT_PROPERTY + ".");
        }
        log.warn("The embedded PostgreSQL of data directory {} was still running on port {} (process {}), "
                        + "left behind by a gateway that did not shut down; stopping it and starting it again for "
                        + "this gateway",
                dataDirectory, leftover.port(), leftover.process().pid());
        // SIGTERM: PostgreSQL's smart shutdown, with a checkpoint. The killed gateway's sessions are gone already.
        if (!leftover.process().destroy()) {
            throw leftoverNotStopped(dataDirectory, leftover, "it cannot be signalled");
        }
        try {
            leftover.process().onExit().get(LEFTOVER_STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw leftoverNotStopped(dataDirectory, leftover, "it did not stop within " + LEFTOVER_STOP_WAIT.toSeconds()
                    + " seconds (are other clients still connected?)");
        } catch (ExecutionException e) {
            throw leftoverNotStopped(dataDirectory, leftover, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw leftoverNotStopped(dataDirectory, leftover, "interrupted");
        }
    }

    private static EmbeddedDatabaseStartException leftoverNotStopped(Path dataDirectory, Leftover leftover,
                                                                     String why) {
        return new EmbeddedDatabaseStartException(
                "The embedded PostgreSQL of data directory " + dataDirectory + " left running on port "
                        + leftover.port() + " (process " + leftover.process().pid() + ") could not be stopped: "
                        + why + ".",
                "Stop it yourself (kill -INT " + leftover.process().pid() + " is PostgreSQL's fast shutdown) and "
                        + "start the gateway again.");
    }

    /** Whether a JVM, this one or another, holds zonky's lock on the directory, i.e. its server is in use. */
    private static boolean ownedByRunningProcess(Path dataDirectory) {
        Path lockFile = dataDirectory.resolve(OWNER_LOCK);
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            // This JVM holds it (tests only). Closing the channel drops the JVM's OS-level lock on the
            // file, but the server stays in use by its EmbeddedPostgres all the same.
            return true;
        } catch (IOException e) {
            // Cannot tell: do not stop a server that may be in use.
            return true;
        }
    }

    private static void requireFree(int port, Path dataDirectory) {
        if (port <= 0) {
            return;
        }
        ServerOnPort answering = ServerOnPort.probe(port);
        if (!(answering instanceof ServerOnPort.Nothing)) {
            throw conflict(port, dataDirectory, answering);
        }
    }

    private static EmbeddedDatabaseStartException conflict(int port, Path dataDirectory, ServerOnPort answering) {
        String ours = dataDirectory == null ? "a temporary data directory" : "data directory " + dataDirectory;
        String action = "Stop that server, or set " + PORT_PROPERTY + " to a free port"
                + (dataDirectory == null ? "."
                        : " (and " + DATA_DIRECTORY_PROPERTY + " to this gateway's own directory).");
        if (answering instanceof ServerOnPort.Postgres server) {
            if (dataDirectory != null && server.serves(dataDirectory)) {
                return new EmbeddedDatabaseStartException("Port " + port + " is taken by a PostgreSQL server of "
                        + "this gateway's own " + ours + " that this gateway did not start and could not take over "
                        + "(its postmaster.pid names no running process).", action);
            }
            return new EmbeddedDatabaseStartException("Port " + port + " is taken by another PostgreSQL server, of "
                    + "data directory " + server.dataDirectory() + " (perhaps the gateway of another checkout); this "
                    + "gateway's embedded database is " + ours + ".", action);
        }
        if (answering instanceof ServerOnPort.Other other) {
            return new EmbeddedDatabaseStartException("Port " + port + " is in use by something that is not this "
                    + "gateway's embedded PostgreSQL (" + other.reason() + ").", action);
        }
        return new EmbeddedDatabaseStartException("The embedded PostgreSQL of " + ours + " did not answer on port "
                + port + " after its start.", action);
    }

    /** The server that postmaster.pid names, if that process is alive. */
    private record Leftover(ProcessHandle process, int port) {

        static Optional<Leftover> in(Path dataDirectory) {
            Path pidFile = dataDirectory.resolve("postmaster.pid");
            try {
                // Line 1: process id; line 4: port (see PostgreSQL's pidfile.h).
                List<String> lines = Files.readAllLines(pidFile);
                if (lines.size() < 4) {
                    return Optional.empty();
                }
                long pid = Long.parseLong(lines.get(0).trim());
                int port = Integer.parseInt(lines.get(3).trim());
                return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(process -> new Leftover(process, port));
            } catch (IOException | NumberFormatException e) {
                return Optional.empty();
            }
        }
    }
}
