package nl.knooppunt.gateway.outbound;

import nl.knooppunt.gateway.registry.ChannelType;
import nl.knooppunt.gateway.registry.CreditorChannel;
import nl.knooppunt.gateway.registry.InvalidChannelException;

/**
 * One way of getting a batch to a participant. The engine neither knows nor cares how: it hands the
 * channel a batch and records what the channel reports — a result per message, or a failure of
 * the whole batch (with, if the recipient said so, how long to wait before the next attempt).
 * A channel is a Spring bean; the first bean in Spring order per {@link ChannelType} is used.
 */
public interface OutboundChannel {

    /** What "accepted" means for this channel. */
    enum Delivery {
        /** The creditor's system received and accepted the message. */
        PUSH,
        /** The message waits in the creditor's mailbox at the gateway, to be fetched and confirmed. */
        MAILBOX
    }

    ChannelType type();

    /**
     * Checks a participant's channel settings for this channel, once for every registered
     * participant when the gateway starts: a setting that cannot work stops the start, instead of
     * failing the first send. The registry has already checked what all channels share (schedule,
     * batch size, maximum wait, endpoint scheme and host).
     *
     * @throws InvalidChannelException naming the field (e.g. {@code channel.settings.certificate})
     */
    default void validate(CreditorChannel channel) {}

    default Delivery delivery() {
        return Delivery.PUSH;
    }

    /** Whether every batch may hold only one message type (e.g. CSV files have one layout per type). */
    default boolean batchesPerMessageType() {
        return false;
    }

    /**
     * Sends the batch. Must stream {@link OutboundBatch#messages()} rather than collect it: a batch
     * can hold 100,000 messages.
     *
     * @return the creditor's answer per message: every message not rejected counts as accepted
     * @throws DeliveryFailure when the batch as a whole did not get through
     */
    BatchResult send(OutboundBatch batch) throws DeliveryFailure;
}
