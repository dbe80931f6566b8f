package nl.knooppunt.gateway.security.cms;

import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;

final class Certificates {

    private Certificates() {
    }

    static boolean isSelfSigned(X509Certificate certificate) {
        return isIssuedBy(certificate, certificate);
    }

    /** Whether {@code issuer} signed {@code certificate}: names chain and the signature verifies. */
    static boolean isIssuedBy(X509Certificate certificate, X509Certificate issuer) {
        if (!certificate.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
            return false;
        }
        try {
            certificate.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }
}
