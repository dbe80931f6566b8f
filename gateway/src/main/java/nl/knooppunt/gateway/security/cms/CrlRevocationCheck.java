package nl.knooppunt.gateway.security.cms;

import static nl.knooppunt.gateway.security.cms.SignatureRejectedException.Reason.REVOCATION_UNKNOWN;
import static nl.knooppunt.gateway.security.cms.SignatureRejectedException.Reason.REVOKED;

import java.security.GeneralSecurityException;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.x509.Extension;

/**
 * Revocation of every certificate in a validated path, from the configured CRLs only.
 *
 * <p>Not the JDK's revocation checker: given two CRLs with the same issuer name, as during a CA
 * rotation when the old and the new hierarchy use the same CA names, it tries to build a path for
 * the one signed by the other key, fails, and gives up on the right one as well; and when it has no
 * usable CRL it downloads one from the certificate's distribution point, a network call with a
 * 15-second timeout in the middle of processing a file. Here a CRL counts for a certificate only
 * if its issuer name matches and it is signed by the key of that certificate's actual issuer.
 */
final class CrlRevocationCheck {

    private CrlRevocationCheck() {
    }

    /**
     * @param path   validated path, signer first, without the anchor
     * @param anchor the anchor the path was validated to
     */
    static void check(List<X509Certificate> path, TrustAnchor anchor, Collection<X509CRL> crls, Instant at)
            throws SignatureRejectedException {
        for (int i = 0; i < path.size(); i++) {
            X509Certificate certificate = path.get(i);
            X509Certificate issuer = i + 1 < path.size() ? path.get(i + 1) : anchor.getTrustedCert();
            String which = i == 0 ? "the signer's certificate" : "a CA certificate in the signer's chain";
            X509CRL crl = currentCrl(issuer, crls, at).orElseThrow(() -> new SignatureRejectedException(
                    REVOCATION_UNKNOWN, "no current CRL tells whether " + which + " is revoked"));
            if (crl.getRevokedCertificate(certificate) != null) {
                throw new SignatureRejectedException(REVOKED, which + " is revoked");
            }
        }
    }

    /** The newest complete CRL of {@code issuer} that is valid at {@code at}. */
    private static Optional<X509CRL> currentCrl(X509Certificate issuer, Collection<X509CRL> crls, Instant at) {
        Date when = Date.from(at);
        return crls.stream()
                .filter(crl -> crl.getIssuerX500Principal().equals(issuer.getSubjectX500Principal()))
                .filter(crl -> !crl.getThisUpdate().after(when))
                // A CRL without nextUpdate never becomes stale, so it cannot be trusted to be current.
                .filter(crl -> crl.getNextUpdate() != null && !crl.getNextUpdate().before(when))
                .filter(CrlRevocationCheck::isCompleteCrl)
                .filter(crl -> isSignedBy(crl, issuer))
                .max(Comparator.comparing(X509CRL::getThisUpdate));
    }

    /**
     * Only full CRLs: a delta CRL, or a CRL partitioned by an issuing distribution point, does not
     * list every revoked certificate, so "not listed" would not mean "not revoked".
     */
    private static boolean isCompleteCrl(X509CRL crl) {
        return crl.getExtensionValue(Extension.deltaCRLIndicator.getId()) == null
                && crl.getExtensionValue(Extension.issuingDistributionPoint.getId()) == null
                && !crl.hasUnsupportedCriticalExtension();
    }

    private static boolean isSignedBy(X509CRL crl, X509Certificate issuer) {
        try {
            crl.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }
}
