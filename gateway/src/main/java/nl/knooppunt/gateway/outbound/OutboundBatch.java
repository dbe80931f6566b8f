package nl.knooppunt.gateway.outbound;

import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import nl.knooppunt.gateway.registry.Participant;

/**
 * A batch handed to a channel: its stable id (sent along so the recipient can de-duplicate a
 * resend), the recipient, which attempt this is, when it was formed, and its messages as a stream
 * read from the database page by page.
 */
public final class OutboundBatch {

    private final UUID id;
    private final Participant recipient;
    private final String messageType;
    private final int messageCount;
    private final int attempt;
    private final Instant createdAt;
    private final Supplier<Stream<OutboundItem>> messages;

    /** A batch whose creation time the caller does not know ({@link #createdAt()} is null). */
    public OutboundBatch(UUID id, Participant recipient, String messageType, int messageCount, int attempt,
                         Supplier<Stream<OutboundItem>> messages) {
        this(id, recipient, messageType, messageCount, attempt, null, messages);
    }

    public OutboundBatch(UUID id, Participant recipient, String messageType, int messageCount, int attempt,
                         Instant createdAt, Supplier<Stream<OutboundItem>> messages) {
        this.id = id;
        this.recipient = recipient;
        this.messageType = messageType;
        this.messageCount = messageCount;
        this.attempt = attempt;
        this.createdAt = createdAt;
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

    /**
     * When the batch was formed: the same on every attempt, so a channel can name a resent batch's
     * files as it named them the first time. Null when the caller did not say.
     */
    public Instant createdAt() {
        return createdAt;
    }

    /** The messages in batch order, streamed from the database; each call starts from the first. */
    public Stream<OutboundItem> messages() {
        return messages.get();
    }
}
