package nl.knooppunt.gateway.security.cms;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataStreamGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInfoGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.CollectionStore;

/**
 * Makes detached CMS signatures ({@code .p7s}) over files of any size: the content is read once,
 * through the digest, and never held in memory. The signature carries the signer's certificate
 * chain (without the self-signed root, which the receiver trusts on its own) and the signed
 * attributes content-type, message-digest, signing-time, CMS algorithm protection and
 * signing-certificate-v2 (binding the certificate, as CAdES-BES does). Thread-safe.
 */
public final class CmsSigner {

    private final PrivateKey privateKey;
    private final X509CertificateHolder signerCertificate;
    private final CollectionStore<X509CertificateHolder> certificates;
    private final Attribute signingCertificate;
    private final CmsSignatureScheme scheme;
    private final Clock clock;
    private final DigestCalculatorProvider digests = Providers.contentDigests();

    /** Signs with the default scheme for the key (RSA-PSS or ECDSA) and signing times from the system clock. */
    public CmsSigner(PrivateKey privateKey, X509Certificate[] chain) {
        this(privateKey, chain, CmsSignatureScheme.defaultFor(privateKey), Clock.systemUTC());
    }

    public CmsSigner(CmsIdentity identity) {
        this(identity.privateKey(), identity.chainArray());
    }

    public CmsSigner(CmsIdentity identity, CmsSignatureScheme scheme, Clock clock) {
        this(identity.privateKey(), identity.chainArray(), scheme, clock);
    }

    /**
     * @param chain  the signer's certificate first, then its CAs
     * @param scheme must fit the key: an RSA scheme for RSA keys, ECDSA for EC keys
     * @param clock  source of the signing-time attribute
     */
    public CmsSigner(PrivateKey privateKey, X509Certificate[] chain, CmsSignatureScheme scheme, Clock clock) {
        this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
        this.scheme = Objects.requireNonNull(scheme, "scheme");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (chain == null || chain.length == 0) {
            throw new IllegalArgumentException("The certificate chain must hold at least the signer's certificate");
        }
        if (!scheme.fits(privateKey)) {
            throw new IllegalArgumentException("Signature scheme " + scheme + " does not fit a "
                    + privateKey.getAlgorithm() + " key");
        }
        requireKeyMatchesCertificate(privateKey, chain[0], scheme);
        try {
            this.signerCertificate = new JcaX509CertificateHolder(chain[0]);
            List<X509CertificateHolder> included = new ArrayList<>(List.of(signerCertificate));
            for (int i = 1; i < chain.length; i++) {
                if (!Certificates.isSelfSigned(chain[i])) {
                    included.add(new JcaX509CertificateHolder(chain[i]));
                }
            }
            this.certificates = new CollectionStore<>(included);
            this.signingCertificate = signingCertificateAttribute(chain[0]);
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("Cannot encode the signer's certificate chain", e);
        }
    }

    public CmsSignatureScheme scheme() {
        return scheme;
    }

    /** Signs everything {@code content} delivers (not closed) and returns the DER-encoded {@code .p7s}. */
    public byte[] signDetached(InputStream content) throws IOException {
        CMSSignedDataStreamGenerator generator = new CMSSignedDataStreamGenerator();
        try {
            generator.addSignerInfoGenerator(signerInfoGenerator());
            generator.addCertificates(certificates);
        } catch (CMSException | OperatorCreationException e) {
            throw new IllegalStateException("Cannot set up the CMS signer", e);
        }
        ByteArrayOutputStream signature = new ByteArrayOutputStream(8 * 1024);
        // Detached (encapsulate = false): the generator only digests what is written to it.
        try (OutputStream digesting = generator.open(signature, false)) {
            Streams.copy(content, digesting);
        }
        try {
            // The stream generator writes BER; the small signature is re-encoded as DER, which every
            // verifier accepts. The signed attributes are DER already, so the signature stays valid.
            return new CMSSignedData(signature.toByteArray()).getEncoded(ASN1Encoding.DER);
        } catch (CMSException e) {
            throw new IllegalStateException("Cannot re-encode the CMS signature", e);
        }
    }

    /** Signs everything {@code content} delivers and writes the DER-encoded {@code .p7s} to {@code p7s}; closes neither. */
    public void signDetached(InputStream content, OutputStream p7s) throws IOException {
        p7s.write(signDetached(content));
    }

    private SignerInfoGenerator signerInfoGenerator() throws OperatorCreationException {
        // A ContentSigner is stateful, so every signature gets its own; so does its signing time.
        ContentSigner contentSigner = new JcaContentSignerBuilder(scheme.signatureAlgorithm())
                .setProvider(Providers.BOUNCY_CASTLE)
                .build(privateKey);
        Attribute signingTime = new Attribute(CMSAttributes.signingTime,
                new DERSet(new Time(Date.from(clock.instant()))));
        ASN1EncodableVector fixed = new ASN1EncodableVector();
        fixed.add(signingTime);
        fixed.add(signingCertificate);
        // The default generator adds content-type, message-digest and CMS algorithm protection.
        return new JcaSignerInfoGeneratorBuilder(digests)
                .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(new AttributeTable(fixed)))
                .build(contentSigner, signerCertificate);
    }

    private static Attribute signingCertificateAttribute(X509Certificate certificate)
            throws CertificateEncodingException {
        try {
            // ESSCertIDv2 defaults to SHA-256, so only the hash needs to be given.
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                    new DERSet(new SigningCertificateV2(new ESSCertIDv2(hash))));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** Fails at start-up rather than at the first file when the key store pairs a key with the wrong certificate. */
    private static void requireKeyMatchesCertificate(PrivateKey key, X509Certificate certificate,
                                                     CmsSignatureScheme scheme) {
        byte[] probe = "knooppunt key check".getBytes(StandardCharsets.US_ASCII);
        try {
            Signature signer = Signature.getInstance(scheme.signatureAlgorithm(), Providers.BOUNCY_CASTLE);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(scheme.signatureAlgorithm(), Providers.BOUNCY_CASTLE);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(probe);
            if (!verifier.verify(signature)) {
                throw new IllegalArgumentException("The private key does not belong to the signer's certificate");
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("The private key cannot sign for the signer's certificate", e);
        }
    }
}
