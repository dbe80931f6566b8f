package nl.knooppunt.gateway.outbound;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The engine's fixed routes. Every instance ticks; the database decides who sends what.
 *
 * <ul>
 *   <li>{@code outbound-tick}: finds recipients with work and hands each to a delivery thread;
 *   <li>{@code outbound-creditor}: the bounded pool of delivery threads (the bulkhead): a slow or
 *       dead recipient holds at most one of them, the others keep serving everyone else;
 *   <li>{@code outbound-expiry}: expires mailbox messages not fetched and confirmed in time;
 *   <li>the template {@value #DELIVER_TEMPLATE}, from which each recipient gets its route {@code deliver-<OIN>}.
 * </ul>
 */
@Component
@ConditionalOnProperty(name = "knooppunt.outbound.enabled", havingValue = "true", matchIfMissing = true)
class OutboundRoutes extends RouteBuilder {

    /** The route template of one recipient's delivery route; see {@link CreditorRoutes}. */
    static final String DELIVER_TEMPLATE = "deliver";
    static final String RECIPIENT = "recipientOin";
    static final String BREAKER = "breaker";

    private final OutboundProperties properties;
    private final OutboundDispatcher dispatcher;
    private final MailboxExpiry expiry;
    private final BatchSender sender;

    OutboundRoutes(OutboundProperties properties, OutboundDispatcher dispatcher, MailboxExpiry expiry,
                   BatchSender sender) {
        this.properties = properties;
        this.sender = sender;
        this.dispatcher = dispatcher;
        this.expiry = expiry;
    }

    @Override
    public void configure() {
        // One delivery route per recipient: its due batches, sent inside its own circuit breaker.
        routeTemplate(DELIVER_TEMPLATE)
                .templateParameter(RECIPIENT)
                .templateParameter(BREAKER)
                .from("direct:deliver-{{" + RECIPIENT + "}}")
                .circuitBreaker()
                    .resilience4jConfiguration()
                        .circuitBreaker("{{" + BREAKER + "}}")
                        .throwExceptionWhenHalfOpenOrOpenState(true)
                    .end()
                    .bean(sender, "sendDueBatches(${header.recipientOin})")
                .end();

        from("timer:outbound-tick?period=" + properties.tick().toMillis()).routeId("outbound-tick")
                .bean(dispatcher, "recipientsToServe")
                .split(body())
                    .to("seda:outbound-creditor?waitForTaskToComplete=Never")
                .end();

        from("seda:outbound-creditor?concurrentConsumers=" + properties.deliveryThreads()
                + "&size=" + Math.max(1000, properties.deliveryThreads() * 10))
                .routeId("outbound-creditor")
                .setHeader("recipientOin", body())
                .doTry()
                    .toD("direct:deliver-${header.recipientOin}")
                .doCatch(CallNotPermittedException.class)
                    .log(org.apache.camel.LoggingLevel.DEBUG, "Recipient ${header.recipientOin}: circuit open, skipped")
                .doCatch(DeliveryFailure.class)
                    .log(org.apache.camel.LoggingLevel.DEBUG, "Recipient ${header.recipientOin}: ${exception.message}")
                .doCatch(Exception.class)
                    .log(org.apache.camel.LoggingLevel.WARN, "Recipient ${header.recipientOin}: delivery turn failed: ${exception}")
                .doFinally()
                    .bean(dispatcher, "done(${header.recipientOin})")
                .end();

        from("timer:outbound-expiry?period=60000").routeId("outbound-expiry")
                .bean(expiry, "expireOverdue");
    }
}
