package nl.knooppunt.certs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PKCS#1 v1.5 as the alternative to RSA-PSS (the shared fixture covers PSS). */
class SignatureSchemeTest {

    private static final char[] PASSWORD = SmallPkis.PASSWORD.toCharArray();

    @Test
    void pkcs1SchemeSignsCertificatesAndCrlsWithSha256WithRsa(@TempDir Path dir) throws Exception {
        DevPki pki = DevPkiGenerator.generate(SmallPkis.spec(dir).signatureScheme(SignatureScheme.RSA_PKCS1_SHA256).build());

        for (Path pem : new Path[] {pki.rootCaPem(), pki.intermediateCaPem(), pki.participant("alpha").certificatePem()}) {
            X509Certificate certificate = Pkix.only(KeyStores.readCertificates(pem));
            assertThat(certificate.getSigAlgName()).as(pem.toString()).isEqualTo("SHA256withRSA");
        }
        assertThat(KeyStores.readCrl(pki.crl()).getSigAlgName()).isEqualTo("SHA256withRSA");
        Pkix.validateWithCrls(Pkix.presentedChain(pki.participantKeyStore("alpha"), "alpha", PASSWORD),
                pki.trustStore(), PASSWORD, Pkix.crls(pki));
    }

    @Test
    void pssIsTheDefaultAndCrlsAreSignedWithItToo() {
        DevPki pki = TestPkis.shared();

        assertThat(DevPkiSpec.builder(Path.of("x")).build().signatureScheme()).isEqualTo(SignatureScheme.RSA_PSS_SHA256);
        assertThat(KeyStores.readCrl(pki.crl()).getSigAlgName()).isEqualTo("RSASSA-PSS");
        assertThat(KeyStores.readCrl(pki.rootCrl()).getSigAlgName()).isEqualTo("RSASSA-PSS");
    }

    @Test
    void schemesAndKeyTypesParseFromTheirCommandLineSpelling() {
        assertThat(SignatureScheme.parse("pss")).isEqualTo(SignatureScheme.RSA_PSS_SHA256);
        assertThat(SignatureScheme.parse("RSA-PSS")).isEqualTo(SignatureScheme.RSA_PSS_SHA256);
        assertThat(SignatureScheme.parse("pkcs1")).isEqualTo(SignatureScheme.RSA_PKCS1_SHA256);
        assertThat(KeyType.parse("rsa")).isEqualTo(KeyType.RSA_2048);
        assertThat(KeyType.parse("RSA3072")).isEqualTo(KeyType.RSA_3072);
        assertThat(KeyType.parse("ec")).isEqualTo(KeyType.EC_P256);
        assertThat(KeyType.parse("P-256")).isEqualTo(KeyType.EC_P256);
        assertThatThrownBy(() -> KeyType.parse("DSA")).hasMessageContaining("Unknown key type");
        assertThatThrownBy(() -> SignatureScheme.parse("md5")).hasMessageContaining("Unknown signature scheme");
    }
}
