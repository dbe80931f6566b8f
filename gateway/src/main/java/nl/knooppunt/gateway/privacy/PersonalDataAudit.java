package nl.knooppunt.gateway.privacy;

import static nl.knooppunt.gateway.database.Timestamps.instant;
import static nl.knooppunt.gateway.database.Timestamps.utc;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The audit log of personal data: every time someone reads a dossier's personal data, it is
 * written here in the same transaction as the read. Holds who and which dossier, never the data.
 */
@Repository
public class PersonalDataAudit {

    public enum ActorType { PARTICIPANT, OPERATOR }

    /** One recorded read. */
    public record Access(Instant at, String actor, ActorType actorType, UUID dossierId, String channel, String action) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    PersonalDataAudit(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void recordRead(String actor, ActorType actorType, UUID dossierId, String channel, String action) {
        jdbc.sql("""
                        insert into personal_data_access (at, actor, actor_type, dossier_id, channel, action)
                        values (:at, :actor, :type, :dossier, :channel, :action)
                        """)
                .param("at", utc(clock.instant()))
                .param("actor", actor)
                .param("type", actorType.name())
                .param("dossier", dossierId)
                .param("channel", channel)
                .param("action", action)
                .update();
    }

    public List<Access> forDossier(UUID dossierId) {
        return jdbc.sql("select at, actor, actor_type, dossier_id, channel, action from personal_data_access "
                        + "where dossier_id = ? order by id")
                .param(dossierId)
                .query((rs, n) -> new Access(instant(rs, "at"), rs.getString("actor"),
                        ActorType.valueOf(rs.getString("actor_type")), rs.getObject("dossier_id", UUID.class),
                        rs.getString("channel"), rs.getString("action")))
                .list();
    }
}
