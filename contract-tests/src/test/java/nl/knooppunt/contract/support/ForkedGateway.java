package nl.knooppunt.contract.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.knooppunt.gateway.KnooppuntApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * A gateway in a JVM of its own, with a heap of the test's choosing, on the test's database: for
 * showing that it does its work within a heap that could not hold the work whole. It runs without
 * web ports; what it delivers, it delivers over its outbound channels.
 */
public final class ForkedGateway implements AutoCloseable {

    private final Process process;
    private final Path output;

    private ForkedGateway(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    /** Starts the gateway; {@code properties} are Spring properties without the leading dashes. */
    public static ForkedGateway start(String maxHeap, Map<String, String> properties) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + maxHeap, "-XX:+ExitOnOutOfMemoryError", "-cp", classPath(), ForkedGateway.class.getName()));
        properties.forEach((name, value) -> command.add("--" + name + "=" + value));
        Path output = Files.createTempFile("forked-gateway", ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        return new ForkedGateway(process, output);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** What the gateway wrote so far (its log), for a failure message. */
    public String output() {
        try {
            String log = Files.readString(output);
            return log.length() > 20_000 ? log.substring(log.length() - 20_000) : log;
        } catch (IOException e) {
            return "(output unreadable: " + e + ")";
        }
    }

    @Override
    public void close() throws IOException {
        process.destroyForcibly();
        Files.deleteIfExists(output);
    }

    public static void main(String[] args) throws InterruptedException {
        new SpringApplicationBuilder(KnooppuntApplication.class).web(WebApplicationType.NONE).run(args);
        // Without a web server nothing keeps the JVM alive; the test ends the process.
        Thread.currentThread().join();
    }

    private static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }
}
