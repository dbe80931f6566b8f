package nl.knooppunt.certs;

import static nl.knooppunt.certs.TestPkis.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.security.cert.CRLReason;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateRevokedException;
import java.security.cert.X509Certificate;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.TrustManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Real mutual-TLS handshakes between the gateway's key store and participants' key stores, JDK JSSE only. */
class MutualTlsTest {

    private final DevPki pki = TestPkis.shared();
    private final ExecutorService executor = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() throws InterruptedException {
        executor.shutdownNow();
        assertThat(executor.awaitTermination(20, TimeUnit.SECONDS)).isTrue();
    }

    @ParameterizedTest(name = "{0} over {1} to {2}")
    @CsvSource({
            "shv-fryslan, TLSv1.2, localhost",
            "shv-fryslan, TLSv1.3, localhost",
            "creditor-ec, TLSv1.2, localhost",
            "creditor-ec, TLSv1.3, localhost",
            "creditor-ec, TLSv1.3, 127.0.0.1"})
    void participantAndGatewayAuthenticateEachOther(String participant, String protocol, String hostName) throws Exception {
        TrustManager[] trust = TlsPeers.trustStoreOnly(pki.trustStore(), PASSWORD);
        SSLContext server = TlsPeers.context(pki.serverKeyStore(), PASSWORD, trust, null);
        SSLContext client = TlsPeers.context(pki.participantKeyStore(participant), PASSWORD, trust, participant);

        try (SSLServerSocket listener = TlsPeers.listen(server, protocol)) {
            Future<X509Certificate> seenByServer = executor.submit(TlsPeers.serveOnce(listener));
            TlsPeers.Exchange exchange = TlsPeers.call(client, listener.getLocalPort(), hostName, protocol);

            assertThat(exchange.protocol()).isEqualTo(protocol);
            assertThat(exchange.reply()).isEqualTo("hello knooppunt");
            assertThat(Oin.fromSubject(seenByServer.get(20, TimeUnit.SECONDS))).contains(pki.participant(participant).oin());
            assertThat(Oin.fromSubject(exchange.serverChainSeenByClient()[0])).contains(pki.server().oin());
            // The CA chain the peers just accepted is RSA-PSS signed.
            assertThat(exchange.serverChainSeenByClient()).extracting(X509Certificate::getSigAlgName).containsOnly("RSASSA-PSS");
            assertThat(exchange.clientCertificate().getSigAlgName()).isEqualTo("RSASSA-PSS");
        }
    }

    @ParameterizedTest(name = "over {0}")
    @ValueSource(strings = {"TLSv1.2", "TLSv1.3"})
    void gatewayRefusesAForeignCertificateCarryingAKnownOin(String protocol) throws Exception {
        TrustManager[] trust = TlsPeers.trustStoreOnly(pki.trustStore(), PASSWORD);
        HandshakeFailure failure = attempt(TlsPeers.context(pki.serverKeyStore(), PASSWORD, trust, null),
                TlsPeers.context(pki.foreignKeyStore(), PASSWORD, trust, "foreign"), protocol);

        assertThat(failure.server()).isInstanceOf(SSLHandshakeException.class);
        assertThat(failure.server()).hasRootCauseInstanceOf(CertPathBuilderException.class);
        assertThat(failure.client()).isInstanceOf(IOException.class);
    }

    @Test
    void gatewayRefusesAnExpiredCertificate() throws Exception {
        TrustManager[] trust = TlsPeers.trustStoreOnly(pki.trustStore(), PASSWORD);
        HandshakeFailure failure = attempt(TlsPeers.context(pki.serverKeyStore(), PASSWORD, trust, null),
                TlsPeers.context(pki.expiredKeyStore(), PASSWORD, trust, "expired"), "TLSv1.3");

        assertThat(failure.server()).isInstanceOf(SSLHandshakeException.class);
        assertThat(failure.server()).hasRootCauseInstanceOf(CertificateExpiredException.class);
        assertThat(failure.client()).isInstanceOf(IOException.class);
    }

    @Test
    void gatewayCheckingTheCrlRefusesTheRevokedCertificateAndAcceptsAParticipant() throws Exception {
        TrustManager[] plainTrust = TlsPeers.trustStoreOnly(pki.trustStore(), PASSWORD);
        TrustManager[] crlTrust = TlsPeers.trustStoreWithCrls(pki.trustStore(), PASSWORD, Pkix.crls(pki));
        SSLContext server = TlsPeers.context(pki.serverKeyStore(), PASSWORD, crlTrust, null);

        HandshakeFailure failure = attempt(server,
                TlsPeers.context(pki.revokedKeyStore(), PASSWORD, plainTrust, "revoked"), "TLSv1.2");
        assertThat(failure.server()).isInstanceOf(SSLHandshakeException.class);
        assertThat(failure.server()).hasRootCauseInstanceOf(CertificateRevokedException.class);
        assertThat(failure.server()).rootCause().extracting(e -> ((CertificateRevokedException) e).getRevocationReason())
                .isEqualTo(CRLReason.KEY_COMPROMISE);

        SSLContext participant = TlsPeers.context(pki.participantKeyStore(TestPkis.RSA_PARTICIPANT), PASSWORD, plainTrust,
                TestPkis.RSA_PARTICIPANT);
        try (SSLServerSocket listener = TlsPeers.listen(server, "TLSv1.2")) {
            Future<X509Certificate> seenByServer = executor.submit(TlsPeers.serveOnce(listener));
            TlsPeers.call(participant, listener.getLocalPort(), "localhost", "TLSv1.2");
            assertThat(Oin.fromSubject(seenByServer.get(20, TimeUnit.SECONDS))).contains(TestPkis.RSA_OIN);
        }
    }

    private record HandshakeFailure(Throwable server, Throwable client) {
    }

    private HandshakeFailure attempt(SSLContext server, SSLContext client, String protocol) throws Exception {
        try (SSLServerSocket listener = TlsPeers.listen(server, protocol)) {
            Future<X509Certificate> accepted = executor.submit(TlsPeers.serveOnce(listener));
            Throwable clientFailure = catchThrowable(() -> TlsPeers.call(client, listener.getLocalPort(), "localhost", protocol));
            Throwable serverFailure = catchThrowable(() -> accepted.get(20, TimeUnit.SECONDS));
            assertThat(serverFailure).as("server side").isInstanceOf(ExecutionException.class);
            return new HandshakeFailure(serverFailure.getCause(), clientFailure);
        }
    }
}
