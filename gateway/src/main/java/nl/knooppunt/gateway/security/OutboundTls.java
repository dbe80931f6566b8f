package nl.knooppunt.gateway.security;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertStore;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.X509CertSelector;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.CertPathTrustManagerParameters;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.springframework.stereotype.Component;

/**
 * TLS for calls from the gateway to creditors: the gateway's own certificate as client
 * certificate, and the creditor's server certificate checked against the trust store — the
 * gateway's, or one configured for that creditor — with revocation checked against the CRLs.
 */
@Component
public class OutboundTls {

    private final TlsMaterial material;
    private final Map<String, Cached> contexts = new ConcurrentHashMap<>();

    private record Cached(int version, SSLContext context) {}

    OutboundTls(TlsMaterial material) {
        this.material = material;
    }

    /**
     * @param trustStore a PKCS#12 trust store for this creditor only, or null for the gateway's
     * @param trustStorePassword its password
     */
    public SSLContext clientContext(Path trustStore, String trustStorePassword) {
        String key = trustStore == null ? "" : trustStore.toAbsolutePath().toString();
        Cached cached = contexts.get(key);
        if (cached == null || cached.version() != material.version()) {
            cached = new Cached(material.version(), build(trustStore, trustStorePassword));
            contexts.put(key, cached);
        }
        return cached.context();
    }

    private SSLContext build(Path trustStore, String trustStorePassword) {
        try {
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(material.keyStore(), material.properties().keyStorePasswordChars());
            KeyStore anchors = trustStore == null ? material.trustStore() : load(trustStore, trustStorePassword);
            PKIXBuilderParameters pkix = new PKIXBuilderParameters(anchors, new X509CertSelector());
            if (material.hasCrls()) {
                pkix.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(material.crls())));
                pkix.setRevocationEnabled(true);
            } else {
                pkix.setRevocationEnabled(false);
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance("PKIX");
            trust.init(new CertPathTrustManagerParameters(pkix));
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
            return context;
        } catch (Exception e) {
            throw new IllegalStateException("Client TLS for calls to creditors cannot be set up: " + e.getMessage(), e);
        }
    }

    private static KeyStore load(Path file, String password) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password == null ? new char[0] : password.toCharArray());
            return store;
        }
    }
}
