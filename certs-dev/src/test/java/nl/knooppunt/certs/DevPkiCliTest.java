package nl.knooppunt.certs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line writes the expected files, keeps them on a second run, and rejects bad arguments. */
class DevPkiCliTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void writesStoresPemsCrlsAndManifestThenKeepsThemThenForcesNewOnes() throws Exception {
        String[] args = {"--out", dir.toString(), "--password", "s3cret",
                "--participant", "shv-a=00000001000000010000:EC", "--participant=creditor-b=00000001000000020000:RSA",
                "--server-host", "localhost", "--server-host", "127.0.0.1", "--server-host", "gateway.test",
                "--gateway-oin", "00000099000000000007", "--signature", "PKCS1", "--validity-days", "90"};

        assertThat(run(args)).isZero();

        for (String file : new String[] {"pki.properties", "truststore.p12", "ca/root-ca.pem", "ca/intermediate-ca.pem",
                "ca/ca-chain.pem", "ca/root-ca.crl", "ca/root-ca.crl.pem", "ca/intermediate-ca.crl",
                "ca/intermediate-ca.crl.pem", "gateway/gateway.p12", "gateway/gateway.pem", "participants/shv-a.p12",
                "participants/shv-a.pem", "participants/creditor-b.p12", "participants/creditor-b.pem",
                "negative/expired.p12", "negative/revoked.p12", "negative/foreign.p12", "negative/foreign-root-ca.pem"}) {
            assertThat(dir.resolve(file)).as(file).isRegularFile();
        }
        assertThat(stdout()).startsWith("Generated a DEV PKI").contains("participants/shv-a.p12", "00000001000000020000")
                .doesNotContain("s3cret");
        assertThat(KeyStores.loadPkcs12(dir.resolve("participants/shv-a.p12"), "s3cret".toCharArray()).isKeyEntry("shv-a"))
                .isTrue();
        X509Certificate gateway = Pkix.only(KeyStores.readCertificates(dir.resolve("gateway/gateway.pem")));
        assertThat(gateway.getSigAlgName()).isEqualTo("SHA256withRSA");
        assertThat(Oin.fromSubject(gateway)).contains("00000099000000000007");
        assertThat(gateway.getSubjectX500Principal().getName()).startsWith("CN=localhost");

        out.reset();
        assertThat(run(args)).isZero();
        assertThat(stdout()).startsWith("Kept the existing DEV PKI");

        out.reset();
        String[] forced = Arrays.copyOf(args, args.length + 1);
        forced[args.length] = "--force";
        assertThat(run(forced)).isZero();
        assertThat(stdout()).startsWith("Generated a DEV PKI").contains("(--force)");
    }

    @Test
    void badArgumentsExitWithUsageAndWriteNothing() {
        assertThat(run("--out", dir.toString(), "--participant", "shv-a=123")).isEqualTo(2);
        assertThat(stderr()).contains("20 digits");
        assertThat(run("--out", dir.toString(), "--no-such-option", "x")).isEqualTo(2);
        assertThat(stderr()).contains("Unknown option --no-such-option", "Usage:");
        assertThat(run("--out")).isEqualTo(2);
        assertThat(dir.resolve("pki.properties")).doesNotExist();
    }

    @Test
    void helpPrintsUsage() {
        assertThat(run("--help")).isZero();
        assertThat(stdout()).contains("--participant NAME=OIN[:KEY]", "--force", "DEV ONLY");
    }

    private int run(String... args) {
        return DevPkiCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
