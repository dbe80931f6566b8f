package nl.knooppunt.contract;

import java.nio.file.Path;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import nl.knooppunt.certs.KeyStores;

/** Client TLS of the contract tests: a participant's certificate from the contract PKI (target/contract-pki). */
final class ContractTls {

    static final Path PKI = Path.of("target/contract-pki");
    static final char[] PASSWORD = "changeit".toCharArray();

    private ContractTls() {}

    static SSLContext participant(String name) {
        try {
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(KeyStores.loadPkcs12(PKI.resolve("participants").resolve(name + ".p12"), PASSWORD), PASSWORD);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            KeyStore roots = KeyStores.loadPkcs12(PKI.resolve("truststore.p12"), PASSWORD);
            trust.init(roots);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
            return context;
        } catch (Exception e) {
            throw new IllegalStateException("Contract test TLS cannot be set up", e);
        }
    }
}
