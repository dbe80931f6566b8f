package nl.knooppunt.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import nl.knooppunt.gateway.support.ApiClient;
import nl.knooppunt.gateway.support.Dossiers;
import nl.knooppunt.gateway.support.GatewayTest;
import nl.knooppunt.gateway.support.TestTls;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The participant port over real TLS connections: who gets in with which certificate, and with
 * which protocol and cipher.
 */
@GatewayTest
class ParticipantTlsTest {

    @LocalServerPort int port;
    @Value("${local.operator.port}") int operatorPort;

    private HttpResponse<String> listDossiers(SSLContext tls) throws Exception {
        return HttpClient.newBuilder().sslContext(tls).build().send(
                HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/api/v1/dossiers")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Path negative(String name) {
        return TestTls.PKI.resolve("negative").resolve(name + ".p12");
    }

    @Test
    void registeredParticipantWithAValidCertificateGetsIn() throws Exception {
        HttpResponse<String> response = listDossiers(TestTls.participant("gemeente-voorbeeldstad"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.sslSession()).get()
                .satisfies(session -> assertThat(session.getProtocol()).isEqualTo("TLSv1.3"));
    }

    @Test
    void ecCertificateWorksToo() throws Exception {
        // zorgverzekeraar-gezond has an EC P-256 key; it is a creditor, so the SHV API refuses it with 403.
        HttpResponse<String> response = listDossiers(TestTls.participant("zorgverzekeraar-gezond"));
        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void withoutAClientCertificateTheHandshakeFails() {
        assertThatThrownBy(() -> listDossiers(TestTls.withoutClientCertificate())).isInstanceOf(IOException.class);
    }

    @Test
    void expiredCertificateIsRefused() {
        assertThatThrownBy(() -> listDossiers(TestTls.context(negative("expired")))).isInstanceOf(IOException.class);
    }

    @Test
    void revokedCertificateIsRefused() {
        assertThatThrownBy(() -> listDossiers(TestTls.context(negative("revoked")))).isInstanceOf(IOException.class);
    }

    @Test
    void certificateFromAForeignCaIsRefused() {
        assertThatThrownBy(() -> listDossiers(TestTls.context(negative("foreign")))).isInstanceOf(IOException.class);
    }

    @Test
    void validCertificateOfAnOrganisationThatIsNoParticipantGets403() throws Exception {
        HttpResponse<String> response = listDossiers(TestTls.participant("unregistered-organisation"));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        assertThat(response.body()).contains("does not identify an active participant");
    }

    @Test
    void inactiveParticipantGets403() throws Exception {
        // energieleverancier-stroom is registered but inactive in the test registry.
        assertThat(listDossiers(TestTls.participant("energieleverancier-stroom")).statusCode()).isEqualTo(403);
    }

    @Test
    void cipherWithoutForwardSecrecyIsRefused() throws Exception {
        SSLContext tls = TestTls.participant("gemeente-voorbeeldstad");
        try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket("localhost", port)) {
            socket.setEnabledProtocols(new String[] {"TLSv1.2"});
            socket.setEnabledCipherSuites(new String[] {"TLS_RSA_WITH_AES_128_GCM_SHA256"});
            assertThatThrownBy(socket::startHandshake).isInstanceOf(IOException.class)
                    .hasMessageContaining("handshake_failure");
        }
        // The same client with a forward-secret suite on TLS 1.2 gets in.
        try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket("localhost", port)) {
            socket.setEnabledProtocols(new String[] {"TLSv1.2"});
            socket.setEnabledCipherSuites(new String[] {"TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"});
            socket.startHandshake();
            assertThat(socket.getSession().getCipherSuite()).isEqualTo("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");
        }
    }

    @Test
    void participantPortServesNoOperatorFunctionsAndTheOperatorPortNoParticipantApi() throws Exception {
        ApiClient participant = ApiClient.participant("gemeente-voorbeeldstad", port);
        assertThat(participant.get("/operator/api/v1/dead-letters").status()).isEqualTo(403);
        assertThat(participant.get("/actuator/health").status()).isEqualTo(403);

        ApiClient operator = ApiClient.operator(operatorPort);
        assertThat(operator.get("/api/v1/dossiers").status()).isEqualTo(403);
        assertThat(operator.get("/operator/api/v1/dead-letters").status()).isEqualTo(200);
        assertThat(operator.get("/actuator/health").status()).isEqualTo(200);
    }

    @Test
    void operatorFunctionsNeedAnOperatorLogin() throws Exception {
        HttpResponse<String> anonymous = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + operatorPort + "/operator/api/v1/dead-letters")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).get().asString().startsWith("Basic");

        HttpResponse<String> wrongPassword = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + operatorPort + "/operator/api/v1/dead-letters"))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        "test-operator:wrong".getBytes())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(wrongPassword.statusCode()).isEqualTo(401);

        HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + operatorPort + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
    }

    @Test
    void shvCannotReadOrListAnotherShvsDossiers() throws Exception {
        ApiClient voorbeeldstad = ApiClient.participant("gemeente-voorbeeldstad", port);
        ApiClient rivierenland = ApiClient.participant("kredietbank-rivierenland", port);
        String reference = Dossiers.newReference();
        String id = voorbeeldstad.post("/api/v1/dossiers", Dossiers.valid(reference).toString()).json().get("id").asText();

        ApiClient.Response foreign = rivierenland.get("/api/v1/dossiers/" + id);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.body()).doesNotContain("Testpersoon");
        assertThat(rivierenland.get("/api/v1/dossiers?shvReference=" + reference).json().get("totalItems").asInt()).isZero();
        assertThat(voorbeeldstad.get("/api/v1/dossiers/" + id).status()).isEqualTo(200);
    }
}
