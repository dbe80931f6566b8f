package nl.knooppunt.gateway.outbound;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Expires mailbox messages that the creditor did not fetch and confirm within the agreed working
 * days (process agreement 2.1: 5 werkdagen). The deadline itself is set at delivery, from the
 * working-day calendar; here it is only compared with the clock.
 */
@Component
public class MailboxExpiry {

    private static final Logger log = LoggerFactory.getLogger(MailboxExpiry.class);

    private final TransactionTemplate tx;
    private final MessageMoves moves;
    private final OutboundProperties properties;
    private final Clock clock;

    MailboxExpiry(TransactionTemplate tx, MessageMoves moves, OutboundProperties properties, Clock clock) {
        this.tx = tx;
        this.moves = moves;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Expires what is overdue, a page at a time, each page in a transaction of its own with the
     * listeners' reactions.
     *
     * @return how many messages expired
     */
    public int expireOverdue() {
        int expired = 0;
        int page;
        do {
            page = tx.execute(status -> expirePage());
            expired += page;
        } while (page == properties.pageSize());
        if (expired > 0) {
            log.info("{} mailbox message(s) expired unfetched or unconfirmed", expired);
        }
        return expired;
    }

    private int expirePage() {
        Instant now = clock.instant();
        return moves.move(OutboundStatus.EXPIRED, """
                        last_error = 'not fetched and confirmed before '
                                     || to_char(m.expires_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')""",
                null, "m.reference in (select o.reference from outbound_message o where o.expires_at <= :at and "
                        + StatusGuard.sql("o.status", OutboundStatus.TRANSITIONS, OutboundStatus.EXPIRED)
                        + " order by o.expires_at limit :page for update skip locked)",
                Map.of("page", properties.pageSize()), now);
    }
}
