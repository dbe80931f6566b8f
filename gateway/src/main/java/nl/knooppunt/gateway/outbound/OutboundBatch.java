package nl.knooppunt.gateway.outbound;

import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import nl.knooppunt.gateway.registry.Participant;

/**
 * A batch handed to a channel: its stable id (sent along so the recipient can de-duplicate a
 * resend), the recipient, which attempt this is, and its messages as a stream read from the
 * database page by page.
 */
public final class OutboundBatch {

    private final UUID id;
    private final Participant recipient;
    private final String messageType;
    private final int messageCount;
    private final int attempt;
    private final Supplier<Stream<OutboundItem>> messages;

    public OutboundBatch(UUID id, Participant recipient, String messageType, int messageCount, int attempt,
                         Supplier<Stream<OutboundItem>> messages) {
        this.id = id;
        this.recipient = recipient;
        this.messageType = messageType;
        this.messageCount = messageCount;
        this.attempt = attempt;
        this.messages = messages;
    }

    public UUID id() {
        return id;
    }

    /** The participant the batch goes to: a creditor, or an SHV for its notifications. */
    public Participant recipient() {
        return recipient;
    }

    /** The one message type of the batch, for channels that batch per type; else null. */
    public String messageType() {
        return messageType;
    }

    public int messageCount() {
        return messageCount;
    }

    /** 1 for the first send; a resend of the same batch counts up. */
    public int attempt() {
        return attempt;
    }

    /** The messages in batch order, streamed from the database; each call starts from the first. */
    public Stream<OutboundItem> messages() {
        return messages.get();
    }
}
