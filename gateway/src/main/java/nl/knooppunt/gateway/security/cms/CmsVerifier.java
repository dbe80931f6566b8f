package nl.knooppunt.gateway.security.cms;

import static nl.knooppunt.gateway.security.cms.SignatureRejectedException.Reason.CONTENT_MISMATCH;
import static nl.knooppunt.gateway.security.cms.SignatureRejectedException.Reason.MALFORMED;
import static nl.knooppunt.gateway.security.cms.SignatureRejectedException.Reason.NOT_FOR_SIGNING;
import static nl.knooppunt.gateway.security.cms.SignatureRejectedException.Reason.NO_OIN;
import static nl.knooppunt.gateway.security.cms.SignatureRejectedException.Reason.SIGNATURE_INVALID;
import static nl.knooppunt.gateway.security.cms.SignatureRejectedException.Reason.UNSUPPORTED_ALGORITHM;
import static nl.knooppunt.gateway.security.cms.SignatureRejectedException.Reason.WRONG_SIGNER;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import nl.knooppunt.gateway.registry.Oin;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedDataParser;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.CMSTypedStream;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.util.Store;

/**
 * Verifies detached CMS signatures on incoming files. The content is read once, streaming, to
 * compute its digest; then the signature is checked, then the signer's certificate path (trusted
 * root, validity now, CRLs), key usage and OIN. The first failure ends verification with a
 * {@link SignatureRejectedException} carrying its {@link SignatureRejectedException.Reason}.
 * Thread-safe.
 */
public final class CmsVerifier {

    /** keyUsage bits that allow signing content: digitalSignature and nonRepudiation (contentCommitment). */
    private static final int DIGITAL_SIGNATURE = 0;
    private static final int NON_REPUDIATION = 1;

    private final SignerPathValidator paths;
    private final Supplier<? extends Collection<X509CRL>> crls;
    private final Clock clock;
    private final DigestCalculatorProvider digests = Providers.contentDigests();

    /**
     * @param trustStore trusted roots (certificate entries); several during a CA rotation
     * @param crls       current CRLs of every CA in the trusted hierarchies, roots included
     * @param clock      the instant at which certificates must be valid
     */
    public CmsVerifier(KeyStore trustStore, Collection<X509CRL> crls, Clock clock) {
        this(trustStore, constant(List.copyOf(crls)), clock);
    }

    /**
     * As {@link #CmsVerifier(KeyStore, Collection, Clock)}, with the CRLs asked for at every
     * verification, so that CRLs refreshed on disk take effect without a new verifier.
     */
    public CmsVerifier(KeyStore trustStore, Supplier<? extends Collection<X509CRL>> crls, Clock clock) {
        this.paths = new SignerPathValidator(Objects.requireNonNull(trustStore, "trustStore"));
        this.crls = Objects.requireNonNull(crls, "crls");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    private static Supplier<Collection<X509CRL>> constant(Collection<X509CRL> crls) {
        return () -> crls;
    }

    /**
     * Verifies that {@code p7s} is a valid signature over everything {@code content} delivers (the
     * stream is read to its end, not closed), by a trusted organisation.
     *
     * @throws IOException                 when reading the content fails
     * @throws SignatureRejectedException when the signature must not be relied on
     */
    public VerifiedSignature verifyDetached(InputStream content, byte[] p7s)
            throws IOException, SignatureRejectedException {
        Objects.requireNonNull(content, "content");
        requireSignedData(p7s);
        CMSSignedDataParser parser = open(content, p7s);
        // The one pass over the content: the parser's digest calculators see every byte.
        parser.getSignedContent().drain();

        SignerInformation signer = onlySigner(parser);
        AcceptedAlgorithms.check(signer);
        List<X509Certificate> supplied = certificates(parser);
        X509Certificate signerCertificate = signerCertificate(parser, signer);
        AcceptedAlgorithms.checkKey(signerCertificate.getPublicKey());
        verifySignature(signer, signerCertificate);
        requireSigningCertificateMatches(signer, signerCertificate);

        List<X509Certificate> path = paths.validate(signerCertificate, supplied, crls.get(), clock.instant());
        requireSigningUsage(signerCertificate);
        String oin = CertificateOin.of(signerCertificate).orElseThrow(() -> new SignatureRejectedException(
                NO_OIN, "the signer's certificate has no OIN in its subject serialNumber"));
        return new VerifiedSignature(signerCertificate, oin, signingTime(signer), path);
    }

    /** As {@link #verifyDetached(InputStream, byte[])}, and the signer must be the organisation {@code expectedOin}. */
    public VerifiedSignature verifyDetached(InputStream content, byte[] p7s, String expectedOin)
            throws IOException, SignatureRejectedException {
        if (!Oin.isValid(expectedOin)) {
            throw new IllegalArgumentException("The expected OIN must be exactly 20 digits");
        }
        VerifiedSignature verified = verifyDetached(content, p7s);
        if (!verified.signerOin().equals(expectedOin)) {
            throw new SignatureRejectedException(WRONG_SIGNER,
                    "signed by OIN " + verified.signerOin() + ", expected OIN " + expectedOin);
        }
        return verified;
    }

    /** A strict DER/BER parse of the small signature up front, so that garbage fails before the content is read. */
    private static void requireSignedData(byte[] p7s) throws SignatureRejectedException {
        Objects.requireNonNull(p7s, "p7s");
        try {
            ContentInfo contentInfo = ContentInfo.getInstance(ASN1Primitive.fromByteArray(p7s));
            if (CMSObjectIdentifiers.signedData.equals(contentInfo.getContentType())) {
                return;
            }
        } catch (IOException | RuntimeException e) {
            throw malformed("the signature is not a CMS structure", e);
        }
        throw malformed("the signature is not a CMS SignedData structure", null);
    }

    private CMSSignedDataParser open(InputStream content, byte[] p7s) throws SignatureRejectedException {
        try {
            return new CMSSignedDataParser(digests, new CMSTypedStream(content), p7s);
        } catch (CMSException | RuntimeException e) {
            throw malformed("the signature is not a CMS SignedData structure", e);
        }
    }

    private static SignerInformation onlySigner(CMSSignedDataParser parser) throws SignatureRejectedException {
        Collection<SignerInformation> signers;
        try {
            signers = parser.getSignerInfos().getSigners();
        } catch (CMSException | RuntimeException e) {
            throw malformed("the signer information cannot be read", e);
        }
        if (signers.size() != 1) {
            throw malformed("a batch file signature must have exactly one signer, this one has " + signers.size(), null);
        }
        return signers.iterator().next();
    }

    private static List<X509Certificate> certificates(CMSSignedDataParser parser) throws SignatureRejectedException {
        try {
            @SuppressWarnings("unchecked")
            Store<X509CertificateHolder> store = parser.getCertificates();
            List<X509Certificate> certificates = new ArrayList<>();
            for (X509CertificateHolder holder : store.getMatches(null)) {
                certificates.add(toJdk(holder));
            }
            return certificates;
        } catch (CMSException | CertificateException | RuntimeException e) {
            throw malformed("the certificates in the signature cannot be read", e);
        }
    }

    private static X509Certificate signerCertificate(CMSSignedDataParser parser, SignerInformation signer)
            throws SignatureRejectedException {
        try {
            @SuppressWarnings("unchecked")
            Store<X509CertificateHolder> store = parser.getCertificates();
            Collection<X509CertificateHolder> matches = store.getMatches(signer.getSID());
            if (matches.isEmpty()) {
                throw malformed("the signature does not include the signer's certificate", null);
            }
            return toJdk(matches.iterator().next());
        } catch (CMSException | CertificateException | RuntimeException e) {
            throw malformed("the signer's certificate cannot be read", e);
        }
    }

    /** JDK certificates, because the JDK's PKIX validator checks them. */
    private static X509Certificate toJdk(X509CertificateHolder holder) throws CertificateException {
        return new JcaX509CertificateConverter().getCertificate(holder);
    }

    private static void verifySignature(SignerInformation signer, X509Certificate certificate)
            throws SignatureRejectedException {
        boolean valid;
        try {
            // Built from the public key, not the certificate: certificate validity is judged by the
            // PKIX validation at the verifier's clock, not by Bouncy Castle at the claimed signing time.
            valid = signer.verify(new JcaSimpleSignerInfoVerifierBuilder()
                    .setProvider(Providers.BOUNCY_CASTLE)
                    .build(certificate.getPublicKey()));
        } catch (CMSSignerDigestMismatchException e) {
            throw new SignatureRejectedException(CONTENT_MISMATCH,
                    "the file does not match the signature: it was changed after signing", e);
        } catch (OperatorCreationException e) {
            throw new SignatureRejectedException(UNSUPPORTED_ALGORITHM, "the signature algorithm cannot be verified", e);
        } catch (CMSException | RuntimeException e) {
            throw new SignatureRejectedException(SIGNATURE_INVALID, "the signature does not verify", e);
        }
        if (!valid) {
            throw new SignatureRejectedException(SIGNATURE_INVALID, "the signature does not verify");
        }
    }

    /**
     * The signing-certificate-v2 attribute, when present, binds the signature to one certificate. The
     * signer identifier is not signed, so without this check a signature could be re-attributed to
     * another certificate for the same key (for example one with a different OIN).
     */
    private void requireSigningCertificateMatches(SignerInformation signer, X509Certificate certificate)
            throws SignatureRejectedException {
        AttributeTable signed = signer.getSignedAttributes();
        Attribute attribute = signed == null ? null : signed.get(PKCSObjectIdentifiers.id_aa_signingCertificateV2);
        if (attribute == null) {
            return;
        }
        try {
            ESSCertIDv2 first = SigningCertificateV2.getInstance(attribute.getAttrValues().getObjectAt(0)).getCerts()[0];
            DigestCalculator calculator = digests.get(first.getHashAlgorithm());
            try (OutputStream out = calculator.getOutputStream()) {
                out.write(certificate.getEncoded());
            }
            if (Arrays.equals(calculator.getDigest(), first.getCertHash())) {
                return;
            }
        } catch (OperatorCreationException e) {
            throw new SignatureRejectedException(UNSUPPORTED_ALGORITHM,
                    "the signing-certificate attribute uses an unknown hash algorithm", e);
        } catch (IOException | CertificateException | RuntimeException e) {
            throw malformed("the signing-certificate attribute cannot be read", e);
        }
        throw new SignatureRejectedException(SIGNATURE_INVALID,
                "the signing-certificate attribute names another certificate than the signer's");
    }

    private static void requireSigningUsage(X509Certificate certificate) throws SignatureRejectedException {
        boolean[] usage = certificate.getKeyUsage();
        if (usage != null && !usage[DIGITAL_SIGNATURE] && !(usage.length > NON_REPUDIATION && usage[NON_REPUDIATION])) {
            throw new SignatureRejectedException(NOT_FOR_SIGNING,
                    "the signer's certificate does not allow digital signatures (key usage)");
        }
    }

    private static Optional<Instant> signingTime(SignerInformation signer) throws SignatureRejectedException {
        AttributeTable signed = signer.getSignedAttributes();
        Attribute attribute = signed == null ? null : signed.get(CMSAttributes.signingTime);
        if (attribute == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Time.getInstance(attribute.getAttrValues().getObjectAt(0)).getDate().toInstant());
        } catch (RuntimeException e) {
            throw malformed("the signing-time attribute cannot be read", e);
        }
    }

    private static SignatureRejectedException malformed(String message, Throwable cause) {
        return new SignatureRejectedException(MALFORMED, message, cause);
    }
}
