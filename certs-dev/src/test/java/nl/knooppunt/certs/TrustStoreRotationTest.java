package nl.knooppunt.certs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertPathValidatorException;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several roots in one trust store, so clients of an old and a new root are both accepted during CA rotation. */
class TrustStoreRotationTest {

    private static final char[] PASSWORD = SmallPkis.PASSWORD.toCharArray();

    @Test
    void newPkiCanAlsoTrustThePreviousRoot(@TempDir Path dir) throws Exception {
        DevPki previous = DevPkiGenerator.generate(SmallPkis.spec(dir.resolve("previous")).build());
        X509Certificate previousRoot = Pkix.only(KeyStores.readCertificates(previous.rootCaPem()));
        List<X509Certificate> previousClientChain = Pkix.presentedChain(previous.participantKeyStore("alpha"), "alpha", PASSWORD);

        DevPki current = DevPkiGenerator.generate(SmallPkis.spec(dir.resolve("current")).build());
        assertThatThrownBy(() -> Pkix.validateWithoutRevocation(previousClientChain, current.trustStore(), PASSWORD))
                .isInstanceOf(CertPathValidatorException.class);

        DevPki rotating = DevPkiGenerator.generate(
                SmallPkis.spec(dir.resolve("rotating")).additionalTrustedRoot(previousRoot).build());
        KeyStore trust = KeyStores.loadPkcs12(rotating.trustStore(), PASSWORD);

        assertThat(Collections.list(trust.aliases())).hasSize(2);
        assertThat(trust.getCertificateAlias(previousRoot)).isNotNull();
        Pkix.validateWithCrls(previousClientChain, rotating.trustStore(), PASSWORD, Pkix.crls(previous));
        Pkix.validateWithCrls(Pkix.presentedChain(rotating.participantKeyStore("alpha"), "alpha", PASSWORD),
                rotating.trustStore(), PASSWORD, Pkix.crls(rotating));
    }

    @Test
    void rotatedCaHasTheNextGenerationInItsNames(@TempDir Path dir) throws Exception {
        DevPki g1 = DevPkiGenerator.generate(SmallPkis.spec(dir.resolve("g1")).build());
        DevPki g2 = DevPkiGenerator.generate(SmallPkis.spec(dir.resolve("g2")).caGeneration("G2").build());

        X509Certificate rootG1 = Pkix.only(KeyStores.readCertificates(g1.rootCaPem()));
        X509Certificate rootG2 = Pkix.only(KeyStores.readCertificates(g2.rootCaPem()));
        assertThat(rootG1.getSubjectX500Principal().getName()).contains("Knooppunt DEV Private Root CA - G1");
        assertThat(rootG2.getSubjectX500Principal().getName()).contains("Knooppunt DEV Private Root CA - G2");
        X509Certificate issuingG2 = Pkix.only(KeyStores.readCertificates(g2.intermediateCaPem()));
        assertThat(issuingG2.getSubjectX500Principal().getName()).contains("Private Services CA - G2");
        // With distinct names, each CA's CRL is found for its own certificates when both are trusted.
        List<X509Certificate> g2Client = Pkix.presentedChain(g2.participantKeyStore("alpha"), "alpha", PASSWORD);
        Path both = dir.resolve("both.p12");
        KeyStores.writeTrustStore(both, PASSWORD, List.of(rootG1, rootG2));
        java.util.List<java.security.cert.X509CRL> crls = new java.util.ArrayList<>(Pkix.crls(g1));
        crls.addAll(Pkix.crls(g2));
        Pkix.validateWithCrls(g2Client, both, PASSWORD, crls);
        assertThatThrownBy(() -> SmallPkis.spec(dir.resolve("bad")).caGeneration("G 2").build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void trustStoreWriterGivesRootsWithTheSameNameDistinctAliases(@TempDir Path dir) throws Exception {
        X509Certificate first = Pkix.only(KeyStores.readCertificates(
                DevPkiGenerator.generate(SmallPkis.spec(dir.resolve("a")).build()).rootCaPem()));
        X509Certificate second = Pkix.only(KeyStores.readCertificates(
                DevPkiGenerator.generate(SmallPkis.spec(dir.resolve("b")).build()).rootCaPem()));
        Path trustStore = dir.resolve("both.p12");

        KeyStores.writeTrustStore(trustStore, PASSWORD, List.of(first, second));

        KeyStore trust = KeyStores.loadPkcs12(trustStore, PASSWORD);
        assertThat(Collections.list(trust.aliases()))
                .containsExactlyInAnyOrder("knooppunt-dev-private-root-ca-g1", "knooppunt-dev-private-root-ca-g1-2");
        assertThat(trust.getCertificateAlias(first)).isNotNull();
        assertThat(trust.getCertificateAlias(second)).isNotNull();
    }

    @Test
    void addingATrustedRootChangesTheSpecSoTheTrustStoreIsRewritten(@TempDir Path dir) {
        DevPki first = DevPkiGenerator.generate(SmallPkis.spec(dir.resolve("a")).build());
        X509Certificate otherRoot = Pkix.only(KeyStores.readCertificates(first.foreignRootCaPem()));

        DevPki again = DevPkiGenerator.generateIfAbsent(
                SmallPkis.spec(dir.resolve("a")).additionalTrustedRoot(otherRoot).build());

        assertThat(again.freshlyGenerated()).isTrue();
        assertThat(KeyStores.loadPkcs12(again.trustStore(), PASSWORD)).satisfies(
                trust -> assertThat(trust.getCertificateAlias(otherRoot)).isNotNull());
    }
}
