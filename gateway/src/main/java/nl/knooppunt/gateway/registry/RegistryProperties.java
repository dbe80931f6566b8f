package nl.knooppunt.gateway.registry;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The participants the gateway knows, as configured. On start-up the registry in the database is
 * brought in line with this list (participants are added or updated, never deleted: dossiers
 * refer to them).
 *
 * @param participants the SHVs and creditors, each with its OIN, kind, name and (creditors) channel; a
 *     creditor may name its convenants with up-front consent (vooraf akkoord) and whether it identifies
 *     clients by BSN (it then gets a Kennisgeving Publiek)
 */
@ConfigurationProperties("knooppunt.registry")
public record RegistryProperties(List<ParticipantEntry> participants) {

    public RegistryProperties {
        participants = participants == null ? List.of() : List.copyOf(participants);
    }

    /**
     * One participant.
     *
     * @param identifiesClientsByBsn a creditor that identifies clients by BSN (public creditors): its
     *     Kennisgeving is a Kennisgeving Publiek, with the client's BSN; default false
     * @param convenants the creditor's convenants with up-front consent (vooraf akkoord, Collectief
     *     Schuldregelen): only from a creditor with one for the dossier's settlement type, valid on the
     *     day it arrives, does a Saldoverzoek antwoord vooraf akkoord count
     */
    public record ParticipantEntry(String oin, ParticipantKind kind, String name, Boolean active,
                                   ChannelEntry channel, Boolean identifiesClientsByBsn,
                                   List<ConvenantEntry> convenants) {

        public ParticipantEntry {
            convenants = convenants == null ? List.of() : List.copyOf(convenants);
        }
    }

    /**
     * A convenant with up-front consent for one settlement type (TypeSchuldregeling SB, SK or SA),
     * valid from its first day until its last day (inclusive; none: open-ended).
     */
    public record ConvenantEntry(String settlementType, LocalDate validFrom, LocalDate validUntil) {

        Convenant toConvenant() {
            return new Convenant(settlementType, validFrom, validUntil);
        }
    }

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
