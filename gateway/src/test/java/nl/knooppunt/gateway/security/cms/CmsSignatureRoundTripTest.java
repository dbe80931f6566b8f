package nl.knooppunt.gateway.security.cms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.junit.jupiter.api.Test;

class CmsSignatureRoundTripTest {

    private static final byte[] FILE = "<batch><claim nr=\"1\">1234,56</claim></batch>\n".getBytes(StandardCharsets.UTF_8);
    private static final Instant SIGNED_AT = Instant.parse("2026-03-02T10:15:30Z");
    private static final Clock SIGNING_CLOCK = Clock.fixed(SIGNED_AT, ZoneOffset.UTC);

    @Test
    void rsaSignerUsesPssByDefaultAndTheVerifierReturnsItsOin() throws Exception {
        CmsIdentity rsa = CmsTestPki.rsa();
        CmsSigner signer = new CmsSigner(rsa.privateKey(), rsa.chainArray(),
                CmsSignatureScheme.defaultFor(rsa.privateKey()), SIGNING_CLOCK);

        byte[] p7s = signer.signDetached(new ByteArrayInputStream(FILE));
        VerifiedSignature verified = CmsTestPki.verifier().verifyDetached(new ByteArrayInputStream(FILE), p7s);

        assertThat(signer.scheme()).isEqualTo(CmsSignatureScheme.RSA_PSS_SHA256);
        assertThat(onlySigner(p7s).getEncryptionAlgOID()).isEqualTo(PKCSObjectIdentifiers.id_RSASSA_PSS.getId());
        assertThat(verified.signerOin()).isEqualTo(CmsTestPki.RSA_OIN);
        assertThat(verified.signerCertificate()).isEqualTo(rsa.certificate());
        assertThat(verified.signingTime()).contains(SIGNED_AT);
        assertThat(verified.certificatePath()).containsExactly(rsa.chain().get(0), rsa.chain().get(1));
    }

    @Test
    void rsaPkcs1SignatureVerifiesToo() throws Exception {
        CmsIdentity rsa = CmsTestPki.rsa();
        CmsSigner signer = new CmsSigner(rsa.privateKey(), rsa.chainArray(), CmsSignatureScheme.RSA_PKCS1_SHA256,
                Clock.systemUTC());

        byte[] p7s = signer.signDetached(new ByteArrayInputStream(FILE));

        assertThat(onlySigner(p7s).getEncryptionAlgOID()).isEqualTo(PKCSObjectIdentifiers.sha256WithRSAEncryption.getId());
        assertThat(CmsTestPki.verifier().verifyDetached(new ByteArrayInputStream(FILE), p7s).signerOin())
                .isEqualTo(CmsTestPki.RSA_OIN);
    }

    @Test
    void ecSignerUsesEcdsaAndVerifies() throws Exception {
        CmsSigner signer = new CmsSigner(CmsTestPki.ec());

        byte[] p7s = signer.signDetached(new ByteArrayInputStream(FILE));
        VerifiedSignature verified = CmsTestPki.verifier()
                .verifyDetached(new ByteArrayInputStream(FILE), p7s, CmsTestPki.EC_OIN);

        assertThat(signer.scheme()).isEqualTo(CmsSignatureScheme.ECDSA_SHA256);
        assertThat(onlySigner(p7s).getEncryptionAlgOID()).isEqualTo(X9ObjectIdentifiers.ecdsa_with_SHA256.getId());
        assertThat(verified.signerOin()).isEqualTo(CmsTestPki.EC_OIN);
    }

    @Test
    void signatureIsDetachedDerWithChainWithoutRootAndTheSignedAttributes() throws Exception {
        CmsIdentity rsa = CmsTestPki.rsa();
        byte[] p7s = new CmsSigner(rsa).signDetached(new ByteArrayInputStream(FILE));

        CMSSignedData signed = new CMSSignedData(p7s);
        assertThat(signed.getSignedContent()).as("detached: no content inside").isNull();
        assertThat(ASN1Primitive.fromByteArray(p7s).getEncoded(ASN1Encoding.DER)).as("DER").isEqualTo(p7s);
        assertThat(new String(p7s, StandardCharsets.ISO_8859_1)).doesNotContain("1234,56");

        @SuppressWarnings("unchecked")
        List<X509CertificateHolder> certificates = List.copyOf(signed.getCertificates().getMatches(null));
        X509Certificate root = rsa.chain().get(rsa.chain().size() - 1);
        assertThat(certificates).extracting(X509CertificateHolder::getSubject)
                .hasSize(rsa.chain().size() - 1)
                .doesNotContain(new X509CertificateHolder(root.getEncoded()).getSubject());

        SignerInformation signer = onlySigner(p7s);
        assertThat(signer.getDigestAlgOID()).isEqualTo(NISTObjectIdentifiers.id_sha256.getId());
        assertThat(signer.getSignedAttributes().toHashtable()).containsKeys(CMSAttributes.contentType,
                CMSAttributes.messageDigest, CMSAttributes.signingTime, CMSAttributes.cmsAlgorithmProtect,
                PKCSObjectIdentifiers.id_aa_signingCertificateV2);
    }

    @Test
    void signatureCanBeWrittenToAStream() throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        new CmsSigner(CmsTestPki.ec()).signDetached(new ByteArrayInputStream(FILE), out);

        assertThat(CmsTestPki.verifier().verifyDetached(new ByteArrayInputStream(FILE), out.toByteArray()).signerOin())
                .isEqualTo(CmsTestPki.EC_OIN);
    }

    @Test
    void emptyFileSignsAndVerifies() throws Exception {
        byte[] p7s = new CmsSigner(CmsTestPki.rsa()).signDetached(new ByteArrayInputStream(new byte[0]));

        assertThat(CmsTestPki.verifier().verifyDetached(new ByteArrayInputStream(new byte[0]), p7s).signerOin())
                .isEqualTo(CmsTestPki.RSA_OIN);
    }

    @Test
    void schemeMustFitTheKeyAndTheKeyTheCertificate() {
        CmsIdentity rsa = CmsTestPki.rsa();
        CmsIdentity ec = CmsTestPki.ec();

        assertThatThrownBy(() -> new CmsSigner(ec.privateKey(), ec.chainArray(), CmsSignatureScheme.RSA_PSS_SHA256,
                Clock.systemUTC())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not fit");
        assertThatThrownBy(() -> new CmsSigner(rsa.privateKey(), CmsTestPki.identity(
                CmsTestPki.current().server()).chainArray()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not belong");
    }

    private static SignerInformation onlySigner(byte[] p7s) throws Exception {
        return new CMSSignedData(p7s).getSignerInfos().getSigners().iterator().next();
    }
}
