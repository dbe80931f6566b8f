package nl.knooppunt.gateway.channel.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import nl.knooppunt.gateway.registry.ChannelType;
import nl.knooppunt.gateway.registry.CreditorChannel;
import nl.knooppunt.gateway.registry.InvalidChannelException;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A REST creditor's settings that cannot work are refused, naming the setting, before anything is sent. */
class RestChannelSettingsTest {

    @TempDir Path directory;

    @Test
    void noSettingsMeansTheGatewaysTrustStore() {
        assertThat(RestChannelSettings.of(channel(Map.of()))).isEqualTo(new RestChannelSettings(null, null, null));
    }

    @Test
    void aCreditorsOwnTrustStoreIsOpenedWithItsPassword() throws Exception {
        Path store = trustStore("secret");

        RestChannelSettings settings = RestChannelSettings.of(channel(Map.of("trust-store", store.toString(),
                "trust-store-password", "secret")));

        assertThat(settings.trustStore()).isEqualTo(store);
        assertThat(settings.trustStorePassword()).isEqualTo("secret");
    }

    @Test
    void aTrustStoreThatCannotBeOpenedIsRefused() throws Exception {
        Path store = trustStore("secret");

        assertRefused(Map.of("trust-store", store.toString(), "trust-store-password", "wrong"),
                "channel.settings.trust-store", "cannot be opened as PKCS#12");
        assertRefused(Map.of("trust-store", directory.resolve("absent.p12").toString(), "trust-store-password", "x"),
                "channel.settings.trust-store", "cannot read");
        assertRefused(Map.of("trust-store", store.toString()), "channel.settings.trust-store-password",
                "is needed with a trust-store");
        assertRefused(Map.of("trust-store-password", "secret"), "channel.settings.trust-store-password",
                "is only used with a trust-store");
    }

    @Test
    void oauth2ClientCredentialsComeWithTokenUrlClientIdAndASecretFile() throws Exception {
        Path secret = Files.writeString(directory.resolve("secret"), "s3cret\n");

        RestChannelSettings settings = RestChannelSettings.of(channel(Map.of(
                "oauth2-token-url", "https://creditor.example/oauth/token", "oauth2-client-id", "knooppunt",
                "oauth2-client-secret-file", secret.toString(), "oauth2-scope", "batches:write")));

        assertThat(settings.oauth2().tokenUrl()).hasToString("https://creditor.example/oauth/token");
        assertThat(settings.oauth2().clientId()).isEqualTo("knooppunt");
        assertThat(settings.oauth2().clientSecret()).as("without the line end").isEqualTo("s3cret");
        assertThat(settings.oauth2().scope()).isEqualTo("batches:write");
    }

    @Test
    void incompleteOrUnusableOauth2SettingsAreRefused() throws Exception {
        Path secret = Files.writeString(directory.resolve("secret"), "s3cret");
        Path empty = Files.writeString(directory.resolve("empty"), " \n");

        assertRefused(Map.of("oauth2-token-url", "https://creditor.example/token", "oauth2-client-secret-file",
                secret.toString()), "channel.settings.oauth2-client-id", "is needed for OAuth2");
        assertRefused(Map.of("oauth2-scope", "batches"), "channel.settings.oauth2-token-url", "is needed for OAuth2");
        assertRefused(Map.of("oauth2-token-url", "http://creditor.example/token", "oauth2-client-id", "k",
                "oauth2-client-secret-file", secret.toString()), "channel.settings.oauth2-token-url", "must be an https URL");
        assertRefused(Map.of("oauth2-token-url", "https://creditor.example/token", "oauth2-client-id", "k",
                "oauth2-client-secret-file", directory.resolve("absent").toString()),
                "channel.settings.oauth2-client-secret-file", "cannot read");
        assertRefused(Map.of("oauth2-token-url", "https://creditor.example/token", "oauth2-client-id", "k",
                "oauth2-client-secret-file", empty.toString()), "channel.settings.oauth2-client-secret-file", "is empty");
    }

    @Test
    void aSettingTheChannelDoesNotKnowIsATypoNotADefault() {
        assertRefused(Map.of("truststore", "/etc/creditor.p12"), "channel.settings.truststore",
                "is not a REST channel setting");
    }

    private static void assertRefused(Map<String, String> settings, String field, String problem) {
        assertThatThrownBy(() -> RestChannelSettings.of(channel(settings)))
                .isInstanceOfSatisfying(InvalidChannelException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.problem()).contains(problem);
                });
    }

    private static CreditorChannel channel(Map<String, String> settings) {
        return new CreditorChannel(ChannelType.REST, "https://creditor.example/api", "0 0 6 * * ?", 100,
                Duration.ofHours(1), new HashMap<>(settings));
    }

    private Path trustStore(String password) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        KeyPair pair = generator.generateKeyPair();
        X500Name name = new X500Name("CN=Creditor CA");
        Instant now = Instant.now();
        X509Certificate ca = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(name,
                BigInteger.ONE, Date.from(now), Date.from(now.plus(Duration.ofDays(1))), name, pair.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("creditor-ca", ca);
        Path file = directory.resolve("creditor-trust.p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password.toCharArray());
        }
        return file;
    }
}
