package nl.knooppunt.gateway.channel.soap;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * The hop to a creditor's SOAP service as a route of its own: every LeverBatch call goes through
 * {@code soap-deliver} to the creditor's {@code cxf:} endpoint, so route metrics, message history
 * and tracing show each call. Failures go back to the channel as they are; the channel classifies
 * them and the engine decides about retries.
 */
@Component
class SoapDeliveryRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from(SoapChannel.ROUTE).routeId("soap-deliver")
                .errorHandler(noErrorHandler())
                .toD("${exchangeProperty." + SoapChannel.ENDPOINT + "}");
    }
}
