package nl.knooppunt.gateway.outbound;

import static nl.knooppunt.gateway.database.Timestamps.utc;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Expires mailbox messages that the creditor did not fetch and confirm within the agreed working
 * days (process agreement 2.1: 5 werkdagen). The deadline itself is set at delivery, from the
 * working-day calendar; here it is only compared with the clock.
 */
@Component
public class MailboxExpiry {

    private static final Logger log = LoggerFactory.getLogger(MailboxExpiry.class);

    private final JdbcClient jdbc;
    private final Clock clock;

    MailboxExpiry(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** @return how many messages expired */
    @Transactional
    public int expireOverdue() {
        int expired = jdbc.sql("""
                        update outbound_message
                           set status = 'EXPIRED', updated_at = :now,
                               last_error = 'not fetched and confirmed before ' || to_char(expires_at at time zone 'UTC',
                                            'YYYY-MM-DD"T"HH24:MI:SS"Z"')
                         where status in ('IN_MAILBOX', 'FETCHED') and expires_at <= :now
                        """)
                .param("now", utc(clock.instant()))
                .update();
        if (expired > 0) {
            log.info("{} mailbox message(s) expired unfetched or unconfirmed", expired);
        }
        return expired;
    }
}
