package nl.knooppunt.gateway.outbound;

import nl.knooppunt.gateway.registry.ChannelType;

/**
 * One way of getting a batch to a creditor. The engine neither knows nor cares how: it hands the
 * channel a batch and records what the channel reports — a result per message, or a failure of
 * the whole batch.
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
