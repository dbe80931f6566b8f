package nl.knooppunt.gateway.time;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.validation.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One clock for the whole gateway, so that time-dependent rules can be tested with a fixed one. */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Bean Validation's notion of "now" (@Past and our own date checks): the same clock, in the gateway's zone. */
    @Bean
    ValidationConfigurationCustomizer validationClock(Clock clock, TimeProperties time) {
        return configuration -> configuration.clockProvider(() -> clock.withZone(time.zone()));
    }
}
