package nl.knooppunt.certs;

import static nl.knooppunt.certs.TestPkis.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.junit.jupiter.api.Test;

/** Names, keys and extensions of the generated certificates, read back through JDK APIs. */
class CertificateProfileTest {

    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
    private static final int DIGITAL_SIGNATURE = 0;
    private static final int NON_REPUDIATION = 1;
    private static final int KEY_ENCIPHERMENT = 2;
    private static final int KEY_AGREEMENT = 4;
    private static final int KEY_CERT_SIGN = 5;
    private static final int CRL_SIGN = 6;

    private final DevPki pki = TestPkis.shared();

    @Test
    void participantOinIsReadBackFromTheSubjectSerialNumber() throws Exception {
        for (var expected : Map.of(TestPkis.RSA_PARTICIPANT, TestPkis.RSA_OIN, TestPkis.EC_PARTICIPANT, TestPkis.EC_OIN)
                .entrySet()) {
            X509Certificate certificate = certificate(pki.participant(expected.getKey()).certificatePem());

            assertThat(serialNumberAttributeWithJdkOnly(certificate)).isEqualTo(expected.getValue());
            assertThat(Oin.fromSubject(certificate)).contains(expected.getValue());
            assertThat(pki.participant(expected.getKey()).oin()).isEqualTo(expected.getValue());
        }
    }

    @Test
    void participantSubjectIsShapedLikePkiOverheid() throws Exception {
        X509Certificate certificate = certificate(pki.participant(TestPkis.RSA_PARTICIPANT).certificatePem());

        assertThat(certificate.getSubjectX500Principal().getName(X500Principal.RFC2253, Map.of("2.5.4.5", "SERIALNUMBER")))
                .isEqualTo("CN=" + TestPkis.RSA_PARTICIPANT + ",O=" + TestPkis.RSA_ORGANISATION + ",SERIALNUMBER="
                        + TestPkis.RSA_OIN + ",C=NL");
        assertThat(certificate.getIssuerX500Principal().getName()).contains("CN=Knooppunt DEV Private Services CA - G1");
    }

    @Test
    void negativeTestCertificatesBorrowTheFirstParticipantsOin() throws Exception {
        for (EndEntity entity : List.of(pki.expired(), pki.revoked(), pki.foreign())) {
            assertThat(Oin.fromSubject(certificate(entity.certificatePem()))).as(entity.name()).contains(TestPkis.RSA_OIN);
            assertThat(entity.keyType()).isEqualTo(KeyType.RSA_2048);
        }
        assertThat(Oin.fromSubject(certificate(pki.server().certificatePem()))).contains(TestPkis.GATEWAY_OIN);
    }

    @Test
    void caCertificatesHavePathLengthsKeyUsageAndMatchingKeyIdentifiers() throws Exception {
        X509Certificate root = certificate(pki.rootCaPem());
        X509Certificate issuing = certificate(pki.intermediateCaPem());

        assertThat(root.getBasicConstraints()).isEqualTo(1);
        assertThat(issuing.getBasicConstraints()).isEqualTo(0);
        for (X509Certificate ca : List.of(root, issuing)) {
            assertThat(ca.getCriticalExtensionOIDs()).contains(Extension.basicConstraints.getId(), Extension.keyUsage.getId());
            assertThat(ca.getKeyUsage()[KEY_CERT_SIGN]).isTrue();
            assertThat(ca.getKeyUsage()[CRL_SIGN]).isTrue();
            assertThat(ca.getKeyUsage()[DIGITAL_SIGNATURE]).isFalse();
            assertThat(((RSAPublicKey) ca.getPublicKey()).getModulus().bitLength()).isEqualTo(3072);
        }
        assertThat(authorityKeyId(issuing)).isEqualTo(subjectKeyId(root));
        assertThat(authorityKeyId(certificate(pki.participant(TestPkis.EC_PARTICIPANT).certificatePem())))
                .isEqualTo(subjectKeyId(issuing));
        assertThat(crlDistributionPoints(issuing)).containsExactly("http://crl.knooppunt-dev.invalid/root-ca.crl");
        assertThat(root.getSubjectX500Principal().getName()).contains("DEV");
    }

    @Test
    void certificatesAreSignedWithRsaPssButKeysArePlainRsaAndEc() throws Exception {
        for (Path pem : List.of(pki.intermediateCaPem(), pki.server().certificatePem(),
                pki.participant(TestPkis.RSA_PARTICIPANT).certificatePem(), pki.participant(TestPkis.EC_PARTICIPANT).certificatePem())) {
            X509Certificate certificate = certificate(pem);
            assertThat(certificate.getSigAlgName()).as(pem.toString()).isEqualTo("RSASSA-PSS");
            assertThat(certificate.getSigAlgOID()).isEqualTo("1.2.840.113549.1.1.10");
        }
        X509Certificate rsa = certificate(pki.participant(TestPkis.RSA_PARTICIPANT).certificatePem());
        X509Certificate ec = certificate(pki.participant(TestPkis.EC_PARTICIPANT).certificatePem());
        assertThat(rsa.getPublicKey().getAlgorithm()).isEqualTo("RSA");
        assertThat(((RSAPublicKey) rsa.getPublicKey()).getModulus().bitLength()).isEqualTo(2048);
        assertThat(ec.getPublicKey().getAlgorithm()).isEqualTo("EC");
        assertThat(((ECPublicKey) ec.getPublicKey()).getParams().getCurve().getField().getFieldSize()).isEqualTo(256);
    }

    @Test
    void participantCertificatesAreForClientAuthSigningAndEncryption() throws Exception {
        X509Certificate rsa = certificate(pki.participant(TestPkis.RSA_PARTICIPANT).certificatePem());
        X509Certificate ec = certificate(pki.participant(TestPkis.EC_PARTICIPANT).certificatePem());

        for (X509Certificate certificate : List.of(rsa, ec)) {
            assertThat(certificate.getExtendedKeyUsage()).containsExactly(CLIENT_AUTH);
            assertThat(certificate.getKeyUsage()[DIGITAL_SIGNATURE]).isTrue();
            assertThat(certificate.getKeyUsage()[NON_REPUDIATION]).isTrue();
            assertThat(certificate.getBasicConstraints()).isEqualTo(-1);
            assertThat(crlDistributionPoints(certificate)).containsExactly("http://crl.knooppunt-dev.invalid/intermediate-ca.crl");
        }
        assertThat(rsa.getKeyUsage()[KEY_ENCIPHERMENT]).isTrue();
        assertThat(ec.getKeyUsage()[KEY_AGREEMENT]).isTrue();
        assertThat(ec.getKeyUsage()[KEY_ENCIPHERMENT]).isFalse();
    }

    @Test
    void gatewayCertificateServesLocalhostAndIsAlsoATlsClient() throws Exception {
        X509Certificate server = certificate(pki.server().certificatePem());

        assertThat(server.getExtendedKeyUsage()).containsExactlyInAnyOrder(SERVER_AUTH, CLIENT_AUTH);
        assertThat(server.getSubjectAlternativeNames()).contains(
                List.of(GeneralName.dNSName, "localhost"), List.of(GeneralName.iPAddress, "127.0.0.1"));
        assertThat(server.getKeyUsage()[DIGITAL_SIGNATURE]).isTrue();
        assertThat(server.getKeyUsage()[KEY_ENCIPHERMENT]).isTrue();
    }

    @Test
    void crlOfTheIssuingCaListsOnlyTheRevokedCertificateAndIsValidForMonths() throws Exception {
        X509CRL crl = KeyStores.readCrl(pki.crl());
        X509Certificate issuing = certificate(pki.intermediateCaPem());

        crl.verify(issuing.getPublicKey());
        assertThat(crl.getIssuerX500Principal()).isEqualTo(issuing.getSubjectX500Principal());
        assertThat(crl.getRevokedCertificates()).singleElement()
                .satisfies(entry -> assertThat(entry.getSerialNumber()).isEqualTo(pki.revoked().serialNumber()));
        assertThat(crl.isRevoked(certificate(pki.revoked().certificatePem()))).isTrue();
        assertThat(crl.isRevoked(certificate(pki.participant(TestPkis.RSA_PARTICIPANT).certificatePem()))).isFalse();
        assertThat(crl.getNextUpdate().toInstant()).isAfter(Instant.now().plus(Duration.ofDays(300)));
        assertThat(KeyStores.readCrl(pki.crlPem())).isEqualTo(crl);
        assertThat(KeyStores.readCrl(pki.rootCrl()).getRevokedCertificates()).isNull();
    }

    @Test
    void keyStoresHoldKeyAndFullChainUnderTheEntityName() throws Exception {
        for (EndEntity entity : pki.endEntities()) {
            KeyStore store = entity.loadKeyStore(PASSWORD);

            assertThat(Collections.list(store.aliases())).as(entity.name()).containsExactly(entity.name());
            assertThat(store.isKeyEntry(entity.name())).isTrue();
            assertThat(store.getKey(entity.name(), PASSWORD)).isNotNull();
            int expectedChain = entity.kind() == EntityKind.FOREIGN ? 2 : 3;
            assertThat(store.getCertificateChain(entity.name())).hasSize(expectedChain);
            assertThat(store.getCertificateChain(entity.name())[0]).isEqualTo(certificate(entity.certificatePem()));
        }
    }

    @Test
    void trustStoreHoldsOnlyTheRootAsATrustedEntry() throws Exception {
        KeyStore trust = KeyStores.loadPkcs12(pki.trustStore(), PASSWORD);

        assertThat(Collections.list(trust.aliases())).containsExactly("knooppunt-dev-private-root-ca-g1");
        assertThat(trust.isCertificateEntry("knooppunt-dev-private-root-ca-g1")).isTrue();
        assertThat(trust.getCertificate("knooppunt-dev-private-root-ca-g1")).isEqualTo(certificate(pki.rootCaPem()));
    }

    @Test
    void pemFilesHoldOnlyCertificatesAndCrlsNeverKeys() throws Exception {
        try (Stream<Path> files = Files.walk(pki.directory())) {
            List<Path> pems = files.filter(f -> f.toString().endsWith(".pem")).toList();
            assertThat(pems).hasSizeGreaterThanOrEqualTo(10);
            for (Path pem : pems) {
                String text = Files.readString(pem, StandardCharsets.US_ASCII);
                assertThat(text).as(pem.toString()).doesNotContain("PRIVATE KEY")
                        .containsPattern("-----BEGIN (CERTIFICATE|X509 CRL)-----");
            }
        }
        assertThat(KeyStores.readCertificates(pki.caChainPem()))
                .containsExactly(certificate(pki.intermediateCaPem()), certificate(pki.rootCaPem()));
    }

    private static String serialNumberAttributeWithJdkOnly(X509Certificate certificate) throws Exception {
        String dn = certificate.getSubjectX500Principal().getName(X500Principal.RFC2253, Map.of("2.5.4.5", "SERIALNUMBER"));
        for (Rdn rdn : new LdapName(dn).getRdns()) {
            if (rdn.getType().equalsIgnoreCase("SERIALNUMBER")) {
                return rdn.getValue().toString();
            }
        }
        return null;
    }

    private static X509Certificate certificate(Path pem) {
        return Pkix.only(KeyStores.readCertificates(pem));
    }

    private static byte[] subjectKeyId(X509Certificate certificate) {
        return SubjectKeyIdentifier.getInstance(extension(certificate, Extension.subjectKeyIdentifier.getId())).getKeyIdentifier();
    }

    private static byte[] authorityKeyId(X509Certificate certificate) {
        return AuthorityKeyIdentifier.getInstance(extension(certificate, Extension.authorityKeyIdentifier.getId()))
                .getKeyIdentifierOctets();
    }

    private static List<String> crlDistributionPoints(X509Certificate certificate) {
        CRLDistPoint points = CRLDistPoint.getInstance(extension(certificate, Extension.cRLDistributionPoints.getId()));
        return Stream.of(points.getDistributionPoints())
                .flatMap(point -> Stream.of(GeneralNames.getInstance(point.getDistributionPoint().getName()).getNames()))
                .map(name -> name.getName().toString())
                .toList();
    }

    private static byte[] extension(X509Certificate certificate, String oid) {
        byte[] value = certificate.getExtensionValue(oid);
        assertThat(value).as("extension " + oid).isNotNull();
        return ASN1OctetString.getInstance(value).getOctets();
    }
}
