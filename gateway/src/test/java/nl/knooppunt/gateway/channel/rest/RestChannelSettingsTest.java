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
        assertThat(RestChannelSettings.of(channel(Map.of()))).isEqualTo(new RestChannelSettings(null, null));
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
