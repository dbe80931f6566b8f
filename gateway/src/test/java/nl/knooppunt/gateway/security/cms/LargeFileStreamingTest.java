package nl.knooppunt.gateway.security.cms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import nl.knooppunt.certs.DevPki;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files of hundreds of megabytes stream through signing, verification, encryption and decryption.
 * The content is generated on the fly and never held by the test; the second test proves the CMS
 * classes do not hold it either, by running them in a JVM whose whole heap is far smaller than the
 * file (holding it would end in OutOfMemoryError).
 */
class LargeFileStreamingTest {

    static final long SIZE = 200L * 1024 * 1024;
    /** Smaller to save time; still well over twice the forked JVM's whole heap. */
    static final long FORKED_SIZE = 128L * 1024 * 1024;
    private static final long SEED = 20260301L;

    @TempDir
    Path dir;

    @Test
    void twoHundredMegabytesSignVerifyEncryptAndDecrypt() throws Exception {
        DevPki pki = CmsTestPki.current();
        List<String> report = LargeFileRoundTrip.run(CmsTestPki.rsa(), CmsTestPki.ec(),
                CmsTestPki.trustStore(pki), CmsTestPki.crls(pki), dir, SIZE, SEED);

        assertThat(report).last().asString().startsWith("OK " + SIZE);
        System.out.println(String.join("\n", report));
    }

    @Test
    void aHeapOfFortyEightMegabytesIsEnough() throws Exception {
        DevPki pki = CmsTestPki.current();
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx48m", "-XX:+ExitOnOutOfMemoryError", "-cp", testClassPath(),
                LargeFileRoundTrip.class.getName(),
                pki.directory().toString(), dir.toString(), Long.toString(FORKED_SIZE), Long.toString(SEED));

        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("OK " + FORKED_SIZE);
        System.out.println(output);
    }

    private static String testClassPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }
}
