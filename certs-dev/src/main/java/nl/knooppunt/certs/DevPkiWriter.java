package nl.knooppunt.certs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.CRLException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.util.IPAddress;

/** One generation run: creates the CAs, issues every certificate and writes all files of a {@link DevPki}. */
final class DevPkiWriter {

    /** CAs start this far back, so the expired certificate lies within its issuer's lifetime. */
    private static final Duration CA_BACKDATE = Duration.ofDays(90);
    /** End entities start slightly back, to tolerate clock skew between peers. */
    private static final Duration CLOCK_SKEW = Duration.ofHours(1);
    /** Key type and organisation of the negative-test certificates when no participant has their OIN. */
    private static final KeyType NEGATIVE_TEST_KEY_TYPE = KeyType.RSA_2048;
    private static final String NEGATIVE_TEST_ORGANISATION = "Knooppunt DEV negatieve test";

    private final DevPkiSpec spec;
    private final Path dir;
    private final Instant now;
    private final SecureRandom random = new SecureRandom();
    private final URI rootCrlUri;
    private final URI intermediateCrlUri;
    private final Validity leafValidity;

    DevPkiWriter(DevPkiSpec spec) {
        this.spec = spec;
        this.dir = spec.outputDirectory();
        this.now = spec.clock().instant().truncatedTo(ChronoUnit.SECONDS);
        this.rootCrlUri = spec.crlBaseUri().resolve("root-ca.crl");
        this.intermediateCrlUri = spec.crlBaseUri().resolve("intermediate-ca.crl");
        this.leafValidity = new Validity(now.minus(CLOCK_SKEW), now.plus(spec.validity()));
    }

    DevPki write() {
        deletePrevious();

        // Path lengths as in a two-tier hierarchy: root -> issuing CA -> end entities.
        Validity caValidity = new Validity(now.minus(CA_BACKDATE), now.plus(spec.caValidity()));
        CertificateAuthority root = CertificateAuthority.root(SubjectNames.rootCa(spec.caGeneration()), caKeys(), caValidity, 1,
                spec.signatureScheme(), rootCrlUri, random);
        CertificateAuthority issuing = root.subordinate(SubjectNames.issuingCa(spec.caGeneration()), caKeys(), caValidity, 0, intermediateCrlUri);
        CertificateAuthority foreignRoot = CertificateAuthority.root(SubjectNames.foreignRootCa(), caKeys(),
                new Validity(now.minus(CLOCK_SKEW), now.plus(spec.caValidity())), 0, spec.signatureScheme(), null, random);
        X509Certificate[] caChain = {issuing.certificate(), root.certificate()};

        EndEntityWriter entities = new EndEntityWriter();
        EndEntity server = entities.write(PkiLayout.GATEWAY_NAME, EntityKind.SERVER, spec.gatewayOin(), spec.serverKeyType(),
                keys -> issuing.issue(EndEntityProfile.server(SubjectNames.organisation(serverCommonName(),
                        SubjectNames.DEV_ORGANISATION, spec.gatewayOin()), keys.getPublic(), leafValidity, spec.serverHosts())),
                caChain);
        Map<String, EndEntity> participants = new LinkedHashMap<>();
        for (Participant p : spec.participants()) {
            participants.put(p.name(), entities.write(p.name(), EntityKind.PARTICIPANT, p.oin(), p.keyType(),
                    keys -> issuing.issue(EndEntityProfile.participant(
                            SubjectNames.organisation(p.name(), p.organisation(), p.oin()), keys.getPublic(), leafValidity)),
                    caChain));
        }
        NegativeTestIdentity negative = negativeTestIdentity();
        EndEntity expired = negative.write(entities, "expired", EntityKind.EXPIRED, issuing,
                new Validity(now.minus(Duration.ofDays(60)), now.minus(Duration.ofDays(1))), caChain);
        EndEntity revoked = negative.write(entities, "revoked", EntityKind.REVOKED, issuing, leafValidity, caChain);
        EndEntity foreign = negative.write(entities, "foreign", EntityKind.FOREIGN, foreignRoot, leafValidity,
                new X509Certificate[] {foreignRoot.certificate()});

        BigInteger crlNumber = BigInteger.valueOf(now.getEpochSecond());
        Instant thisUpdate = now.minus(Duration.ofMinutes(10));
        Instant nextUpdate = now.plus(spec.validity());
        X509CRL rootCrl = root.crl(List.of(), thisUpdate, thisUpdate, nextUpdate, crlNumber);
        X509CRL intermediateCrl = issuing.crl(List.of(entities.certificateOf(revoked)), now.minus(Duration.ofMinutes(30)),
                thisUpdate, nextUpdate, crlNumber);
        writeCaFiles(root.certificate(), issuing.certificate(), foreignRoot.certificate(), rootCrl, intermediateCrl);

        DevPki pki = new DevPki(dir, file(PkiLayout.MANIFEST), file(PkiLayout.TRUST_STORE), file(PkiLayout.ROOT_CA_PEM),
                file(PkiLayout.INTERMEDIATE_CA_PEM), file(PkiLayout.CA_CHAIN_PEM), file(PkiLayout.INTERMEDIATE_CRL),
                file(PkiLayout.INTERMEDIATE_CRL_PEM), file(PkiLayout.ROOT_CRL), file(PkiLayout.ROOT_CRL_PEM),
                file(PkiLayout.FOREIGN_ROOT_CA_PEM), server, participants, expired, revoked, foreign, true);
        // Last, so that a crash half-way leaves no manifest and the next start regenerates.
        DevPkiManifest.write(pki, new DevPkiManifest.CaFacts(root.certificate(), issuing.certificate(),
                foreignRoot.certificate(), rootCrl, intermediateCrl, rootCrlUri.toString(), intermediateCrlUri.toString()),
                spec.fingerprint(), spec.signatureScheme(), now);
        return pki;
    }

    private KeyPair caKeys() {
        return spec.caKeyType().generate(random);
    }

    private Path file(String relative) {
        return dir.resolve(relative);
    }

    private String serverCommonName() {
        return spec.serverHosts().stream().filter(host -> !IPAddress.isValid(host)).findFirst()
                .orElse(spec.serverHosts().get(0));
    }

    /**
     * The negative-test certificates look like the participant whose OIN they carry (organisation and
     * key type too), so that only expiry, revocation or the foreign issuer can make a relying party refuse them.
     */
    private NegativeTestIdentity negativeTestIdentity() {
        String oin = spec.negativeTestOin();
        return spec.participants().stream().filter(p -> p.oin().equals(oin)).findFirst()
                .map(p -> new NegativeTestIdentity(oin, p.organisation(), p.keyType()))
                .orElse(new NegativeTestIdentity(oin, NEGATIVE_TEST_ORGANISATION, NEGATIVE_TEST_KEY_TYPE));
    }

    private record NegativeTestIdentity(String oin, String organisation, KeyType keyType) {

        EndEntity write(EndEntityWriter entities, String name, EntityKind kind, CertificateAuthority issuer,
                        Validity validity, X509Certificate[] issuerChain) {
            return entities.write(name, kind, oin, keyType, keys -> issuer.issue(EndEntityProfile.participant(
                    SubjectNames.organisation(name, organisation, oin), keys.getPublic(), validity)), issuerChain);
        }
    }

    private void writeCaFiles(X509Certificate root, X509Certificate issuing, X509Certificate foreignRoot,
                              X509CRL rootCrl, X509CRL intermediateCrl) {
        List<X509Certificate> trusted = new ArrayList<>();
        trusted.add(root);
        trusted.addAll(spec.additionalTrustedRoots());
        KeyStores.writeTrustStore(file(PkiLayout.TRUST_STORE), spec.password(), trusted);
        PemFiles.write(file(PkiLayout.ROOT_CA_PEM), root);
        PemFiles.write(file(PkiLayout.INTERMEDIATE_CA_PEM), issuing);
        PemFiles.write(file(PkiLayout.CA_CHAIN_PEM), issuing, root);
        PemFiles.write(file(PkiLayout.FOREIGN_ROOT_CA_PEM), foreignRoot);
        writeCrl(PkiLayout.ROOT_CRL, PkiLayout.ROOT_CRL_PEM, rootCrl);
        writeCrl(PkiLayout.INTERMEDIATE_CRL, PkiLayout.INTERMEDIATE_CRL_PEM, intermediateCrl);
    }

    private void writeCrl(String der, String pem, X509CRL crl) {
        try {
            AtomicFiles.write(file(der), crl.getEncoded(), false);
        } catch (CRLException e) {
            throw new IllegalStateException("Cannot encode CRL", e);
        }
        PemFiles.write(file(pem), crl);
    }

    /** Removes the manifest first, then the files the previous manifest listed (and only those). */
    private void deletePrevious() {
        List<Path> previous = new ArrayList<>();
        try {
            DevPki old = DevPkiManifest.read(dir).pki();
            previous.addAll(List.of(old.trustStore(), old.rootCaPem(), old.intermediateCaPem(), old.caChainPem(),
                    old.crl(), old.crlPem(), old.rootCrl(), old.rootCrlPem(), old.foreignRootCaPem()));
            for (EndEntity entity : old.endEntities()) {
                previous.add(entity.keyStore());
                previous.add(entity.certificatePem());
                previous.add(entity.chainPem());
            }
        } catch (RuntimeException e) {
            // No readable previous manifest: nothing known to remove; same-named files are overwritten.
        }
        try {
            Files.deleteIfExists(file(PkiLayout.MANIFEST));
            for (Path old : previous) {
                Files.deleteIfExists(old);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove the previous PKI in " + dir, e);
        }
    }

    /** Generates an entity's key, has it certified, writes its key store and PEM, and describes it. */
    private final class EndEntityWriter {
        private final Map<String, X509Certificate> certificates = new LinkedHashMap<>();

        EndEntity write(String name, EntityKind kind, String oin, KeyType keyType, Issuance issuance,
                        X509Certificate[] issuerChain) {
            KeyPair keys = keyType.generate(random);
            X509Certificate certificate = issuance.issue(keys);
            X509Certificate[] chain = new X509Certificate[issuerChain.length + 1];
            chain[0] = certificate;
            System.arraycopy(issuerChain, 0, chain, 1, issuerChain.length);
            Path keyStore = file(PkiLayout.keyStore(kind, name));
            Path pem = file(PkiLayout.certificatePem(kind, name));
            KeyStores.writeKeyStore(keyStore, name, keys.getPrivate(), chain, spec.password());
            Path chainPem = file(PkiLayout.chainPem(kind, name));
            PemFiles.write(pem, certificate);
            PemFiles.write(chainPem, chain);
            certificates.put(name, certificate);
            return new EndEntity(name, kind, oin, keyType, name, keyStore, pem, chainPem,
                    DevPkiManifest.subjectOf(certificate),
                    certificate.getSerialNumber(), certificate.getNotBefore().toInstant(),
                    certificate.getNotAfter().toInstant());
        }

        X509Certificate certificateOf(EndEntity entity) {
            return certificates.get(entity.name());
        }
    }

    /** Certifies a freshly generated key pair. */
    private interface Issuance {
        X509Certificate issue(KeyPair keys);
    }
}
