package nl.knooppunt.gateway.channel.webhook;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.ToDynamicDefinition;
import org.springframework.stereotype.Component;

/**
 * The hop to an SHV's webhook receiver as a route of its own ({@code webhook-deliver}), so route
 * metrics, message history and tracing show each POST. Failures go back to the channel as they are.
 */
@Component
class WebhookDeliveryRoutes extends RouteBuilder {

    @Override
    public void configure() {
        RouteDefinition route = from(WebhookChannel.ROUTE).routeId("webhook-deliver").errorHandler(noErrorHandler());
        // Not optimised into one endpoint per host: each SHV has its own client and TLS.
        ToDynamicDefinition call = new ToDynamicDefinition("${exchangeProperty." + WebhookChannel.ENDPOINT + "}");
        call.setAllowOptimisedComponents("false");
        route.addOutput(call);
    }
}
