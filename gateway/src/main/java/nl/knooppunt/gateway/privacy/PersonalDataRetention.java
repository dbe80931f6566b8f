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
 * happened (statuses, history, delivery attempts, the audit log) stays. A message still on its way when
 * its dossier is purged (queued, or in a batch being sent or retried) keeps its content until it is
 * done; a later run removes it. Run hourly by the route {@code privacy-retention}; purging twice is
 * harmless.
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
        // Message contents carry the same personal data. Every run also reaches the messages of dossiers
        // purged before that were still on their way then (queued, or in a batch being sent).
        int messages = jdbc.sql("""
                        update outbound_message m set payload = null
                          from dossier d
                         where d.id = m.dossier_id and d.personal_data_purged_at is not null
                           and m.payload is not null and m.status not in ('PENDING', 'BATCHED')
                           and not exists (select 1 from batch_member bm join outbound_batch b on b.id = bm.batch_id
                                            where bm.message_reference = m.reference
                                              and b.status in ('READY', 'SENDING'))
                        """)
                .update();
        messages += jdbc.sql("""
                        update inbound_message i set payload = null
                          from dossier d
                         where d.id = i.dossier_id and d.personal_data_purged_at is not null and i.payload is not null
                        """)
                .update();
        if (!purged.isEmpty() || messages > 0) {
            log.info("Personal data of {} closed dossier(s) purged after the retention period of {} days; "
                    + "{} message content(s) removed", purged.size(), properties.retention().toDays(), messages);
        }
        return purged;
    }
}
