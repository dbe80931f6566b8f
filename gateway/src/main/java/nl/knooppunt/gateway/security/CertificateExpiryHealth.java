package nl.knooppunt.gateway.security;

import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * Warns before certificates run out: the gateway's own chain and every trusted CA. WARNING when
 * one expires within {@code knooppunt.tls.expiry-warning} (30 days), DOWN when the gateway's own
 * certificate has expired (participants can no longer connect).
 */
@Component("certificates")
public class CertificateExpiryHealth implements HealthIndicator {

    public static final Status WARNING = new Status("WARNING", "A certificate expires soon");

    private final TlsMaterial material;
    private final Clock clock;

    CertificateExpiryHealth(TlsMaterial material, Clock clock) {
        this.material = material;
        this.clock = clock;
    }

    @Override
    public Health health() {
        if (!material.isConfigured()) {
            return Health.unknown().withDetail("reason", "no TLS material configured").build();
        }
        Instant now = clock.instant();
        Instant warnFrom = now.plus(material.properties().expiryWarning());
        List<Map<String, Object>> expiring = new ArrayList<>();
        boolean ownExpired = false;
        Instant earliest = Instant.MAX;
        for (Map.Entry<String, X509Certificate> entry : certificates().entrySet()) {
            Instant notAfter = entry.getValue().getNotAfter().toInstant();
            earliest = notAfter.isBefore(earliest) ? notAfter : earliest;
            if (notAfter.isBefore(warnFrom)) {
                Map<String, Object> detail = new LinkedHashMap<>();
                detail.put("certificate", entry.getKey());
                detail.put("subject", entry.getValue().getSubjectX500Principal().getName());
                detail.put("notAfter", notAfter.toString());
                detail.put("daysLeft", Math.max(0, Duration.between(now, notAfter).toDays()));
                expiring.add(detail);
                ownExpired |= entry.getKey().startsWith("gateway") && notAfter.isBefore(now);
            }
        }
        Health.Builder health = ownExpired ? Health.down() : expiring.isEmpty() ? Health.up() : Health.status(WARNING);
        return health.withDetail("earliestExpiry", earliest.toString())
                .withDetail("warnWithin", material.properties().expiryWarning().toDays() + " days")
                .withDetail("expiringSoon", expiring)
                .build();
    }

    /** Every configured certificate, named by where it comes from. */
    private Map<String, X509Certificate> certificates() {
        Map<String, X509Certificate> certificates = new LinkedHashMap<>();
        try {
            KeyStore keys = material.keyStore();
            for (String alias : Collections.list(keys.aliases())) {
                Certificate[] chain = keys.getCertificateChain(alias);
                if (chain != null) {
                    for (int i = 0; i < chain.length; i++) {
                        certificates.put("gateway/" + alias + "[" + i + "]", (X509Certificate) chain[i]);
                    }
                }
            }
            if (material.properties().trustStore() != null) {
                KeyStore trust = material.trustStore();
                for (String alias : Collections.list(trust.aliases())) {
                    certificates.put("trusted/" + alias, (X509Certificate) trust.getCertificate(alias));
                }
            }
        } catch (KeyStoreException e) {
            throw new IllegalStateException("Key store cannot be inspected", e);
        }
        return certificates;
    }
}
