package nl.knooppunt.certs;

import static nl.knooppunt.certs.TestPkis.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.security.cert.CertPathValidatorException;
import java.security.cert.PKIXCertPathValidatorResult;
import java.security.cert.PKIXReason;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The generated chains as the JDK's PKIX validator sees them, with CRL checking on. */
class CertificatePathValidationTest {

    private final DevPki pki = TestPkis.shared();

    @ParameterizedTest
    @ValueSource(strings = {TestPkis.RSA_PARTICIPANT, TestPkis.EC_PARTICIPANT})
    void participantChainValidatesAgainstTheTrustStoreWithCrlChecking(String name) throws Exception {
        PKIXCertPathValidatorResult result = Pkix.validateWithCrls(
                Pkix.presentedChain(pki.participantKeyStore(name), name, PASSWORD), pki.trustStore(), PASSWORD, Pkix.crls(pki));

        X509Certificate root = Pkix.only(KeyStores.readCertificates(pki.rootCaPem()));
        assertThat(result.getTrustAnchor().getTrustedCert()).isEqualTo(root);
        assertThat(result.getPublicKey()).isEqualTo(Pkix.only(KeyStores.readCertificates(
                pki.participant(name).certificatePem())).getPublicKey());
    }

    @ParameterizedTest
    @ValueSource(strings = {TestPkis.RSA_PARTICIPANT, TestPkis.EC_PARTICIPANT})
    void chainPemBesideTheLeafHoldsLeafIssuingCaAndRootAndValidates(String name) throws Exception {
        List<X509Certificate> chain = KeyStores.readCertificates(pki.participant(name).chainPem());

        assertThat(chain).hasSize(3);
        assertThat(chain.get(0)).isEqualTo(Pkix.only(KeyStores.readCertificates(pki.participant(name).certificatePem())));
        assertThat(chain.get(1)).isEqualTo(Pkix.only(KeyStores.readCertificates(pki.intermediateCaPem())));
        assertThat(chain.get(2)).isEqualTo(Pkix.only(KeyStores.readCertificates(pki.rootCaPem())));
        // What a peer validates: the chain without the root, which it must already trust.
        Pkix.validateWithCrls(chain.subList(0, 2), pki.trustStore(), PASSWORD, Pkix.crls(pki));
    }

    @Test
    void gatewayChainValidatesWithCrlChecking() throws Exception {
        List<X509Certificate> chain = Pkix.presentedChain(pki.serverKeyStore(), "gateway", PASSWORD);

        assertThat(chain).hasSize(2);
        Pkix.validateWithCrls(chain, pki.trustStore(), PASSWORD, Pkix.crls(pki));
    }

    @Test
    void revokedCertificateFailsAsRevoked() throws Exception {
        List<X509Certificate> chain = Pkix.presentedChain(pki.revokedKeyStore(), "revoked", PASSWORD);

        CertPathValidatorException failure = catchThrowableOfType(CertPathValidatorException.class,
                () -> Pkix.validateWithCrls(chain, pki.trustStore(), PASSWORD, Pkix.crls(pki)));

        assertThat(failure).isNotNull();
        assertThat(failure.getReason()).isEqualTo(CertPathValidatorException.BasicReason.REVOKED);
        assertThat(failure.getIndex()).isZero();
    }

    @Test
    void revokedCertificateIsOtherwiseValidSoTheCrlIsWhatRejectsIt() throws Exception {
        List<X509Certificate> chain = Pkix.presentedChain(pki.revokedKeyStore(), "revoked", PASSWORD);

        Pkix.validateWithoutRevocation(chain, pki.trustStore(), PASSWORD);
    }

    @Test
    void withoutTheCrlsRevocationStatusCannotBeDetermined() throws Exception {
        List<X509Certificate> chain = Pkix.presentedChain(
                pki.participantKeyStore(TestPkis.RSA_PARTICIPANT), TestPkis.RSA_PARTICIPANT, PASSWORD);

        CertPathValidatorException failure = catchThrowableOfType(CertPathValidatorException.class,
                () -> Pkix.validateWithCrls(chain, pki.trustStore(), PASSWORD, List.of()));

        assertThat(failure).isNotNull();
        assertThat(failure.getReason()).isEqualTo(CertPathValidatorException.BasicReason.UNDETERMINED_REVOCATION_STATUS);
    }

    @Test
    void expiredCertificateFailsAsExpired() throws Exception {
        List<X509Certificate> chain = Pkix.presentedChain(pki.expiredKeyStore(), "expired", PASSWORD);

        CertPathValidatorException failure = catchThrowableOfType(CertPathValidatorException.class,
                () -> Pkix.validateWithCrls(chain, pki.trustStore(), PASSWORD, Pkix.crls(pki)));

        assertThat(failure).isNotNull();
        assertThat(failure.getReason()).isEqualTo(CertPathValidatorException.BasicReason.EXPIRED);
        assertThat(chain.get(0).getNotAfter()).isInThePast();
    }

    @Test
    void foreignCertificateFailsForLackOfATrustAnchor() throws Exception {
        List<X509Certificate> chain = Pkix.presentedChain(pki.foreignKeyStore(), "foreign", PASSWORD);

        CertPathValidatorException failure = catchThrowableOfType(CertPathValidatorException.class,
                () -> Pkix.validateWithCrls(chain, pki.trustStore(), PASSWORD, Pkix.crls(pki)));

        assertThat(failure).isNotNull();
        assertThat(failure.getReason()).isEqualTo(PKIXReason.NO_TRUST_ANCHOR);
    }

    @Test
    void foreignCertificateValidatesAgainstItsOwnRootSoTheTrustStoreIsWhatRejectsIt(@TempDir Path dir) throws Exception {
        X509Certificate foreignRoot = Pkix.only(KeyStores.readCertificates(pki.foreignRootCaPem()));
        Path foreignTrust = dir.resolve("foreign-truststore.p12");
        KeyStores.writeTrustStore(foreignTrust, PASSWORD, List.of(foreignRoot));

        Pkix.validateWithoutRevocation(Pkix.presentedChain(pki.foreignKeyStore(), "foreign", PASSWORD),
                foreignTrust, PASSWORD);
    }
}
