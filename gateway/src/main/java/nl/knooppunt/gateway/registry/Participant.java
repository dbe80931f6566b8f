package nl.knooppunt.gateway.registry;

import java.util.Optional;
import java.util.UUID;

/** An organisation known to the gateway: an SHV or a creditor (with its channel). */
public record Participant(UUID id, Oin oin, ParticipantKind kind, String name, boolean active,
                          Optional<CreditorChannel> channel) {

    public boolean isCreditor() {
        return kind == ParticipantKind.CREDITOR;
    }

    public boolean isShv() {
        return kind == ParticipantKind.SHV;
    }
}
