package nl.knooppunt.certs;

import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

/**
 * Decides whether a PKI already in the output directory can be kept: present, generated from the same
 * spec, complete, readable with the spec's password, and not expiring within {@link DevPkiSpec#renewBefore()}.
 */
final class ExistingPkiCheck {

    private ExistingPkiCheck() {
    }

    /** Either a PKI to keep, or the reason to generate a new one. */
    record Verdict(DevPki keep, String reasonToRegenerate) {

        boolean keeps() {
            return keep != null;
        }
    }

    static Verdict check(DevPkiSpec spec) {
        if (!Files.isRegularFile(spec.outputDirectory().resolve(PkiLayout.MANIFEST))) {
            return regenerate("no PKI found in " + spec.outputDirectory());
        }
        try {
            DevPkiManifest.Contents contents = DevPkiManifest.read(spec.outputDirectory());
            if (!contents.fingerprint().equals(spec.fingerprint())) {
                return regenerate("the spec changed (participants, hosts, key types, signature scheme, validity or trusted roots)");
            }
            DevPki pki = contents.pki();
            Instant deadline = spec.clock().instant().plus(spec.renewBefore());
            char[] password = spec.password();

            X509Certificate root = onlyCertificate(KeyStores.readCertificates(pki.rootCaPem()));
            requireValidUntil("root CA", root.getNotAfter().toInstant(), deadline);
            requireValidUntil("issuing CA", onlyCertificate(KeyStores.readCertificates(pki.intermediateCaPem()))
                    .getNotAfter().toInstant(), deadline);
            requireValidUntil("foreign root CA", onlyCertificate(KeyStores.readCertificates(pki.foreignRootCaPem()))
                    .getNotAfter().toInstant(), deadline);
            if (KeyStores.readCertificates(pki.caChainPem()).size() != 2) {
                throw new IllegalStateException("CA chain file is incomplete");
            }
            for (var crlFile : List.of(pki.rootCrl(), pki.rootCrlPem(), pki.crl(), pki.crlPem())) {
                X509CRL crl = KeyStores.readCrl(crlFile);
                requireValidUntil("CRL " + crlFile.getFileName(), crl.getNextUpdate().toInstant(), deadline);
            }
            requireTrusted(KeyStores.loadPkcs12(pki.trustStore(), password), root, spec.additionalTrustedRoots());
            for (EndEntity entity : pki.endEntities()) {
                requireIntact(entity, password);
                if (entity.kind() != EntityKind.EXPIRED) {
                    requireValidUntil(entity.name(), entity.notAfter(), deadline);
                }
            }
            return new Verdict(pki, null);
        } catch (ExpiringSoon e) {
            return regenerate(e.getMessage());
        } catch (RuntimeException | GeneralSecurityException e) {
            return regenerate("the existing PKI is incomplete or unreadable: " + e.getMessage());
        }
    }

    private static void requireIntact(EndEntity entity, char[] password) throws GeneralSecurityException {
        KeyStore store = entity.loadKeyStore(password);
        if (!store.isKeyEntry(entity.alias())) {
            throw new IllegalStateException("key store of " + entity.name() + " has no key entry '" + entity.alias() + "'");
        }
        Certificate[] chain = store.getCertificateChain(entity.alias());
        X509Certificate leaf = (X509Certificate) chain[0];
        if (chain.length < 2 || !leaf.getSerialNumber().equals(entity.serialNumber())) {
            throw new IllegalStateException("key store of " + entity.name() + " does not hold the listed certificate");
        }
        if (!onlyCertificate(KeyStores.readCertificates(entity.certificatePem())).equals(leaf)) {
            throw new IllegalStateException("PEM of " + entity.name() + " differs from its key store");
        }
        if (!KeyStores.readCertificates(entity.chainPem()).equals(java.util.Arrays.asList(chain))) {
            throw new IllegalStateException("chain PEM of " + entity.name() + " differs from its key store");
        }
        if (store.getKey(entity.alias(), password) == null) {
            throw new IllegalStateException("key store of " + entity.name() + " has no private key");
        }
    }

    private static void requireTrusted(KeyStore trustStore, X509Certificate root, List<X509Certificate> additional)
            throws GeneralSecurityException {
        if (trustStore.getCertificateAlias(root) == null) {
            throw new IllegalStateException("trust store lacks the root CA");
        }
        for (X509Certificate extra : additional) {
            if (trustStore.getCertificateAlias(extra) == null) {
                throw new IllegalStateException("trust store lacks " + extra.getSubjectX500Principal());
            }
        }
    }

    private static X509Certificate onlyCertificate(List<X509Certificate> certificates) {
        if (certificates.size() != 1) {
            throw new IllegalStateException("expected one certificate, found " + certificates.size());
        }
        return certificates.get(0);
    }

    private static void requireValidUntil(String what, Instant notAfter, Instant deadline) {
        if (!notAfter.isAfter(deadline)) {
            throw new ExpiringSoon(what + " expires at " + notAfter + ", within the renewal margin");
        }
    }

    private static Verdict regenerate(String reason) {
        return new Verdict(null, reason);
    }

    /** "About to expire", as opposed to "broken"; both regenerate, with different reasons. */
    private static final class ExpiringSoon extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        ExpiringSoon(String message) {
            super(message);
        }
    }
}
