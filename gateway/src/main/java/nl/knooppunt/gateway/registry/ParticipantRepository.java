package nl.knooppunt.gateway.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The participant registry in PostgreSQL. */
@Repository
public class ParticipantRepository {

    private static final String SELECT = """
            select p.id, p.oin, p.kind, p.name, p.active,
                   c.channel_type, c.endpoint, c.schedule_cron, c.max_batch_size, c.max_wait_seconds, c.settings
              from participant p left join participant_channel c on c.participant_id = p.id
            """;
    private static final TypeReference<Map<String, String>> SETTINGS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    ParticipantRepository(JdbcClient jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    public Optional<Participant> findByOin(String oin) {
        return jdbc.sql(SELECT + " where p.oin = ?").param(oin).query(this::map).optional();
    }

    public Optional<Participant> findById(UUID id) {
        return jdbc.sql(SELECT + " where p.id = ?").param(id).query(this::map).optional();
    }

    /** The active participants among the given OINs, by OIN. */
    public Map<String, Participant> findActiveByOins(Collection<String> oins) {
        if (oins.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql(SELECT + " where p.active and p.oin in (:oins)")
                .param("oins", oins)
                .query(this::map)
                .stream()
                .collect(java.util.stream.Collectors.toMap(p -> p.oin().value(), p -> p));
    }

    public List<Participant> findAll() {
        return jdbc.sql(SELECT + " order by p.kind, p.name").query(this::map).list();
    }

    /** Creates or updates the participant with this OIN, including its channel. */
    @Transactional
    public Participant upsert(String oin, ParticipantKind kind, String name, boolean active,
                              Optional<CreditorChannel> channel) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        UUID id = jdbc.sql("""
                        insert into participant (id, oin, kind, name, active, created_at, updated_at)
                        values (:id, :oin, :kind, :name, :active, :now, :now)
                        on conflict (oin) do update
                           set kind = excluded.kind, name = excluded.name, active = excluded.active,
                               updated_at = excluded.updated_at
                        returning id
                        """)
                .param("id", UUID.randomUUID())
                .param("oin", oin)
                .param("kind", kind.name())
                .param("name", name)
                .param("active", active)
                .param("now", now)
                .query(UUID.class)
                .single();
        if (channel.isPresent()) {
            CreditorChannel c = channel.get();
            jdbc.sql("""
                            insert into participant_channel (participant_id, channel_type, endpoint, schedule_cron,
                                                          max_batch_size, max_wait_seconds, settings)
                            values (:id, :type, :endpoint, :cron, :size, :wait, cast(:settings as jsonb))
                            on conflict (participant_id) do update
                               set channel_type = excluded.channel_type, endpoint = excluded.endpoint,
                                   schedule_cron = excluded.schedule_cron, max_batch_size = excluded.max_batch_size,
                                   max_wait_seconds = excluded.max_wait_seconds, settings = excluded.settings
                            """)
                    .param("id", id)
                    .param("type", c.type().name())
                    .param("endpoint", c.endpoint())
                    .param("cron", c.scheduleCron())
                    .param("size", c.maxBatchSize())
                    .param("wait", (int) c.maxWait().toSeconds())
                    .param("settings", toJson(c.settings()))
                    .update();
        } else {
            jdbc.sql("delete from participant_channel where participant_id = ?").param(id).update();
        }
        return findById(id).orElseThrow();
    }

    private Participant map(ResultSet rs, int row) throws SQLException {
        Optional<CreditorChannel> channel = Optional.empty();
        String channelType = rs.getString("channel_type");
        if (channelType != null) {
            try {
                channel = Optional.of(new CreditorChannel(
                    ChannelType.valueOf(channelType),
                    rs.getString("endpoint"),
                    rs.getString("schedule_cron"),
                    rs.getInt("max_batch_size"),
                    Duration.ofSeconds(rs.getInt("max_wait_seconds")),
                    fromJson(rs.getString("settings"))));
            } catch (InvalidChannelException e) {
                throw e.of(rs.getString("oin"));
            }
        }
        return new Participant(
                rs.getObject("id", UUID.class),
                new Oin(rs.getString("oin")),
                ParticipantKind.valueOf(rs.getString("kind")),
                rs.getString("name"),
                rs.getBoolean("active"),
                channel);
    }

    private String toJson(Map<String, String> settings) {
        try {
            return json.writeValueAsString(settings);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Channel settings cannot be written as JSON", e);
        }
    }

    private Map<String, String> fromJson(String settings) {
        try {
            return json.readValue(settings, SETTINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Channel settings in the database are not valid JSON", e);
        }
    }
}
