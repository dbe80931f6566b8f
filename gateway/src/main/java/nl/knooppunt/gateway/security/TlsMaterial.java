package nl.knooppunt.gateway.security;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.CRL;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * The gateway's TLS files as loaded now: key store, trust store and CRLs. Detects when any of them
 * changed on disk, so that new certificates, a new CA or a fresh CRL take effect without restart.
 * Tomcat reads one CRL file, so all configured CRLs are combined into one PEM file here.
 */
@Component
public class TlsMaterial {

    private final TlsProperties properties;
    private final Path combinedCrls;
    private volatile String fingerprint;
    private volatile int version;

    TlsMaterial(TlsProperties properties) throws IOException {
        this.properties = properties;
        this.combinedCrls = Files.createTempFile("knooppunt-crls", ".pem");
        this.combinedCrls.toFile().deleteOnExit();
        if (isConfigured()) {
            writeCombinedCrls();
            this.fingerprint = currentFingerprint();
        }
    }

    public boolean isConfigured() {
        return properties.keyStore() != null;
    }

    public TlsProperties properties() {
        return properties;
    }

    /** One PEM file with every configured CRL, for Tomcat; empty when no CRLs are configured. */
    public Path combinedCrlFile() {
        return combinedCrls;
    }

    /** Goes up every time the files changed on disk; caches of what was built from them compare it. */
    public int version() {
        return version;
    }

    public boolean hasCrls() {
        return !properties.crls().isEmpty();
    }

    public KeyStore keyStore() {
        return load(properties.keyStore(), properties.keyStorePasswordChars());
    }

    public KeyStore trustStore() {
        return load(properties.trustStore(), properties.trustStorePasswordChars());
    }

    public List<X509CRL> crls() {
        List<X509CRL> crls = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (Path file : properties.crls()) {
                try (InputStream in = Files.newInputStream(file)) {
                    for (CRL crl : factory.generateCRLs(in)) {
                        crls.add((X509CRL) crl);
                    }
                }
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("A configured CRL cannot be read: " + e.getMessage(), e);
        }
        return crls;
    }

    /** The configured intermediate CA certificates: to complete a signer's path, never to trust. */
    public List<X509Certificate> intermediates() {
        List<X509Certificate> certificates = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (Path file : properties.intermediates()) {
                try (InputStream in = Files.newInputStream(file)) {
                    for (java.security.cert.Certificate certificate : factory.generateCertificates(in)) {
                        certificates.add((X509Certificate) certificate);
                    }
                }
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("A configured intermediate CA certificate cannot be read: " + e.getMessage(), e);
        }
        return certificates;
    }

    /**
     * Re-reads the files when they changed since the last call.
     *
     * @return true when something changed (the combined CRL file is then rewritten)
     */
    public synchronized boolean refreshIfChanged() {
        String now = currentFingerprint();
        if (Objects.equals(now, fingerprint)) {
            return false;
        }
        writeCombinedCrls();
        fingerprint = now;
        version++;
        return true;
    }

    private void writeCombinedCrls() {
        StringBuilder pem = new StringBuilder();
        for (X509CRL crl : crls()) {
            try {
                pem.append("-----BEGIN X509 CRL-----\n")
                        .append(Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(crl.getEncoded()))
                        .append("\n-----END X509 CRL-----\n");
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("A CRL cannot be encoded", e);
            }
        }
        try {
            Path next = Files.createTempFile(combinedCrls.getParent(), "knooppunt-crls", ".tmp");
            Files.writeString(next, pem);
            Files.move(next, combinedCrls, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new IllegalStateException("The combined CRL file cannot be written", e);
        }
    }

    private String currentFingerprint() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            List<Path> files = new ArrayList<>(List.of(properties.keyStore()));
            if (properties.trustStore() != null) {
                files.add(properties.trustStore());
            }
            files.addAll(properties.intermediates());
            files.addAll(properties.crls());
            for (Path file : files) {
                digest.update(file.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                digest.update(Files.exists(file) ? Files.readAllBytes(file) : new byte[0]);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("TLS files cannot be read: " + e.getMessage(), e);
        }
    }

    private static KeyStore load(Path file, char[] password) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Key store " + file.getFileName() + " cannot be read: " + e.getMessage(), e);
        }
    }
}
