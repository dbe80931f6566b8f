package nl.knooppunt.gateway.outbound;

import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Every {@link DeliveryListener} bean, told about each fact in turn. */
@Component
class DeliveryListeners {

    private final ObjectProvider<DeliveryListener> provider;
    private volatile List<DeliveryListener> listeners;

    DeliveryListeners(ObjectProvider<DeliveryListener> provider) {
        this.provider = provider;
    }

    void publish(DeliveryEvent event) {
        for (DeliveryListener listener : listeners()) {
            switch (event.status()) {
                case DELIVERED, IN_MAILBOX -> listener.delivered(event);
                case DEAD -> listener.deadLettered(event);
                case EXPIRED -> listener.expired(event);
                case FETCHED -> listener.fetched(event);
                case CONFIRMED -> listener.confirmed(event);
                default -> throw new IllegalArgumentException("No delivery event for status " + event.status());
            }
        }
    }

    static boolean isReported(OutboundStatus status) {
        return switch (status) {
            case DELIVERED, IN_MAILBOX, DEAD, EXPIRED, FETCHED, CONFIRMED -> true;
            default -> false;
        };
    }

    // Resolved on first use: a listener may itself depend on beans that depend on the engine.
    private List<DeliveryListener> listeners() {
        List<DeliveryListener> resolved = listeners;
        if (resolved == null) {
            resolved = provider.orderedStream().toList();
            listeners = resolved;
        }
        return resolved;
    }
}
