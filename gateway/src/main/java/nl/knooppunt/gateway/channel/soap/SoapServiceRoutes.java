package nl.knooppunt.gateway.channel.soap;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/** The SOAP service: one entry route, one small route per operation. */
@Component
@ConditionalOnWebApplication
class SoapServiceRoutes extends RouteBuilder {

    private final SoapOperations operations;

    SoapServiceRoutes(SoapOperations operations) {
        this.operations = operations;
    }

    @Override
    public void configure() {
        // A refusal travels back to CXF as a fault, which FaultDetailInterceptor logs once with its
        // code; Camel's error handler would log it again, at ERROR and with a stack trace.
        errorHandler(noErrorHandler());

        from("cxf:bean:knooppuntSoapService").routeId("soap-service")
                .toD("direct:soap-${header.operationName}");

        from("direct:soap-VerstuurBericht").routeId("soap-VerstuurBericht")
                .bean(operations, "verstuurBericht");
        from("direct:soap-VerstuurBerichten").routeId("soap-VerstuurBerichten")
                .bean(operations, "verstuurBerichten");
        from("direct:soap-HaalBerichtenOp").routeId("soap-HaalBerichtenOp")
                .bean(operations, "haalBerichtenOp");
        from("direct:soap-BevestigBerichten").routeId("soap-BevestigBerichten")
                .bean(operations, "bevestigBerichten");
    }
}
