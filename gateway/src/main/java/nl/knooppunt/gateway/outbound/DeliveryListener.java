package nl.knooppunt.gateway.outbound;

/**
 * Told what happened to outgoing messages, so that a feature (the workflow, SHV notifications) can
 * react without the engine knowing it. Every Spring bean implementing this is called, in
 * {@link org.springframework.core.annotation.Order order}, once per message, <b>inside the
 * transaction that records the fact</b>: what a listener writes commits or rolls back with it. A
 * listener that throws rolls the fact back too, and the engine tries again later (see
 * docs/delivery.md, "Delivery events"); so a listener must be quick, must not call out of the
 * process, and must tolerate being told the same fact again after such a retry.
 */
public interface DeliveryListener {

    /**
     * The message reached its recipient: its system accepted it ({@link OutboundStatus#DELIVERED})
     * or it was placed in its mailbox at the gateway ({@link OutboundStatus#IN_MAILBOX}).
     */
    default void delivered(DeliveryEvent event) {}

    /** The message became a dead letter: rejected, refused with its batch, or out of attempts. */
    default void deadLettered(DeliveryEvent event) {}

    /** A mailbox message was not fetched and confirmed in time. */
    default void expired(DeliveryEvent event) {}

    /** The recipient fetched a mailbox message for the first time. */
    default void fetched(DeliveryEvent event) {}

    /** The recipient confirmed a fetched mailbox message. */
    default void confirmed(DeliveryEvent event) {}
}
