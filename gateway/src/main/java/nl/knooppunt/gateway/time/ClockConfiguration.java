package nl.knooppunt.gateway.time;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
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
        Clock inZone = new ZonedClock(clock, time.zone());
        return configuration -> configuration.clockProvider(() -> inZone);
    }

    /** The gateway's clock seen in a zone, without asking the clock itself to change zone (test clocks may not). */
    private static final class ZonedClock extends Clock {

        private final Clock clock;
        private final ZoneId zone;

        ZonedClock(Clock clock, ZoneId zone) {
            this.clock = clock;
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return new ZonedClock(clock, other);
        }

        @Override
        public Instant instant() {
            return clock.instant();
        }
    }
}
