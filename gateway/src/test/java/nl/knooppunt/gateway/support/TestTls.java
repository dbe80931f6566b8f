package nl.knooppunt.gateway.support;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS for test clients, from the development PKI the tests' gateway runs with (target/test-pki,
 * see application-test.yml): the participant's certificate as client certificate, the dev root as
 * trust anchor.
 */
public final class TestTls {

    public static final Path PKI = Path.of("target/test-pki");
    public static final char[] PASSWORD = "changeit".toCharArray();

    private TestTls() {}

    /** A client presenting the named participant's certificate. */
    public static SSLContext participant(String name) {
        return context(PKI.resolve("participants").resolve(name + ".p12"));
    }

    /** A client presenting the certificate in this PKCS#12 file (e.g. negative/expired.p12). */
    public static SSLContext context(Path keyStore) {
        try {
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(load(keyStore), PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), trust().getTrustManagers(), null);
            return context;
        } catch (Exception e) {
            throw new IllegalStateException("Test TLS context for " + keyStore + " cannot be built", e);
        }
    }

    /** A client that trusts the gateway but presents no certificate. */
    public static SSLContext withoutClientCertificate() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust().getTrustManagers(), null);
            return context;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static TrustManagerFactory trust() throws Exception {
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(load(PKI.resolve("truststore.p12")));
        return trust;
    }

    private static KeyStore load(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, PASSWORD);
            return store;
        }
    }
}
