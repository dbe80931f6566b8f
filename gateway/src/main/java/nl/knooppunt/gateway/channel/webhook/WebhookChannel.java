package nl.knooppunt.gateway.channel.webhook;

import java.time.Clock;
import java.util.Iterator;
import java.util.stream.Stream;
import nl.knooppunt.gateway.outbound.BatchResult;
import nl.knooppunt.gateway.outbound.DeliveryFailure;
import nl.knooppunt.gateway.outbound.FailureClassifier;
import nl.knooppunt.gateway.outbound.OutboundBatch;
import nl.knooppunt.gateway.outbound.OutboundChannel;
import nl.knooppunt.gateway.outbound.OutboundItem;
import nl.knooppunt.gateway.registry.ChannelType;
import nl.knooppunt.gateway.registry.CreditorChannel;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;

/**
 * Delivers an SHV's notifications to its webhook receiver (ADR 0016): one {@code POST} per
 * notification, its JSON document as the body, signed ({@link WebhookSignature}), through the route
 * {@code webhook-deliver}. The messages of a batch go in batch order (the order they were created in)
 * and the first that fails fails the batch: the engine retries the whole batch later, so nothing after
 * a failing notification reaches the receiver before it. A notification sent before the failure is
 * sent again then, under the same {@code Knooppunt-Delivery-Id}; the receiver drops what it has.
 *
 * <p>Every answer other than 2xx is a recoverable failure (the receiver's {@code Retry-After} honoured),
 * also a 4xx: a receiver that refuses a correct notification (a wrong secret, a bug) must be fixed,
 * and the notification must not be skipped meanwhile.
 */
@Component
class WebhookChannel implements OutboundChannel {

    static final String ROUTE = "direct:webhook-deliver";
    static final String ENDPOINT = "knooppuntWebhookEndpoint";
    static final String DELIVERY_ID = "Knooppunt-Delivery-Id";
    static final String TIMESTAMP = "Knooppunt-Timestamp";
    static final String SIGNATURE = "Knooppunt-Signature";

    private final WebhookEndpoints endpoints;
    private final ProducerTemplate producer;
    private final Clock clock;

    WebhookChannel(WebhookEndpoints endpoints, ProducerTemplate producer, Clock clock) {
        this.endpoints = endpoints;
        this.producer = producer;
        this.clock = clock;
    }

    @Override
    public ChannelType type() {
        return ChannelType.WEBHOOK;
    }

    @Override
    public void validate(CreditorChannel channel) {
        WebhookSettings.of(channel);
    }

    @Override
    public BatchResult send(OutboundBatch batch) throws DeliveryFailure {
        WebhookSettings settings = WebhookSettings.of(batch.recipient().channel().orElseThrow());
        String endpoint = endpoints.uriFor(batch.recipient(), settings);
        try (Stream<OutboundItem> items = batch.messages()) {
            Iterator<OutboundItem> it = items.iterator();
            while (it.hasNext()) {
                post(endpoint, settings, it.next());
            }
        }
        return BatchResult.allAccepted();
    }

    private void post(String endpoint, WebhookSettings settings, OutboundItem item) throws DeliveryFailure {
        byte[] body = item.payload();
        long timestamp = clock.instant().getEpochSecond();
        Exchange exchange = producer.send(ROUTE, e -> {
            e.setProperty(ENDPOINT, endpoint);
            e.getIn().setHeader(Exchange.HTTP_METHOD, "POST");
            e.getIn().setHeader(Exchange.CONTENT_TYPE, "application/json");
            e.getIn().setHeader(DELIVERY_ID, item.reference().toString());
            e.getIn().setHeader(TIMESTAMP, Long.toString(timestamp));
            e.getIn().setHeader(SIGNATURE, WebhookSignature.sign(settings.secret(), timestamp, body));
            e.getIn().setBody(body);
        });
        if (exchange.getException() != null) {
            throw FailureClassifier.classify("Webhook POST of notification " + item.reference(),
                    exchange.getException());
        }
        Integer status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        if (status == null) {
            throw DeliveryFailure.recoverable("The webhook receiver gave no HTTP status", null);
        }
        if (status < 200 || status > 299) {
            String what = "HTTP " + status + " for notification " + item.reference();
            String retryAfter = exchange.getMessage().getHeader("Retry-After", String.class);
            throw FailureClassifier.retryAfter(retryAfter, clock.instant())
                    .map(wait -> DeliveryFailure.recoverable(what + " (retry after " + wait.toSeconds() + " s)", null, wait))
                    .orElseGet(() -> DeliveryFailure.recoverable(what, null));
        }
    }
}
