package nl.knooppunt.gateway.privacy;

import java.time.Instant;
import nl.knooppunt.gateway.support.MutableClock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The clock of the privacy tests, which move it to reach retention periods and due times. A class
 * of its own so that the tests importing it share one application context.
 */
@TestConfiguration(proxyBeanMethods = false)
class PrivacyTestClock {

    @Bean
    @Primary
    MutableClock mutableClock() {
        return new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));
    }
}
