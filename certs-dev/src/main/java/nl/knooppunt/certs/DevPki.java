package nl.knooppunt.certs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * A generated dev PKI: absolute paths of all its files.
 *
 * @param directory          the output directory
 * @param manifest           {@code pki.properties}, listing everything below
 * @param trustStore         PKCS#12 trust store with the root CA (and any additional roots)
 * @param rootCaPem          root CA certificate
 * @param intermediateCaPem  issuing CA certificate
 * @param caChainPem         issuing CA then root CA, for servers that send or tools that want the chain
 * @param crl                CRL of the issuing CA, DER; lists the revoked certificate
 * @param crlPem             the same CRL, PEM
 * @param rootCrl            CRL of the root CA (empty), DER; needed to check the issuing CA's revocation status
 * @param rootCrlPem         the same CRL, PEM
 * @param foreignRootCaPem   root of the foreign certificate; not in the trust store
 * @param server             the gateway's certificate (serverAuth and clientAuth)
 * @param participants       participant certificates by name, in spec order
 * @param expired            certificate with notAfter in the past
 * @param revoked            certificate listed on {@link #crl()}
 * @param foreign            certificate from {@link #foreignRootCaPem()}
 * @param freshlyGenerated   true when this call wrote the files, false when it kept existing ones
 */
public record DevPki(Path directory, Path manifest, Path trustStore, Path rootCaPem, Path intermediateCaPem,
                     Path caChainPem, Path crl, Path crlPem, Path rootCrl, Path rootCrlPem, Path foreignRootCaPem,
                     EndEntity server, Map<String, EndEntity> participants, EndEntity expired, EndEntity revoked,
                     EndEntity foreign, boolean freshlyGenerated) {

    public DevPki {
        participants = Collections.unmodifiableMap(new LinkedHashMap<>(participants));
    }

    public Path serverKeyStore() {
        return server.keyStore();
    }

    public EndEntity participant(String name) {
        EndEntity participant = participants.get(name);
        if (participant == null) {
            throw new NoSuchElementException("No participant '" + name + "' in " + participants.keySet());
        }
        return participant;
    }

    public Path participantKeyStore(String name) {
        return participant(name).keyStore();
    }

    public Path expiredKeyStore() {
        return expired.keyStore();
    }

    public Path revokedKeyStore() {
        return revoked.keyStore();
    }

    public Path foreignKeyStore() {
        return foreign.keyStore();
    }

    /** Both CRLs (root, then issuing CA), DER: what a revocation-checking validator needs in its CertStore. */
    public List<Path> crls() {
        return List.of(rootCrl, crl);
    }

    /** Every end entity: gateway, participants, then expired, revoked and foreign. */
    public List<EndEntity> endEntities() {
        List<EndEntity> all = new ArrayList<>();
        all.add(server);
        all.addAll(participants.values());
        all.add(expired);
        all.add(revoked);
        all.add(foreign);
        return all;
    }

    DevPki withFreshlyGenerated(boolean value) {
        return new DevPki(directory, manifest, trustStore, rootCaPem, intermediateCaPem, caChainPem, crl, crlPem,
                rootCrl, rootCrlPem, foreignRootCaPem, server, participants, expired, revoked, foreign, value);
    }
}
