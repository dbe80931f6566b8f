package nl.knooppunt.certs;

import java.math.BigInteger;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A CA key and certificate that issues certificates and CRLs with Bouncy Castle.
 *
 * <p>Certificates come out as JDK {@link X509Certificate}s (converted without a provider), so what
 * the tests validate is what any JDK consumer will see.
 */
final class CertificateAuthority {

    /**
     * Bouncy Castle as a private instance for signing, never registered in {@code java.security.Security}:
     * this library also runs inside the gateway and its tests, whose provider order must not change.
     */
    private static final Provider BOUNCY_CASTLE = new BouncyCastleProvider();

    private final X509Certificate certificate;
    private final PrivateKey privateKey;
    private final SignatureScheme scheme;
    private final URI crlUri;
    private final SecureRandom random;

    private CertificateAuthority(X509Certificate certificate, PrivateKey privateKey, SignatureScheme scheme,
                                 URI crlUri, SecureRandom random) {
        this.certificate = certificate;
        this.privateKey = privateKey;
        this.scheme = scheme;
        this.crlUri = crlUri;
        this.random = random;
    }

    /**
     * A self-signed root.
     *
     * @param crlUri where this CA's own CRL is published; stamped into what it issues (null: no CRL)
     */
    static CertificateAuthority root(X500Name subject, KeyPair keys, Validity validity, int pathLength,
                                     SignatureScheme scheme, URI crlUri, SecureRandom random) {
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, SerialNumbers.next(random),
                    Date.from(validity.notBefore()), Date.from(validity.notAfter()), subject, keys.getPublic());
            addCaExtensions(builder, keys.getPublic(), pathLength);
            X509Certificate certificate = sign(builder, keys.getPrivate(), scheme);
            return new CertificateAuthority(certificate, keys.getPrivate(), scheme, crlUri, random);
        } catch (CertIOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot create root CA " + subject, e);
        }
    }

    /** A subordinate (issuing) CA certified by this one. */
    CertificateAuthority subordinate(X500Name subject, KeyPair keys, Validity validity, int pathLength, URI ownCrlUri) {
        try {
            X509v3CertificateBuilder builder = issuedBy(subject, keys.getPublic(), validity);
            addCaExtensions(builder, keys.getPublic(), pathLength);
            X509Certificate issued = sign(builder, privateKey, scheme);
            return new CertificateAuthority(issued, keys.getPrivate(), scheme, ownCrlUri, random);
        } catch (CertIOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot create subordinate CA " + subject, e);
        }
    }

    /** An end-entity certificate for the given profile. */
    X509Certificate issue(EndEntityProfile profile) {
        try {
            X509v3CertificateBuilder builder = issuedBy(profile.subject(), profile.publicKey(), profile.validity());
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(profile.keyUsage()));
            builder.addExtension(Extension.extendedKeyUsage, false, profile.extendedKeyUsage());
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    utils.createSubjectKeyIdentifier(profile.publicKey()));
            if (profile.subjectAlternativeNames() != null) {
                builder.addExtension(Extension.subjectAlternativeName, false, profile.subjectAlternativeNames());
            }
            return sign(builder, privateKey, scheme);
        } catch (CertIOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot issue a certificate for " + profile.subject(), e);
        }
    }

    /** A CRL signed by this CA, listing the given certificates as revoked for key compromise. */
    X509CRL crl(List<X509Certificate> revoked, Instant revokedAt, Instant thisUpdate, Instant nextUpdate,
                BigInteger crlNumber) {
        try {
            X509v2CRLBuilder builder = new JcaX509v2CRLBuilder(certificate, Date.from(thisUpdate));
            builder.setNextUpdate(Date.from(nextUpdate));
            for (X509Certificate certificate : revoked) {
                builder.addCRLEntry(certificate.getSerialNumber(), Date.from(revokedAt), CRLReason.keyCompromise);
            }
            builder.addExtension(Extension.authorityKeyIdentifier, false, authorityKeyIdentifier());
            builder.addExtension(Extension.cRLNumber, false, new CRLNumber(crlNumber));
            return new JcaX509CRLConverter().getCRL(builder.build(signer(privateKey, scheme)));
        } catch (CertIOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot create the CRL of " + certificate.getSubjectX500Principal(), e);
        }
    }

    X509Certificate certificate() {
        return certificate;
    }

    private X509v3CertificateBuilder issuedBy(X500Name subject, PublicKey publicKey, Validity validity)
            throws CertIOException {
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(certificate, SerialNumbers.next(random),
                Date.from(validity.notBefore()), Date.from(validity.notAfter()), subject, publicKey);
        builder.addExtension(Extension.authorityKeyIdentifier, false, authorityKeyIdentifier());
        if (crlUri != null) {
            GeneralNames location = new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier, crlUri.toString()));
            DistributionPoint point = new DistributionPoint(new DistributionPointName(location), null, null);
            builder.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {point}));
        }
        return builder;
    }

    /** Taken from this CA's own SKI so that AKI and SKI match byte for byte. */
    private AuthorityKeyIdentifier authorityKeyIdentifier() {
        byte[] ski = certificate.getExtensionValue(Extension.subjectKeyIdentifier.getId());
        SubjectKeyIdentifier identifier = SubjectKeyIdentifier.getInstance(ASN1OctetString.getInstance(ski).getOctets());
        return new AuthorityKeyIdentifier(identifier.getKeyIdentifier());
    }

    private static void addCaExtensions(X509v3CertificateBuilder builder, PublicKey publicKey, int pathLength)
            throws CertIOException, GeneralSecurityException {
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(pathLength));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        builder.addExtension(Extension.subjectKeyIdentifier, false,
                new JcaX509ExtensionUtils().createSubjectKeyIdentifier(publicKey));
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key, SignatureScheme scheme)
            throws GeneralSecurityException {
        return new JcaX509CertificateConverter().getCertificate(builder.build(signer(key, scheme)));
    }

    private static ContentSigner signer(PrivateKey key, SignatureScheme scheme) throws GeneralSecurityException {
        try {
            return new JcaContentSignerBuilder(scheme.signatureAlgorithm()).setProvider(BOUNCY_CASTLE).build(key);
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("No signer for " + scheme, e);
        }
    }
}
