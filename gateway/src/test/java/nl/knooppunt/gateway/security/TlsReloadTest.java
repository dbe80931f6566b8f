package nl.knooppunt.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import nl.knooppunt.certs.DevPki;
import nl.knooppunt.certs.DevPkiGenerator;
import nl.knooppunt.certs.DevPkiSpec;
import nl.knooppunt.certs.KeyStores;
import nl.knooppunt.certs.KeyType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A CA change while the gateway runs: a new root is added to the trust store, its CRLs to the CRL
 * file, then the gateway's own key store is replaced — each taking effect without a restart.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TlsReloadTest {

    static final Path DIR = Path.of("target/tls-reload");
    static final Path LIVE = DIR.resolve("live");
    static final char[] PASSWORD = "changeit".toCharArray();
    static final DevPki OLD_CA = pki("old", "G1");
    static final DevPki NEW_CA = pki("new", "G2");

    static DevPki pki(String name, String generation) {
        return DevPkiGenerator.generateIfAbsent(DevPkiSpec.builder(DIR.resolve(name))
                .participant("gemeente-voorbeeldstad", "00000001001000000001", KeyType.RSA_2048)
                .caGeneration(generation)
                .build());
    }

    @DynamicPropertySource
    static void liveFiles(DynamicPropertyRegistry registry) throws IOException {
        Files.createDirectories(LIVE);
        Files.copy(OLD_CA.server().keyStore(), LIVE.resolve("gateway.p12"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(OLD_CA.trustStore(), LIVE.resolve("truststore.p12"), StandardCopyOption.REPLACE_EXISTING);
        writeCrls(OLD_CA);
        registry.add("knooppunt.tls.key-store", () -> LIVE.resolve("gateway.p12").toString());
        registry.add("knooppunt.tls.key-alias", () -> "gateway");
        registry.add("knooppunt.tls.trust-store", () -> LIVE.resolve("truststore.p12").toString());
        registry.add("knooppunt.tls.crls", () -> LIVE.resolve("crls.pem").toString());
        registry.add("knooppunt.tls.watch-interval", () -> "1h");
    }

    static void writeCrls(DevPki... pkis) throws IOException {
        StringBuilder pem = new StringBuilder();
        for (DevPki pki : pkis) {
            pem.append(Files.readString(pki.rootCrlPem())).append(Files.readString(pki.crlPem()));
        }
        Files.writeString(LIVE.resolve("crls.pem"), pem);
    }

    @LocalServerPort int port;
    @Autowired TlsReloader reloader;

    /** Each test starts from the old CA only, loaded into the running port. */
    @org.junit.jupiter.api.BeforeEach
    void onlyTheOldCa() throws IOException {
        Files.copy(OLD_CA.server().keyStore(), LIVE.resolve("gateway.p12"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(OLD_CA.trustStore(), LIVE.resolve("truststore.p12"), StandardCopyOption.REPLACE_EXISTING);
        writeCrls(OLD_CA);
        reloader.reloadIfChanged();
    }

    private HttpResponse<String> call(DevPki clientCa, DevPki... trusted) throws Exception {
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(KeyStores.loadPkcs12(clientCa.participantKeyStore("gemeente-voorbeeldstad"), PASSWORD), PASSWORD);
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        for (DevPki pki : trusted) {
            try (InputStream in = Files.newInputStream(pki.rootCaPem())) {
                trust.setCertificateEntry("root-" + pki.directory().getFileName(),
                        java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(in));
            }
        }
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trust);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keys.getKeyManagers(), trustManagers.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(tls).build().send(
                HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/api/v1/dossiers")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void newCaAndNewServerCertificateTakeEffectWithoutRestart() throws Exception {
        assertThat(call(OLD_CA, OLD_CA).statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> call(NEW_CA, OLD_CA)).as("new CA not yet trusted").isInstanceOf(IOException.class);
        assertThat(reloader.reloadIfChanged()).as("nothing changed yet").isFalse();

        // Step 1 of the rotation: trust both roots, know both CAs' CRLs.
        List<X509Certificate> roots = List.of(
                KeyStores.readCertificates(OLD_CA.rootCaPem()).get(0), KeyStores.readCertificates(NEW_CA.rootCaPem()).get(0));
        KeyStores.writeTrustStore(LIVE.resolve("truststore.p12"), PASSWORD, roots);
        writeCrls(OLD_CA, NEW_CA);
        assertThat(reloader.reloadIfChanged()).isTrue();

        assertThat(call(NEW_CA, OLD_CA).statusCode()).isEqualTo(200);
        assertThat(call(OLD_CA, OLD_CA).statusCode()).isEqualTo(200);

        // Step 2: the gateway's own certificate from the new CA.
        Files.copy(NEW_CA.server().keyStore(), LIVE.resolve("gateway.p12"), StandardCopyOption.REPLACE_EXISTING);
        assertThat(reloader.reloadIfChanged()).isTrue();

        HttpResponse<String> response = call(NEW_CA, NEW_CA);
        assertThat(response.statusCode()).isEqualTo(200);
        X509Certificate served = (X509Certificate) response.sslSession().orElseThrow().getPeerCertificates()[0];
        assertThat(served.getSerialNumber()).isEqualTo(NEW_CA.server().serialNumber());
        assertThatThrownBy(() -> call(OLD_CA, OLD_CA)).as("a client trusting only the old root no longer trusts us")
                .isInstanceOf(IOException.class);
    }

    @Test
    void revokedCertificateOfTheNewCaIsRefusedOnceItsCrlIsLoaded() throws Exception {
        KeyStores.writeTrustStore(LIVE.resolve("truststore.p12"), PASSWORD, List.of(
                KeyStores.readCertificates(OLD_CA.rootCaPem()).get(0), KeyStores.readCertificates(NEW_CA.rootCaPem()).get(0)));
        writeCrls(OLD_CA, NEW_CA);
        reloader.reloadIfChanged();

        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(KeyStores.loadPkcs12(NEW_CA.revokedKeyStore(), PASSWORD), PASSWORD);
        SSLContext tls = SSLContext.getInstance("TLS");
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        KeyStore both = KeyStores.loadPkcs12(LIVE.resolve("truststore.p12"), PASSWORD);
        trust.init(both);
        tls.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
        assertThatThrownBy(() -> HttpClient.newBuilder().sslContext(tls).build().send(
                HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/api/v1/dossiers")).build(),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);
    }
}
