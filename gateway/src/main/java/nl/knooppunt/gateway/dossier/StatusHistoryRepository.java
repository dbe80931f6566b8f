package nl.knooppunt.gateway.dossier;

import static nl.knooppunt.gateway.database.Timestamps.instant;
import static nl.knooppunt.gateway.database.Timestamps.utc;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The append-only status history. The database refuses updates and deletes of it. */
@Repository
public class StatusHistoryRepository {

    private final JdbcClient jdbc;

    StatusHistoryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Appends the entry; returns its id. */
    long append(UUID dossierId, UUID claimId, String from, String to, Instant at, Cause cause, String note) {
        return jdbc.sql("""
                        insert into status_history (dossier_id, claim_id, from_status, to_status, occurred_at,
                                                    cause_type, cause_reference, note)
                        values (:dossier, :claim, :from, :to, :at, :causeType, :causeRef, :note)
                        returning id
                        """)
                .param("dossier", dossierId)
                .param("claim", claimId)
                .param("from", from)
                .param("to", to)
                .param("at", utc(at))
                .param("causeType", cause.type().name())
                .param("causeRef", cause.reference())
                .param("note", note)
                .query(Long.class)
                .single();
    }

    public List<StatusChange> findByDossier(UUID dossierId) {
        return jdbc.sql("""
                        select id, dossier_id, claim_id, from_status, to_status, occurred_at, cause_type,
                               cause_reference, note
                          from status_history where dossier_id = ? order by id
                        """)
                .param(dossierId)
                .query((rs, row) -> new StatusChange(
                        rs.getLong("id"),
                        rs.getObject("dossier_id", UUID.class),
                        rs.getObject("claim_id", UUID.class),
                        rs.getString("from_status"),
                        rs.getString("to_status"),
                        instant(rs, "occurred_at"),
                        new Cause(CauseType.valueOf(rs.getString("cause_type")), rs.getString("cause_reference")),
                        rs.getString("note")))
                .list();
    }
}
