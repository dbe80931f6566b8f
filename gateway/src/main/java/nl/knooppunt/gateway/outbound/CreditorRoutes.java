package nl.knooppunt.gateway.outbound;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.springframework.stereotype.Component;

/**
 * One small delivery route per recipient, {@code deliver-<OIN>}, made from the route template
 * {@value OutboundRoutes#DELIVER_TEMPLATE} the first time the recipient has work: it sends the
 * recipient's due batches inside the recipient's own circuit breaker, so its health and throughput
 * show per recipient in the route metrics.
 */
@Component
public class CreditorRoutes {

    private final CamelContext camel;
    private final CircuitBreakerRegistry breakers;
    private final Set<String> created = ConcurrentHashMap.newKeySet();

    CreditorRoutes(CamelContext camel, CircuitBreakerRegistry breakers) {
        this.camel = camel;
        this.breakers = breakers;
    }

    public static String routeId(String oin) {
        return "deliver-" + oin;
    }

    public static String deliveryEndpoint(String oin) {
        return "direct:" + routeId(oin);
    }

    /** @return false when the gateway is shutting down and no route can be added */
    public synchronized boolean ensureDeliveryRoute(String oin) throws Exception {
        if (created.contains(oin)) {
            return true;
        }
        if (camel.isStopping() || camel.isStopped()) {
            return false;
        }
        String breaker = DeliveryBreakers.nameFor(oin);
        // The route looks its breaker up by name in Camel's registry; the breaker itself lives in the one registry bean.
        camel.getRegistry().bind(breaker, CircuitBreaker.class, breakers.circuitBreaker(breaker));
        TemplatedRouteBuilder.builder(camel, OutboundRoutes.DELIVER_TEMPLATE)
                .routeId(routeId(oin))
                .parameter(OutboundRoutes.RECIPIENT, oin)
                .parameter(OutboundRoutes.BREAKER, breaker)
                .add();
        created.add(oin);
        return true;
    }
}
