package nl.knooppunt.certs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/**
 * Reading and writing the PKCS#12 stores, certificates and CRLs of a dev PKI.
 *
 * <p>Stores are written by the JDK's own PKCS#12 implementation, so trusted-certificate entries carry
 * the attribute the JDK needs to treat them as trust anchors, and the encryption is the JDK default
 * (PBES2 AES-256, HMAC-SHA256 MAC), which OpenSSL 1.1+ and curl also read.
 */
public final class KeyStores {

    private KeyStores() {
    }

    /** Loads a PKCS#12 key or trust store. */
    public static KeyStore loadPkcs12(Path file, char[] password) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read key store " + file + " (missing, or wrong password?)", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read key store " + file, e);
        }
    }

    /**
     * Writes a PKCS#12 trust store holding the given roots, e.g. the current and the previous root
     * during CA rotation. Aliases are derived from the subject CN.
     */
    public static void writeTrustStore(Path file, char[] password, Collection<X509Certificate> roots) {
        try {
            KeyStore store = emptyPkcs12();
            Set<String> aliases = new HashSet<>();
            for (X509Certificate root : roots) {
                store.setCertificateEntry(uniqueAlias(aliasFor(root), aliases), root);
            }
            AtomicFiles.write(file, serialise(store, password), false);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot write trust store " + file, e);
        }
    }

    /** Reads every certificate in a PEM (one or more blocks) or DER file. */
    public static List<X509Certificate> readCertificates(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            List<X509Certificate> certificates = new ArrayList<>();
            for (var certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                certificates.add((X509Certificate) certificate);
            }
            return certificates;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read certificates from " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read certificates from " + file, e);
        }
    }

    /** Reads a CRL in PEM or DER form. */
    public static X509CRL readCrl(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read CRL " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read CRL " + file, e);
        }
    }

    /** Writes a PKCS#12 key store with one private key entry: the key and its full chain, leaf first. */
    static void writeKeyStore(Path file, String alias, PrivateKey key, X509Certificate[] chain, char[] password) {
        try {
            KeyStore store = emptyPkcs12();
            store.setKeyEntry(alias, key, password, chain);
            AtomicFiles.write(file, serialise(store, password), true);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot write key store " + file, e);
        }
    }

    static String aliasFor(X509Certificate certificate) {
        X500Name subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        RDN[] commonNames = subject.getRDNs(BCStyle.CN);
        String name = commonNames.length == 0 ? certificate.getSerialNumber().toString(16)
                : IETFUtils.valueToString(commonNames[0].getFirst().getValue());
        String alias = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return alias.isEmpty() ? "root" : alias;
    }

    private static String uniqueAlias(String alias, Set<String> taken) {
        String candidate = alias;
        for (int i = 2; !taken.add(candidate); i++) {
            candidate = alias + "-" + i;
        }
        return candidate;
    }

    private static KeyStore emptyPkcs12() throws GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try {
            store.load(null, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return store;
    }

    private static byte[] serialise(KeyStore store, char[] password) throws GeneralSecurityException {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            store.store(out, password);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
