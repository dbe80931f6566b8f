package nl.knooppunt.gateway.security.cms;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A detached signature that verified: content intact, signer trusted, not revoked, OIN known.
 *
 * @param signerCertificate the certificate of the signer
 * @param signerOin         the signer's OIN (subject serialNumber)
 * @param signingTime       the signing-time attribute, as claimed by the signer; absent when not signed
 * @param certificatePath   the validated path, signer first, without the trust anchor
 */
public record VerifiedSignature(X509Certificate signerCertificate, String signerOin, Optional<Instant> signingTime,
                                List<X509Certificate> certificatePath) {

    public VerifiedSignature {
        certificatePath = List.copyOf(certificatePath);
    }
}
