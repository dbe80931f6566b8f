package nl.knooppunt.gateway.registry;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The participants the gateway knows, as configured. On start-up the registry in the database is
 * brought in line with this list (participants are added or updated, never deleted: dossiers
 * refer to them).
 *
 * @param participants the SHVs and creditors, each with its OIN, kind, name and (creditors) channel
 */
@ConfigurationProperties("knooppunt.registry")
public record RegistryProperties(List<ParticipantEntry> participants) {

    public RegistryProperties {
        participants = participants == null ? List.of() : List.copyOf(participants);
    }

    public record ParticipantEntry(String oin, ParticipantKind kind, String name, Boolean active,
                                   ChannelEntry channel) {}

    public record ChannelEntry(ChannelType type, String endpoint, String schedule, Integer maxBatchSize,
                               Duration maxWait, Map<String, String> settings) {

        CreditorChannel toChannel() {
            // A webhook is prompt by default: due within the second, sent on the engine's next tick.
            boolean webhook = type == ChannelType.WEBHOOK;
            return new CreditorChannel(
                    type,
                    endpoint,
                    schedule == null ? (webhook ? "* * * * * *" : "0 0 6 ? * MON-FRI") : schedule,
                    maxBatchSize == null ? (webhook ? 10 : 500) : maxBatchSize,
                    maxWait == null ? (webhook ? Duration.ofSeconds(5) : Duration.ofHours(24)) : maxWait,
                    settings);
        }
    }
}
