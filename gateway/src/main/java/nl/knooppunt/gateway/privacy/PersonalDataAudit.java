package nl.knooppunt.gateway.privacy;

import static nl.knooppunt.gateway.database.Timestamps.instant;
import static nl.knooppunt.gateway.database.Timestamps.utc;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The audit log of personal data: every time someone reads a dossier's personal data, fetches
 * messages that carry it from a mailbox, or sends a message about the client that the gateway
 * accepts, it is written here in the same transaction as that access. Holds who, which dossier and
 * which messages, never the data.
 */
@Repository
public class PersonalDataAudit {

    public enum ActorType { PARTICIPANT, OPERATOR }

    /**
     * One recorded access.
     *
     * @param messageReferences the Referentienummers of the messages concerned; empty for a read of the dossier
     */
    public record Access(Instant at, String actor, ActorType actorType, UUID dossierId, String channel, String action,
                         List<UUID> messageReferences) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    PersonalDataAudit(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A read of the dossier itself, e.g. through the SHV API. */
    public void recordRead(String actor, ActorType actorType, UUID dossierId, String channel, String action) {
        insert(actor, actorType, dossierId, channel, action, null);
    }

    /** Messages of one dossier that reached or came from the actor, e.g. fetched from a mailbox. */
    public void recordMessages(String actor, ActorType actorType, UUID dossierId, String channel, String action,
                               Collection<UUID> messageReferences) {
        if (messageReferences.isEmpty()) {
            throw new IllegalArgumentException("An access to messages names at least one message");
        }
        insert(actor, actorType, dossierId, channel, action, messageReferences.stream()
                .map(UUID::toString).collect(Collectors.joining(",", "{", "}")));
    }

    private void insert(String actor, ActorType actorType, UUID dossierId, String channel, String action,
                        String references) {
        jdbc.sql("""
                        insert into personal_data_access (at, actor, actor_type, dossier_id, channel, action,
                                                          message_references)
                        values (:at, :actor, :type, :dossier, :channel, :action, cast(:refs as uuid[]))
                        """)
                .param("at", utc(clock.instant()))
                .param("actor", actor)
                .param("type", actorType.name())
                .param("dossier", dossierId)
                .param("channel", channel)
                .param("action", action)
                .param("refs", references, java.sql.Types.VARCHAR)
                .update();
    }

    public List<Access> forDossier(UUID dossierId) {
        return jdbc.sql("select at, actor, actor_type, dossier_id, channel, action, message_references "
                        + "from personal_data_access where dossier_id = ? order by id")
                .param(dossierId)
                .query((rs, n) -> new Access(instant(rs, "at"), rs.getString("actor"),
                        ActorType.valueOf(rs.getString("actor_type")), rs.getObject("dossier_id", UUID.class),
                        rs.getString("channel"), rs.getString("action"), references(rs)))
                .list();
    }

    private static List<UUID> references(ResultSet rs) throws SQLException {
        Array array = rs.getArray("message_references");
        if (array == null) {
            return List.of();
        }
        List<UUID> references = new ArrayList<>();
        for (Object reference : (Object[]) array.getArray()) {
            references.add(reference instanceof UUID uuid ? uuid : UUID.fromString(reference.toString()));
        }
        return List.copyOf(references);
    }
}
