package nl.knooppunt.gateway.registry;

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

    RegistrySynchronizer(RegistryProperties properties, ParticipantRepository participants) {
        this.properties = properties;
        this.participants = participants;
    }

    @Override
    public void afterPropertiesSet() {
        for (RegistryProperties.ParticipantEntry entry : properties.participants()) {
            if (!Oin.isValid(entry.oin())) {
                throw new IllegalStateException("Registry entry '" + entry.name() + "' has an invalid OIN");
            }
            if (entry.kind() == null) {
                throw new IllegalStateException("Registry entry " + entry.oin() + " has no kind (SHV or CREDITOR)");
            }
            if (entry.kind() == ParticipantKind.CREDITOR && entry.channel() == null) {
                throw new IllegalStateException("Creditor " + entry.oin() + " has no channel configured");
            }
            // A creditor needs a channel; an SHV may have one, for the notifications it receives.
            Optional<CreditorChannel> channel = Optional.ofNullable(entry.channel())
                    .map(RegistryProperties.ChannelEntry::toChannel);
            participants.upsert(entry.oin(), entry.kind(), entry.name(),
                    entry.active() == null || entry.active(), channel);
        }
        log.info("Participant registry synchronised: {} configured participants", properties.participants().size());
    }
}
