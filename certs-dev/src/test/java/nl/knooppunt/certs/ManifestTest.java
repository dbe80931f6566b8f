package nl.knooppunt.certs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** {@code pki.properties}: every entity with its kind, OIN, files, serial and notAfter, readable by plain Java. */
class ManifestTest {

    private final DevPki pki = TestPkis.shared();

    @Test
    void listsEveryEntityWithKindOinFilesSerialAndNotAfter() throws Exception {
        Properties manifest = load(pki.manifest());

        assertThat(manifest.getProperty("entities").split(","))
                .containsExactly("gateway", TestPkis.RSA_PARTICIPANT, TestPkis.EC_PARTICIPANT, "expired", "revoked", "foreign");
        for (EndEntity entity : pki.endEntities()) {
            String prefix = "entity." + entity.name() + ".";
            X509Certificate certificate = Pkix.only(KeyStores.readCertificates(
                    pki.directory().resolve(manifest.getProperty(prefix + "certificate"))));

            assertThat(manifest.getProperty(prefix + "kind")).isEqualTo(entity.kind().name().toLowerCase());
            assertThat(manifest.getProperty(prefix + "oin")).isEqualTo(Oin.fromSubject(certificate).orElseThrow());
            assertThat(new BigInteger(manifest.getProperty(prefix + "serial"), 16)).isEqualTo(certificate.getSerialNumber());
            assertThat(manifest.getProperty(prefix + "notAfter")).isEqualTo(certificate.getNotAfter().toInstant().toString());
            assertThat(pki.directory().resolve(manifest.getProperty(prefix + "keyStore"))).isRegularFile();
        }
        assertThat(manifest.getProperty("entity.gateway.kind")).isEqualTo("server");
        assertThat(manifest.getProperty("signatureAlgorithm")).isEqualTo("SHA256withRSAandMGF1");
        assertThat(manifest.getProperty("ca.intermediate.crl")).isEqualTo("ca/intermediate-ca.crl");
        assertThat(manifest.getProperty("ca.root.crlDistributionPoint")).isEqualTo("http://crl.knooppunt-dev.invalid/root-ca.crl");
    }

    @Test
    void pathsAreRelativeSoTheManifestHoldsNothingOfThisMachine() throws Exception {
        String text = Files.readString(pki.manifest(), StandardCharsets.ISO_8859_1);

        assertThat(text).doesNotContain(pki.directory().toString()).doesNotContain(new String(TestPkis.PASSWORD));
        for (String value : List.of("trustStore", "ca.root.certificate", "entity.foreign.keyStore")) {
            assertThat(load(pki.manifest()).getProperty(value)).doesNotStartWith("/").doesNotContain("..");
        }
    }

    @Test
    void readingTheManifestGivesBackThePkiThatWasWritten() {
        DevPkiManifest.Contents contents = DevPkiManifest.read(pki.directory());

        assertThat(contents.pki()).isEqualTo(pki.withFreshlyGenerated(false));
        assertThat(contents.pki().participant(TestPkis.RSA_PARTICIPANT).subject()).contains(TestPkis.RSA_ORGANISATION);
    }

    private static Properties load(Path file) throws Exception {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        }
        return properties;
    }
}
