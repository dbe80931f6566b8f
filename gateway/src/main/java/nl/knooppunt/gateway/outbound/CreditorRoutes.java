package nl.knooppunt.gateway.outbound;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * One small delivery route per creditor, {@code deliver-<OIN>}, created the first time the creditor
 * has work: it sends the creditor's due batches inside that creditor's own circuit breaker, so its
 * health and throughput show per creditor in the route metrics.
 */
@Component
public class CreditorRoutes {

    private final CamelContext camel;
    private final CreditorBreakers breakers;
    private final BatchSender sender;
    private final Set<String> created = ConcurrentHashMap.newKeySet();

    CreditorRoutes(CamelContext camel, CreditorBreakers breakers, BatchSender sender) {
        this.camel = camel;
        this.breakers = breakers;
        this.sender = sender;
    }

    public static String deliveryEndpoint(String oin) {
        return "direct:deliver-" + oin;
    }

    /** @return false when the gateway is shutting down and no route can be added */
    public synchronized boolean ensureDeliveryRoute(String oin) throws Exception {
        if (created.contains(oin)) {
            return true;
        }
        if (camel.isStopping() || camel.isStopped()) {
            return false;
        }
        camel.getRegistry().bind(CreditorBreakers.beanName(oin), breakers.forCreditor(oin));
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(deliveryEndpoint(oin)).routeId("deliver-" + oin)
                        .circuitBreaker()
                            .resilience4jConfiguration()
                                .circuitBreaker(CreditorBreakers.beanName(oin))
                                .throwExceptionWhenHalfOpenOrOpenState(true)
                            .end()
                            .bean(sender, "sendDueBatches(${header.recipientOin})")
                        .end();
            }
        });
        created.add(oin);
        return true;
    }
}
