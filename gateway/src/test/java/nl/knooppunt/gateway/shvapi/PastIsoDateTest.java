package nl.knooppunt.gateway.shvapi;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** "In the past" is judged by the validator's clock (the gateway's clock in its zone), not the machine's. */
class PastIsoDateTest {

    record Born(@PastIsoDate String birthDate) {}

    @Test
    void todayIsTheGatewaysTodayInItsZone() {
        // 22:30 UTC on 15 June 2000 is already 16 June in Amsterdam.
        Clock utc = Clock.fixed(Instant.parse("2000-06-15T22:30:00Z"), ZoneOffset.UTC);
        Validator validator = Validation.byDefaultProvider().configure()
                .clockProvider(() -> utc.withZone(ZoneId.of("Europe/Amsterdam")))
                .buildValidatorFactory().getValidator();

        assertThat(validator.validate(new Born("2000-06-15"))).isEmpty();
        assertThat(validator.validate(new Born("2000-06-16"))).hasSize(1);
        assertThat(validator.validate(new Born("2001-01-01"))).hasSize(1);
        assertThat(validator.validate(new Born("1899-12-31"))).hasSize(1);
    }
}
