package nl.knooppunt.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import nl.knooppunt.certs.DevPki;
import nl.knooppunt.certs.DevPkiGenerator;
import nl.knooppunt.certs.DevPkiSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

/** The certificate health against a PKI whose certificates live 20 days, seen at different moments. */
class CertificateExpiryHealthTest {

    static DevPki pki;
    static TlsMaterial material;

    @BeforeAll
    static void shortLivedPki() throws Exception {
        pki = DevPkiGenerator.generateIfAbsent(DevPkiSpec.builder(Path.of("target/short-lived-pki"))
                .participant("gemeente-voorbeeldstad", "00000001001000000001", nl.knooppunt.certs.KeyType.RSA_2048)
                .validity(Duration.ofDays(20))
                .renewBefore(Duration.ofDays(1))
                .build());
        material = material(Duration.ofDays(30));
    }

    private static TlsMaterial material(Duration warnWithin) throws java.io.IOException {
        return new TlsMaterial(new TlsProperties(pki.server().keyStore(), "changeit", "gateway", pki.trustStore(),
                "changeit", List.of(pki.intermediateCaPem()), pki.crls(), List.of("TLSv1.3"), List.of(), Duration.ofSeconds(10), warnWithin));
    }

    private static Health healthAt(Instant moment) {
        return new CertificateExpiryHealth(material, Clock.fixed(moment, ZoneOffset.UTC)).health();
    }

    @Test
    void certificateExpiringWithinThirtyDaysTurnsTheHealthToWarning() {
        Instant serverExpiry = pki.server().notAfter();
        Health health = healthAt(serverExpiry.minus(Duration.ofDays(19)));

        assertThat(health.getStatus()).isEqualTo(CertificateExpiryHealth.WARNING);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> expiring = (List<Map<String, Object>>) health.getDetails().get("expiringSoon");
        assertThat(expiring).anySatisfy(c -> {
            assertThat(c.get("certificate").toString()).startsWith("gateway/gateway[0]");
            assertThat(c.get("daysLeft")).isEqualTo(19L);
        });
    }

    @Test
    void certificatesFurtherAwayThanTheThresholdAreUp() throws Exception {
        // A 10-day threshold, seen 15 days before the 20-day server certificate expires.
        Health health = new CertificateExpiryHealth(material(Duration.ofDays(10)),
                Clock.fixed(pki.server().notAfter().minus(Duration.ofDays(15)), ZoneOffset.UTC)).health();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void expiredGatewayCertificateIsDown() {
        Health health = healthAt(pki.server().notAfter().plus(Duration.ofDays(1)));
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
    }
}
