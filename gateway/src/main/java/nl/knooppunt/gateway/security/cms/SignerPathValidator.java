package nl.knooppunt.gateway.security.cms;

import static nl.knooppunt.gateway.security.cms.SignatureRejectedException.Reason.EXPIRED;
import static nl.knooppunt.gateway.security.cms.SignatureRejectedException.Reason.NOT_YET_VALID;
import static nl.knooppunt.gateway.security.cms.SignatureRejectedException.Reason.UNTRUSTED_SIGNER;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertPathValidatorException.BasicReason;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Validates a signer's certificate: the JDK's PKIX validator checks the chain to a trusted root
 * (signatures, validity at a given instant, CA constraints), then {@link CrlRevocationCheck} checks
 * every certificate in the path against the configured CRLs (no OCSP, no downloads). The path is
 * assembled here rather than by a {@code CertPathBuilder}, because a builder's failure says only "no
 * valid path" where the gateway needs to tell the sender whether the certificate was expired,
 * revoked or untrusted.
 */
final class SignerPathValidator {

    /** PKIoverheid paths are root, one or two CAs, end entity; anything much longer is not ours. */
    private static final int MAX_CA_CERTIFICATES = 4;

    private final Set<TrustAnchor> trustAnchors;

    SignerPathValidator(KeyStore trustStore) {
        this.trustAnchors = trustAnchors(trustStore);
    }

    /**
     * @param signer   the signer's certificate
     * @param supplied certificates that came with the signature, to find the CAs between signer and root
     * @param crls     the CRLs of the trusted hierarchies
     * @return the validated path, signer first, without the trust anchor
     */
    List<X509Certificate> validate(X509Certificate signer, Collection<X509Certificate> supplied,
                                   Collection<X509CRL> crls, Instant at) throws SignatureRejectedException {
        List<X509Certificate> path = new ArrayList<>(List.of(signer));
        X509Certificate current = signer;
        Optional<TrustAnchor> anchor = anchorFor(current);
        while (anchor.isEmpty()) {
            X509Certificate issuer = issuerAmong(current, supplied, path)
                    .orElseThrow(() -> untrusted("the signer's certificate does not chain to a trusted root"));
            if (path.size() > MAX_CA_CERTIFICATES) {
                throw untrusted("the signer's certificate chain is too long");
            }
            path.add(issuer);
            current = issuer;
            anchor = anchorFor(current);
        }
        validatePath(path, anchor.get(), at);
        CrlRevocationCheck.check(path, anchor.get(), crls, at);
        return List.copyOf(path);
    }

    private static void validatePath(List<X509Certificate> path, TrustAnchor anchor, Instant at)
            throws SignatureRejectedException {
        try {
            CertPathValidator validator = CertPathValidator.getInstance("PKIX");
            // Only the anchor the path was built to: the validator then reports the real problem of
            // this path instead of the failure of whichever other anchor it happened to try last.
            PKIXParameters parameters = new PKIXParameters(Set.of(anchor));
            parameters.setDate(Date.from(at));
            parameters.setRevocationEnabled(false); // CrlRevocationCheck does it, offline
            CertPath certPath = CertificateFactory.getInstance("X.509").generateCertPath(path);
            validator.validate(certPath, parameters);
        } catch (CertPathValidatorException e) {
            throw rejection(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK's PKIX validator is not available", e);
        }
    }

    private static SignatureRejectedException rejection(CertPathValidatorException e) {
        String which = e.getIndex() == 0 ? "the signer's certificate" : "a CA certificate in the signer's chain";
        CertPathValidatorException.Reason reason = e.getReason();
        if (reason == BasicReason.EXPIRED) {
            return new SignatureRejectedException(EXPIRED, which + " has expired", e);
        }
        if (reason == BasicReason.NOT_YET_VALID) {
            return new SignatureRejectedException(NOT_YET_VALID, which + " is not valid yet", e);
        }
        return new SignatureRejectedException(UNTRUSTED_SIGNER, which + " fails path validation", e);
    }

    private Optional<TrustAnchor> anchorFor(X509Certificate certificate) {
        // Several roots may share a name during rotation; the signature decides which one issued it.
        return trustAnchors.stream()
                .filter(anchor -> Certificates.isIssuedBy(certificate, anchor.getTrustedCert()))
                .findFirst();
    }

    private static Optional<X509Certificate> issuerAmong(X509Certificate certificate,
                                                         Collection<X509Certificate> candidates,
                                                         List<X509Certificate> path) {
        if (Certificates.isSelfSigned(certificate)) {
            return Optional.empty(); // an untrusted root: the chain ends here
        }
        return candidates.stream()
                .filter(candidate -> !path.contains(candidate))
                .filter(candidate -> Certificates.isIssuedBy(certificate, candidate))
                .findFirst();
    }

    private static SignatureRejectedException untrusted(String message) {
        return new SignatureRejectedException(UNTRUSTED_SIGNER, message);
    }

    private static Set<TrustAnchor> trustAnchors(KeyStore trustStore) {
        Set<TrustAnchor> anchors = new HashSet<>();
        try {
            for (String alias : Collections.list(trustStore.aliases())) {
                if (trustStore.isCertificateEntry(alias)
                        && trustStore.getCertificate(alias) instanceof X509Certificate root) {
                    anchors.add(new TrustAnchor(root, null));
                }
            }
        } catch (KeyStoreException e) {
            throw new IllegalArgumentException("Cannot read the trust store", e);
        }
        if (anchors.isEmpty()) {
            throw new IllegalArgumentException("The trust store holds no trusted certificates");
        }
        return Set.copyOf(anchors);
    }
}
