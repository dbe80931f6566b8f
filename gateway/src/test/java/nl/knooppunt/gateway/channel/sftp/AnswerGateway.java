package nl.knooppunt.gateway.channel.sftp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import nl.knooppunt.gateway.support.SecondGateway;
import nl.knooppunt.gateway.support.SftpTestServer;

/**
 * A gateway in a JVM of its own (a heap of the test's choosing, a process the test can kill) on the
 * test's database, taking the answer files of the creditors of profile {@code sftp-answer-test} from
 * the test's SFTP server. The test's own gateway has no SSH key configured, so it makes no answer
 * routes and leaves every file to this one.
 */
final class AnswerGateway implements AutoCloseable {

    private final Process process;
    private final Path log;

    private AnswerGateway(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static AnswerGateway start(String heap, String jdbcUrl, SftpTestServer server, Path directory) throws IOException {
        Files.createDirectories(directory);
        Path log = Files.createTempFile(directory, "gateway-", ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-XX:+ExitOnOutOfMemoryError", "-cp", SecondGateway.testClassPath(),
                AnswerGateway.class.getName(), jdbcUrl,
                "test.sftp.port=" + server.port(),
                "knooppunt.outbound.enabled=false",
                "knooppunt.sftp.private-key=" + server.privateKey().toAbsolutePath(),
                "knooppunt.sftp.known-hosts=" + server.knownHosts().toAbsolutePath(),
                "knooppunt.sftp.poll-interval=500ms",
                "knooppunt.sftp.work-directory=" + directory.resolve("work").toAbsolutePath()));
        return new AnswerGateway(new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start(),
                log);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Whether the answer route of this creditor has started (or the process ended, see {@link #isAlive()}). */
    boolean routeStartedOrDead(String oin) throws IOException {
        return !process.isAlive() || Files.readString(log).contains("SFTP creditor " + oin + ": answer route started");
    }

    /** The end of the log, for a failure message. */
    String tail() {
        try {
            String text = Files.readString(log);
            return text.length() > 20_000 ? text.substring(text.length() - 20_000) : text;
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    /** Ends the process at once (SIGKILL): no shutdown hook, no graceful stop of routes or transactions. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }

    /** The test's database (first argument), then Spring properties. */
    public static void main(String[] args) throws InterruptedException {
        SecondGateway.start(args[0], new String[] {"test", "sftp-answer-test"}, Map.of(),
                Arrays.copyOfRange(args, 1, args.length));
        // Without a web server nothing keeps the JVM alive; the test ends the process.
        Thread.currentThread().join();
    }
}
