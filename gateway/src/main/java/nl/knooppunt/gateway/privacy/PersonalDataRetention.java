package nl.knooppunt.gateway.privacy;

import static nl.knooppunt.gateway.database.Timestamps.utc;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Data minimisation: once a dossier has been closed for the retention period, its personal data is
 * removed — the client data and the content of its messages — while the anonymous record of what
 * happened (statuses, history, delivery attempts, the audit log) stays. Run hourly by the route
 * {@code privacy-retention}; purging twice is harmless.
 */
@Service
public class PersonalDataRetention {

    private static final Logger log = LoggerFactory.getLogger(PersonalDataRetention.class);

    private final JdbcClient jdbc;
    private final PrivacyProperties properties;
    private final Clock clock;

    PersonalDataRetention(JdbcClient jdbc, PrivacyProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /** @return the dossiers whose personal data was purged now */
    @Transactional
    public List<UUID> purgeExpired() {
        Instant now = clock.instant();
        List<UUID> purged = jdbc.sql("""
                        update dossier set client_data = null, submission_fingerprint = null,
                               personal_data_purged_at = :now
                         where closed_at is not null and closed_at <= :cutoff and client_data is not null
                        returning id
                        """)
                .param("now", utc(now))
                .param("cutoff", utc(now.minus(properties.retention())))
                .query(UUID.class)
                .list();
        if (!purged.isEmpty()) {
            // Message contents carry the same personal data; only messages still on their way keep theirs.
            jdbc.sql("""
                            update outbound_message set payload = null
                             where dossier_id in (:ids) and payload is not null and status not in ('PENDING', 'BATCHED')
                            """)
                    .param("ids", purged)
                    .update();
            jdbc.sql("update inbound_message set payload = null where dossier_id in (:ids) and payload is not null")
                    .param("ids", purged)
                    .update();
            log.info("Personal data of {} closed dossier(s) purged after the retention period of {} days",
                    purged.size(), properties.retention().toDays());
        }
        return purged;
    }
}
