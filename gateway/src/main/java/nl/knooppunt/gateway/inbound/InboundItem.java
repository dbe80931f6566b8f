package nl.knooppunt.gateway.inbound;

import java.util.Objects;
import java.util.UUID;
import nl.knooppunt.mappings.canonical.Message;

/**
 * One message as a channel received it: read into the canonical model, or not readable at all.
 * A channel hands in what it got, readable or not, and the door decides; so a batch with an
 * unreadable line is treated by the same rules (each on its own, or all or nothing) on every channel.
 */
public sealed interface InboundItem {

    /** The Referentienummer, if the message could be read that far. */
    UUID reference();

    /** A message that matches the contract. */
    record Readable(Message message) implements InboundItem {
        public Readable {
            Objects.requireNonNull(message, "message");
        }

        @Override
        public UUID reference() {
            return message.header().referentienummer();
        }
    }

    /**
     * A message that does not match the contract.
     *
     * @param reason what is wrong, without personal data (it goes back to the sender and into logs)
     */
    record Unreadable(UUID reference, String reason) implements InboundItem {
        public Unreadable {
            Objects.requireNonNull(reason, "reason");
        }
    }

    static InboundItem of(Message message) {
        return new Readable(message);
    }

    static InboundItem unreadable(UUID reference, String reason) {
        return new Unreadable(reference, reason);
    }
}
