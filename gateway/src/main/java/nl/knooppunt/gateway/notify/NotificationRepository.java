package nl.knooppunt.gateway.notify;

import static nl.knooppunt.gateway.database.Timestamps.utc;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SHVs' notifications and their cursors in PostgreSQL; callers hold the transaction. */
@Repository
class NotificationRepository {

    /** How far an SHV's notifications go, and how far it confirmed them. */
    record Cursor(long lastSequence, long confirmedThrough) {

        static final Cursor NONE = new Cursor(0, 0);
    }

    private final JdbcClient jdbc;

    NotificationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The SHV's next sequence number. Locks the SHV's cursor row until the transaction ends, so that
     * numbers are handed out in commit order and without gaps (see V12).
     */
    long nextSequence(UUID shvId) {
        return jdbc.sql("""
                        insert into shv_notification_cursor (shv_id, last_sequence) values (?, 1)
                        on conflict (shv_id) do update set last_sequence = shv_notification_cursor.last_sequence + 1
                        returning last_sequence
                        """)
                .param(shvId).query(Long.class).single();
    }

    void insert(UUID id, UUID shvId, long sequence, UUID dossierId, UUID claimId, NotificationKind kind,
                String payload, Instant createdAt) {
        jdbc.sql("""
                        insert into shv_notification (id, shv_id, sequence, dossier_id, claim_id, kind, payload, created_at)
                        values (:id, :shv, :sequence, :dossier, :claim, :kind, :payload, :at)
                        """)
                .param("id", id).param("shv", shvId).param("sequence", sequence).param("dossier", dossierId)
                .param("claim", claimId).param("kind", kind.name()).param("payload", payload).param("at", utc(createdAt))
                .update();
    }

    Cursor cursor(UUID shvId) {
        return jdbc.sql("select last_sequence, confirmed_through from shv_notification_cursor where shv_id = ?")
                .param(shvId)
                .query((rs, n) -> new Cursor(rs.getLong(1), rs.getLong(2)))
                .optional()
                .orElse(Cursor.NONE);
    }

    /** One stored notification: its sequence number and its JSON document. */
    record Row(long sequence, String payload) {}

    /** The SHV's notifications after the sequence number, in sequence order, at most {@code limit}. */
    List<Row> page(UUID shvId, long after, int limit) {
        return jdbc.sql("""
                        select sequence, payload from shv_notification where shv_id = ? and sequence > ?
                         order by sequence limit ?
                        """)
                .params(shvId, after, limit)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2)))
                .list();
    }

    /** Confirms every notification of the SHV up to and including {@code through} (not beyond its last). */
    void confirm(UUID shvId, long through, Instant now) {
        int moved = jdbc.sql("""
                        update shv_notification_cursor set confirmed_through = :through
                         where shv_id = :shv and confirmed_through < :through and last_sequence >= :through
                        """)
                .param("shv", shvId).param("through", through).update();
        if (moved == 1) {
            jdbc.sql("""
                            update shv_notification set confirmed_at = :now
                             where shv_id = :shv and sequence <= :through and confirmed_at is null
                            """)
                    .param("shv", shvId).param("through", through).param("now", utc(now)).update();
        }
    }
}
