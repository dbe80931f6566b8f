package nl.knooppunt.gateway.outbound;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One circuit breaker per recipient, all in one {@link CircuitBreakerRegistry} bean: the delivery
 * routes use them, Micrometer publishes their state and rates ({@code resilience4j.circuitbreaker.*},
 * tagged with the breaker's name), and a console can list them. A recipient that keeps failing is
 * left alone for a while instead of being called (and waited for) on every tick.
 */
@Configuration(proxyBeanMethods = false)
class DeliveryBreakers {

    /** The name of a recipient's breaker: the same as its delivery route's id. */
    static String nameFor(String oin) {
        return CreditorRoutes.routeId(oin);
    }

    @Bean
    CircuitBreakerRegistry deliveryCircuitBreakers(OutboundProperties properties) {
        OutboundProperties.Breaker b = properties.breaker();
        return CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(b.slidingWindowSize())
                .minimumNumberOfCalls(b.minimumNumberOfCalls())
                .failureRateThreshold(b.failureRateThreshold())
                .waitDurationInOpenState(b.waitInOpenState())
                .permittedNumberOfCallsInHalfOpenState(1)
                .build());
    }

    /** A MeterBinder: Spring Boot binds it to the application's meter registry. */
    @Bean
    TaggedCircuitBreakerMetrics deliveryCircuitBreakerMetrics(CircuitBreakerRegistry deliveryCircuitBreakers) {
        return TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(deliveryCircuitBreakers);
    }
}
