package nl.knooppunt.gateway.channel.rest;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.ToDynamicDefinition;
import org.springframework.stereotype.Component;

/**
 * The hop to a creditor's REST service as a route of its own: every batch goes through
 * {@code rest-deliver} to the creditor's {@code https:} endpoint, so route metrics, message history and
 * tracing show each call; the answer is read in the route, while its stream is open. Failures go back
 * to the channel as they are; the engine decides about retries.
 */
@Component
class RestDeliveryRoutes extends RouteBuilder {

    private final CreditorAnswerReader answers;

    RestDeliveryRoutes(CreditorAnswerReader answers) {
        this.answers = answers;
    }

    @Override
    public void configure() {
        RouteDefinition route = from(RestChannel.ROUTE).routeId("rest-deliver").errorHandler(noErrorHandler());
        // Not optimised into one endpoint per host: each creditor has its own client and TLS.
        ToDynamicDefinition call = new ToDynamicDefinition("${exchangeProperty." + RestChannel.ENDPOINT + "}");
        call.setAllowOptimisedComponents("false");
        route.addOutput(call);
        route.process(answers).id("rest-read-answer");
    }
}
