package nl.knooppunt.gateway.security.cms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import nl.knooppunt.certs.DevPki;
import nl.knooppunt.gateway.security.cms.SignatureRejectedException.Reason;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.IssuerAndSerialNumber;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.cms.SignerIdentifier;
import org.bouncycastle.asn1.cms.SignerInfo;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.SignerInfoGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CmsSignatureRejectionTest {

    private static final byte[] FILE = "<batch><claim nr=\"1\">1234,56</claim><claim nr=\"2\">78,90</claim></batch>\n"
            .getBytes(StandardCharsets.UTF_8);

    private static DevPki pki;
    private static CmsVerifier verifier;
    private static byte[] rsaSignature;

    @BeforeAll
    static void signOnce() throws Exception {
        pki = CmsTestPki.current();
        verifier = CmsTestPki.verifier();
        rsaSignature = new CmsSigner(CmsTestPki.rsa()).signDetached(new ByteArrayInputStream(FILE));
    }

    @Test
    void theUntamperedFileIsAccepted() throws Exception {
        assertThat(verifier.verifyDetached(new ByteArrayInputStream(FILE), rsaSignature).signerOin())
                .isEqualTo(CmsTestPki.RSA_OIN);
    }

    @Test
    void aFileWithOneByteChangedIsRejected() {
        byte[] tampered = FILE.clone();
        tampered[20] ^= 0x01;

        assertRejected(() -> verifier.verifyDetached(new ByteArrayInputStream(tampered), rsaSignature),
                Reason.CONTENT_MISMATCH);
    }

    @Test
    void aTruncatedOrExtendedFileIsRejected() {
        byte[] truncated = Arrays.copyOf(FILE, FILE.length - 1);
        byte[] extended = Arrays.copyOf(FILE, FILE.length + 1);

        assertRejected(() -> verifier.verifyDetached(new ByteArrayInputStream(truncated), rsaSignature),
                Reason.CONTENT_MISMATCH);
        assertRejected(() -> verifier.verifyDetached(new ByteArrayInputStream(extended), rsaSignature),
                Reason.CONTENT_MISMATCH);
    }

    @Test
    void garbageEmptyOrTruncatedSignaturesAreMalformed() {
        byte[] garbage = "this is not a signature".getBytes(StandardCharsets.US_ASCII);
        byte[] truncated = Arrays.copyOf(rsaSignature, rsaSignature.length - 10);
        byte[] trailing = Arrays.copyOf(rsaSignature, rsaSignature.length + 3);

        for (byte[] p7s : List.of(garbage, new byte[0], truncated, trailing)) {
            assertRejected(() -> verifier.verifyDetached(new ByteArrayInputStream(FILE), p7s), Reason.MALFORMED);
        }
    }

    @Test
    void anEncryptedFileInsteadOfASignatureIsMalformed() throws Exception {
        ByteArrayOutputStream enveloped = new ByteArrayOutputStream();
        new CmsEncryptor().encrypt(new ByteArrayInputStream(FILE), enveloped, CmsTestPki.rsa().certificate());

        assertRejected(() -> verifier.verifyDetached(new ByteArrayInputStream(FILE), enveloped.toByteArray()),
                Reason.MALFORMED);
    }

    @Test
    void aChangedSignatureValueIsRejected() throws Exception {
        byte[] signatureValue = new CMSSignedData(rsaSignature).getSignerInfos().getSigners().iterator().next()
                .getSignature();
        byte[] tampered = rsaSignature.clone();
        int at = Bytes.indexOf(tampered, signatureValue) + signatureValue.length / 2;
        tampered[at] ^= 0x01;

        assertRejected(() -> verifier.verifyDetached(new ByteArrayInputStream(FILE), tampered),
                Reason.SIGNATURE_INVALID);
    }

    @Test
    void aSignerFromAForeignCaIsUntrusted() throws Exception {
        byte[] p7s = new CmsSigner(CmsTestPki.identity(pki.foreign())).signDetached(new ByteArrayInputStream(FILE));

        assertRejected(() -> verifier.verifyDetached(new ByteArrayInputStream(FILE), p7s), Reason.UNTRUSTED_SIGNER);
    }

    @Test
    void aRevokedSignerIsRejected() throws Exception {
        byte[] p7s = new CmsSigner(CmsTestPki.identity(pki.revoked())).signDetached(new ByteArrayInputStream(FILE));

        assertRejected(() -> verifier.verifyDetached(new ByteArrayInputStream(FILE), p7s), Reason.REVOKED);
    }

    @Test
    void anExpiredSignerIsRejected() throws Exception {
        byte[] p7s = new CmsSigner(CmsTestPki.identity(pki.expired())).signDetached(new ByteArrayInputStream(FILE));

        assertRejected(() -> verifier.verifyDetached(new ByteArrayInputStream(FILE), p7s), Reason.EXPIRED);
    }

    @Test
    void validityIsJudgedAtTheVerifiersClock() {
        // Before the CAs too: they are backdated, and their CRLs would not be current yet either.
        Instant beforeTheCertificates = CmsTestPki.rsa().chain().stream().map(c -> c.getNotBefore().toInstant())
                .min(Instant::compareTo).orElseThrow().minusSeconds(86_400);
        CmsVerifier early = new CmsVerifier(CmsTestPki.trustStore(pki), CmsTestPki.crls(pki),
                Clock.fixed(beforeTheCertificates, ZoneOffset.UTC));

        assertRejected(() -> early.verifyDetached(new ByteArrayInputStream(FILE), rsaSignature), Reason.NOT_YET_VALID);
    }

    @Test
    void withoutACrlTheRevocationStatusIsUnknownAndTheSignatureRejected() {
        CmsVerifier withoutCrls = new CmsVerifier(CmsTestPki.trustStore(pki), List.of(), Clock.systemUTC());

        assertRejected(() -> withoutCrls.verifyDetached(new ByteArrayInputStream(FILE), rsaSignature),
                Reason.REVOCATION_UNKNOWN);
    }

    @Test
    void crlsFromASupplierAreAskedForAtEveryVerification() throws Exception {
        java.util.concurrent.atomic.AtomicReference<List<java.security.cert.X509CRL>> published =
                new java.util.concurrent.atomic.AtomicReference<>(List.of());
        CmsVerifier refreshing = new CmsVerifier(CmsTestPki.trustStore(pki), published::get, Clock.systemUTC());

        assertRejected(() -> refreshing.verifyDetached(new ByteArrayInputStream(FILE), rsaSignature),
                Reason.REVOCATION_UNKNOWN);
        published.set(CmsTestPki.crls(pki));
        assertThat(refreshing.verifyDetached(new ByteArrayInputStream(FILE), rsaSignature).signerOin())
                .isEqualTo(CmsTestPki.RSA_OIN);
    }

    @Test
    void aSignatureByAnotherOrganisationThanExpectedIsRejected() throws Exception {
        assertThat(verifier.verifyDetached(new ByteArrayInputStream(FILE), rsaSignature, CmsTestPki.RSA_OIN)
                .signerOin()).isEqualTo(CmsTestPki.RSA_OIN);
        assertRejected(() -> verifier.verifyDetached(new ByteArrayInputStream(FILE), rsaSignature, CmsTestPki.EC_OIN),
                Reason.WRONG_SIGNER);
        assertThatThrownBy(() -> verifier.verifyDetached(new ByteArrayInputStream(FILE), rsaSignature, "123"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sha1SignaturesAreRefused() throws Exception {
        CmsIdentity rsa = CmsTestPki.rsa();
        SignerInfoGenerator sha1 = new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                .build(new JcaContentSignerBuilder("SHA1withRSA").build(rsa.privateKey()), rsa.certificate());

        byte[] p7s = detachedSignature(List.of(sha1), rsa);

        assertRejected(() -> verifier.verifyDetached(new ByteArrayInputStream(FILE), p7s), Reason.UNSUPPORTED_ALGORITHM);
    }

    @Test
    void aSignatureWithoutTheSignersCertificateOrWithTwoSignersIsMalformed() throws Exception {
        CmsIdentity rsa = CmsTestPki.rsa();
        CmsIdentity ec = CmsTestPki.ec();
        CMSSignedDataGenerator withoutCertificates = new CMSSignedDataGenerator();
        withoutCertificates.addSignerInfoGenerator(sha256(rsa, "SHA256withRSA"));
        byte[] noCertificate = withoutCertificates.generate(new CMSProcessableByteArray(FILE), false).getEncoded();
        byte[] twoSigners = detachedSignature(List.of(sha256(rsa, "SHA256withRSA"), sha256(ec, "SHA256withECDSA")), rsa, ec);

        assertRejected(() -> verifier.verifyDetached(new ByteArrayInputStream(FILE), noCertificate), Reason.MALFORMED);
        assertRejected(() -> verifier.verifyDetached(new ByteArrayInputStream(FILE), twoSigners), Reason.MALFORMED);
    }

    @Test
    void aTrustedCertificateWithoutOinIsRejected() throws Exception {
        TinyPki tiny = new TinyPki();
        CmsIdentity noOin = tiny.issue("CN=Some Service,O=Some Organisation", KeyUsage.digitalSignature);
        CmsIdentity withOin = tiny.issue("CN=Some Service,O=Some Organisation,SERIALNUMBER=" + CmsTestPki.EC_OIN,
                KeyUsage.digitalSignature);
        CmsVerifier tinyVerifier = new CmsVerifier(tiny.trustStore(), List.of(tiny.crl()), Clock.systemUTC());

        byte[] p7s = new CmsSigner(noOin).signDetached(new ByteArrayInputStream(FILE));
        byte[] control = new CmsSigner(withOin).signDetached(new ByteArrayInputStream(FILE));

        assertThat(tinyVerifier.verifyDetached(new ByteArrayInputStream(FILE), control).signerOin())
                .isEqualTo(CmsTestPki.EC_OIN);
        assertRejected(() -> tinyVerifier.verifyDetached(new ByteArrayInputStream(FILE), p7s), Reason.NO_OIN);
    }

    @Test
    void aCertificateNotMeantForSigningIsRejected() throws Exception {
        TinyPki tiny = new TinyPki();
        CmsIdentity agreementOnly = tiny.issue("CN=Encryption Only,SERIALNUMBER=" + CmsTestPki.EC_OIN,
                KeyUsage.keyAgreement);
        CmsVerifier tinyVerifier = new CmsVerifier(tiny.trustStore(), List.of(tiny.crl()), Clock.systemUTC());

        byte[] p7s = new CmsSigner(agreementOnly).signDetached(new ByteArrayInputStream(FILE));

        assertRejected(() -> tinyVerifier.verifyDetached(new ByteArrayInputStream(FILE), p7s), Reason.NOT_FOR_SIGNING);
    }

    /**
     * The signer identifier is not signed. Two certificates for one key, with different OINs: pointing
     * the signature at the other certificate must not make it the other organisation's signature.
     */
    @Test
    void aSignatureReattributedToAnotherCertificateForTheSameKeyIsRejected() throws Exception {
        TinyPki tiny = new TinyPki();
        KeyPair sharedKey = TinyPki.ecKeyPair();
        CmsIdentity real = tiny.issue("CN=Real,SERIALNUMBER=" + CmsTestPki.RSA_OIN, KeyUsage.digitalSignature, sharedKey);
        CmsIdentity other = tiny.issue("CN=Other,SERIALNUMBER=" + CmsTestPki.EC_OIN, KeyUsage.digitalSignature, sharedKey);
        CmsVerifier tinyVerifier = new CmsVerifier(tiny.trustStore(), List.of(tiny.crl()), Clock.systemUTC());
        byte[] p7s = new CmsSigner(real).signDetached(new ByteArrayInputStream(FILE));

        byte[] reattributed = pointSignerAt(p7s, other);

        assertThat(tinyVerifier.verifyDetached(new ByteArrayInputStream(FILE), p7s).signerOin())
                .isEqualTo(CmsTestPki.RSA_OIN);
        assertRejected(() -> tinyVerifier.verifyDetached(new ByteArrayInputStream(FILE), reattributed),
                Reason.SIGNATURE_INVALID);
    }

    @Test
    void aFailureToReadTheFileIsAnIoErrorNotARejection() {
        assertThatThrownBy(() -> verifier.verifyDetached(new FailingInputStream(FILE, 10), rsaSignature))
                .isInstanceOf(java.io.IOException.class)
                .hasMessage("connection reset");
    }

    @Test
    void messagesCarryNoCertificateSubjects() throws Exception {
        byte[] p7s = new CmsSigner(CmsTestPki.identity(pki.revoked())).signDetached(new ByteArrayInputStream(FILE));

        assertThatThrownBy(() -> verifier.verifyDetached(new ByteArrayInputStream(FILE), p7s))
                .isInstanceOfSatisfying(SignatureRejectedException.class, e -> assertThat(e.getMessage())
                        .doesNotContain("CN=", "O=", CmsTestPki.RSA).startsWith("REVOKED: "));
    }

    private static void assertRejected(ThrowingCallable verification, Reason reason) {
        assertThatThrownBy(verification)
                .isInstanceOfSatisfying(SignatureRejectedException.class,
                        e -> assertThat(e.reason()).as(e.getMessage()).isEqualTo(reason));
    }

    private static SignerInfoGenerator sha256(CmsIdentity identity, String algorithm) throws Exception {
        return new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                .build(new JcaContentSignerBuilder(algorithm).build(identity.privateKey()), identity.certificate());
    }

    private static byte[] detachedSignature(List<SignerInfoGenerator> signers, CmsIdentity... identities)
            throws Exception {
        CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
        signers.forEach(generator::addSignerInfoGenerator);
        for (CmsIdentity identity : identities) {
            generator.addCertificates(new JcaCertStore(identity.chain()));
        }
        return generator.generate(new CMSProcessableByteArray(FILE), false).getEncoded();
    }

    /** Rewrites the (unsigned) signer identifier and certificate set to name another certificate. */
    private static byte[] pointSignerAt(byte[] p7s, CmsIdentity other) throws Exception {
        SignedData signedData = SignedData.getInstance(ContentInfo.getInstance(
                org.bouncycastle.asn1.ASN1Primitive.fromByteArray(p7s)).getContent());
        SignerInfo original = SignerInfo.getInstance(signedData.getSignerInfos().getObjectAt(0));
        var otherCertificate = new JcaX509CertificateHolder(other.certificate()).toASN1Structure();
        SignerInfo reattributed = new SignerInfo(new SignerIdentifier(new IssuerAndSerialNumber(otherCertificate)),
                original.getDigestAlgorithm(), original.getAuthenticatedAttributes(),
                original.getDigestEncryptionAlgorithm(), original.getEncryptedDigest(),
                original.getUnauthenticatedAttributes());
        SignedData forged = new SignedData(signedData.getDigestAlgorithms(), signedData.getEncapContentInfo(),
                new DERSet(otherCertificate), null, new DERSet(reattributed));
        return new ContentInfo(CMSObjectIdentifiers.signedData, forged).getEncoded(ASN1Encoding.DER);
    }
}
