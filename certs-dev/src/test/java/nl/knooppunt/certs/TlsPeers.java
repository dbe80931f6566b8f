package nl.knooppunt.certs;

import java.io.BufferedReader;
import java.io.EOFException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.CertStore;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.CertPathBuilder;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXRevocationChecker;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import javax.net.ssl.CertPathTrustManagerParameters;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509KeyManager;

/** A one-shot TLS server and client built from the generated stores with plain JDK JSSE. */
final class TlsPeers {

    private static final int TIMEOUT_MILLIS = 15_000;

    private TlsPeers() {
    }

    /** What each side learned about the other in a completed handshake. */
    record Exchange(String protocol, X509Certificate clientCertificate, X509Certificate[] serverChainSeenByClient,
                    String reply) {
    }

    static SSLContext context(Path keyStore, char[] password, TrustManager[] trustManagers, String fixedAlias)
            throws GeneralSecurityException {
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(KeyStores.loadPkcs12(keyStore, password), password);
        KeyManager[] managers = keyManagers.getKeyManagers();
        if (fixedAlias != null) {
            // Offer the certificate even when its issuer is not among the server's accepted CAs, so
            // that the server's own validation is what gets tested.
            managers = new KeyManager[] {new FixedAliasKeyManager((X509KeyManager) managers[0], fixedAlias)};
        }
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(managers, trustManagers, null);
        return context;
    }

    static TrustManager[] trustStoreOnly(Path trustStore, char[] password) throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
        factory.init(KeyStores.loadPkcs12(trustStore, password));
        return factory.getTrustManagers();
    }

    /** A trust manager that also checks revocation against the given CRLs, as the gateway should. */
    static TrustManager[] trustStoreWithCrls(Path trustStore, char[] password, List<?> crls) throws GeneralSecurityException {
        PKIXBuilderParameters parameters = new PKIXBuilderParameters(KeyStores.loadPkcs12(trustStore, password),
                new X509CertSelector());
        parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(crls)));
        PKIXRevocationChecker checker = (PKIXRevocationChecker) CertPathBuilder.getInstance("PKIX").getRevocationChecker();
        checker.setOptions(EnumSet.of(PKIXRevocationChecker.Option.PREFER_CRLS, PKIXRevocationChecker.Option.NO_FALLBACK));
        parameters.addCertPathChecker(checker);
        parameters.setRevocationEnabled(true);
        TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
        factory.init(new CertPathTrustManagerParameters(parameters));
        return factory.getTrustManagers();
    }

    static SSLServerSocket listen(SSLContext serverContext, String protocol) throws Exception {
        SSLServerSocket server = (SSLServerSocket) serverContext.getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress());
        server.setNeedClientAuth(true);
        server.setEnabledProtocols(new String[] {protocol});
        server.setSoTimeout(TIMEOUT_MILLIS);
        return server;
    }

    /** Accepts one connection, completes the handshake, answers one line and returns the client's certificate. */
    static Callable<X509Certificate> serveOnce(SSLServerSocket server) {
        return () -> {
            try (SSLSocket socket = (SSLSocket) server.accept()) {
                socket.setSoTimeout(TIMEOUT_MILLIS);
                socket.startHandshake();
                X509Certificate client = (X509Certificate) socket.getSession().getPeerCertificates()[0];
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
                PrintWriter out = new PrintWriter(new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8), true);
                out.println("hello " + in.readLine());
                return client;
            }
        };
    }

    /** Connects to 127.0.0.1 as {@code hostName}, with HTTPS host name verification, and says one line. */
    static Exchange call(SSLContext clientContext, int port, String hostName, String protocol) throws Exception {
        Socket plain = new Socket(InetAddress.getLoopbackAddress(), port);
        try (SSLSocket socket = (SSLSocket) clientContext.getSocketFactory().createSocket(plain, hostName, port, true)) {
            socket.setSoTimeout(TIMEOUT_MILLIS);
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            parameters.setProtocols(new String[] {protocol});
            socket.setSSLParameters(parameters);
            socket.startHandshake();
            PrintWriter out = new PrintWriter(new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8), true);
            out.println("knooppunt");
            String reply = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8)).readLine();
            if (reply == null) {
                throw new EOFException("Server closed the connection without answering");
            }
            return new Exchange(socket.getSession().getProtocol(), (X509Certificate) socket.getSession().getLocalCertificates()[0],
                    (X509Certificate[]) socket.getSession().getPeerCertificates(), reply);
        }
    }

    /** Always presents one alias, whatever CAs the server says it accepts. */
    private static final class FixedAliasKeyManager extends X509ExtendedKeyManager {
        private final X509KeyManager delegate;
        private final String alias;

        FixedAliasKeyManager(X509KeyManager delegate, String alias) {
            this.delegate = delegate;
            this.alias = alias;
        }

        @Override
        public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
            return alias;
        }

        @Override
        public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
            return alias;
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return new String[] {alias};
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            return delegate.getServerAliases(keyType, issuers);
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            return delegate.chooseServerAlias(keyType, issuers, socket);
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            return delegate.getCertificateChain(alias);
        }

        @Override
        public PrivateKey getPrivateKey(String alias) {
            return delegate.getPrivateKey(alias);
        }
    }
}
