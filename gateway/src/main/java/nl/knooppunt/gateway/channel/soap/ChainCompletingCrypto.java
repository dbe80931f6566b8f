package nl.knooppunt.gateway.channel.soap;

import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.wss4j.common.crypto.Merlin;
import org.apache.wss4j.common.ext.WSSecurityException;

/**
 * WSS4J's Merlin trust check, plus what the ordinary Digikoppeling form needs: a signer that sends
 * only its own certificate (one X509v3 BinarySecurityToken) gets its path completed from the
 * configured intermediate CAs before it is validated, with revocation, against the trusted roots.
 * Merlin alone would look for the issuer only among the trust anchors. The intermediates are path
 * material, never anchors: a revoked intermediate still fails on the root's CRL.
 */
final class ChainCompletingCrypto extends Merlin {

    /** More than any PKIoverheid hierarchy needs; a bound against loops in odd configurations. */
    private static final int MAX_PATH = 6;

    private final List<X509Certificate> intermediates;

    ChainCompletingCrypto(List<X509Certificate> intermediates) {
        this.intermediates = List.copyOf(intermediates);
    }

    @Override
    public void verifyTrust(X509Certificate[] certs, boolean enableRevocation, Collection<Pattern> subjectCertConstraints,
                            Collection<Pattern> issuerCertConstraints) throws WSSecurityException {
        super.verifyTrust(completed(certs), enableRevocation, subjectCertConstraints, issuerCertConstraints);
    }

    /** The signer's path: as sent when it holds more than one certificate, else completed from the intermediates. */
    X509Certificate[] completed(X509Certificate[] certs) {
        if (certs == null || certs.length != 1) {
            return certs;
        }
        List<X509Certificate> path = new ArrayList<>(List.of(certs[0]));
        Optional<X509Certificate> issuer = issuerOf(certs[0]);
        while (issuer.isPresent() && path.size() < MAX_PATH && !path.contains(issuer.get())) {
            path.add(issuer.get());
            issuer = issuerOf(issuer.get());
        }
        return path.toArray(X509Certificate[]::new);
    }

    private Optional<X509Certificate> issuerOf(X509Certificate certificate) {
        for (X509Certificate candidate : intermediates) {
            if (candidate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())
                    && signed(certificate, candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static boolean signed(X509Certificate certificate, X509Certificate by) {
        try {
            certificate.verify(by.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
