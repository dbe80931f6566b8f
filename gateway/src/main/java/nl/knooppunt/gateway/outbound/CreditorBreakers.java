package nl.knooppunt.gateway.outbound;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.springframework.stereotype.Component;

/**
 * One circuit breaker per creditor: a creditor that keeps failing is left alone for a while
 * instead of being called (and waited for) on every tick, and its state is visible per creditor.
 */
@Component
public class CreditorBreakers {

    private final CircuitBreakerRegistry registry;

    CreditorBreakers(OutboundProperties properties) {
        OutboundProperties.Breaker b = properties.breaker();
        this.registry = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(b.slidingWindowSize())
                .minimumNumberOfCalls(b.minimumNumberOfCalls())
                .failureRateThreshold(b.failureRateThreshold())
                .waitDurationInOpenState(b.waitInOpenState())
                .permittedNumberOfCallsInHalfOpenState(1)
                .build());
    }

    public CircuitBreaker forCreditor(String oin) {
        return registry.circuitBreaker("creditor-" + oin);
    }

    /** The name under which the creditor's breaker is bound in the Camel registry. */
    static String beanName(String oin) {
        return "breaker-" + oin;
    }
}
