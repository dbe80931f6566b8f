package nl.knooppunt.gateway.registry;

import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/** Brings the participant registry in the database in line with the configuration at start-up. */
@Component
class RegistrySynchronizer implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(RegistrySynchronizer.class);

    private final RegistryProperties properties;
    private final ParticipantRepository participants;
    private final Convenants convenants;

    RegistrySynchronizer(RegistryProperties properties, ParticipantRepository participants, Convenants convenants) {
        this.properties = properties;
        this.participants = participants;
        this.convenants = convenants;
    }

    @Override
    public void afterPropertiesSet() {
        // Every entry is checked before any is written: a bad one changes nothing and stops the start.
        List<Optional<CreditorChannel>> channels = properties.participants().stream().map(this::check).toList();
        List<List<Convenant>> configured = properties.participants().stream().map(this::convenantsOf).toList();
        for (int i = 0; i < channels.size(); i++) {
            RegistryProperties.ParticipantEntry entry = properties.participants().get(i);
            Participant participant = participants.upsert(entry.oin(), entry.kind(), entry.name(),
                    entry.active() == null || entry.active(), channels.get(i));
            // The configuration is the convenant registry: what it no longer lists is gone (ADR 0018).
            convenants.replace(participant.id(), Boolean.TRUE.equals(entry.identifiesClientsByBsn()), configured.get(i));
        }
        log.info("Participant registry synchronised: {} configured participants", properties.participants().size());
    }

    private List<Convenant> convenantsOf(RegistryProperties.ParticipantEntry entry) {
        if (!entry.convenants().isEmpty() && entry.kind() != ParticipantKind.CREDITOR) {
            throw new IllegalStateException("Registry entry " + entry.oin() + " has convenants but is no creditor");
        }
        try {
            return entry.convenants().stream().map(RegistryProperties.ConvenantEntry::toConvenant).toList();
        } catch (IllegalStateException e) {
            throw new IllegalStateException("Registry entry " + entry.oin() + ": " + e.getMessage(), e);
        }
    }

    private Optional<CreditorChannel> check(RegistryProperties.ParticipantEntry entry) {
        if (!Oin.isValid(entry.oin())) {
            throw new IllegalStateException("Registry entry '" + entry.name() + "' has an invalid OIN");
        }
        if (entry.kind() == null) {
            throw new IllegalStateException("Registry entry " + entry.oin() + " has no kind (SHV or CREDITOR)");
        }
        if (entry.kind() == ParticipantKind.CREDITOR && entry.channel() == null) {
            throw new InvalidChannelException("channel", "a creditor needs a channel").of(entry.oin());
        }
        // A creditor needs a channel; an SHV may have one, for the notifications it receives: a WEBHOOK,
        // which is for SHVs only (it carries notifications, not Schuldenknooppunt messages).
        if (entry.channel() != null && entry.channel().type() != null
                && (entry.kind() == ParticipantKind.SHV) != (entry.channel().type() == ChannelType.WEBHOOK)) {
            throw new InvalidChannelException("channel.type", entry.kind() == ParticipantKind.SHV
                    ? "an SHV's channel carries its notifications: use WEBHOOK, or leave the channel out (mailbox only)"
                    : "WEBHOOK is for an SHV's notifications; a creditor needs SOAP, REST, SFTP or MAILBOX").of(entry.oin());
        }
        try {
            return Optional.ofNullable(entry.channel()).map(RegistryProperties.ChannelEntry::toChannel);
        } catch (InvalidChannelException e) {
            throw e.of(entry.oin());
        }
    }
}
