package nl.knooppunt.gateway.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.springframework.util.FileSystemUtils;

/** The PostgreSQL processes of a data directory, as the tests see and kill them. */
final class PostgresProcesses {

    private PostgresProcesses() {}

    /** The running postmaster that the directory's postmaster.pid names. */
    static Optional<ProcessHandle> postmaster(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        try {
            List<String> lines = Files.readAllLines(pidFile);
            return lines.isEmpty() ? Optional.empty()
                    : ProcessHandle.of(Long.parseLong(lines.get(0).trim())).filter(ProcessHandle::isAlive);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The port that the directory's running server listens on. */
    static int port(Path dataDirectory) throws IOException {
        // Line 4 of postmaster.pid, see PostgreSQL's pidfile.h.
        return Integer.parseInt(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(3).trim());
    }

    /** The postmaster with its backends and helpers, for a kill of the whole server at once. */
    static List<ProcessHandle> withChildren(ProcessHandle postmaster) {
        return Stream.concat(Stream.of(postmaster), postmaster.descendants()).toList();
    }

    /** After a test: no server of this directory outlives it, nor its files. */
    static void killAnyAndDelete(Path dataDirectory) throws Exception {
        List<ProcessHandle> processes = postmaster(dataDirectory).map(PostgresProcesses::withChildren).orElse(List.of());
        processes.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle process : processes) {
            process.onExit().get(30, TimeUnit.SECONDS);
        }
        FileSystemUtils.deleteRecursively(dataDirectory);
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
