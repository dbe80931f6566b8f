package nl.knooppunt.gateway.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import nl.knooppunt.gateway.registry.ChannelType;
import nl.knooppunt.gateway.registry.CreditorChannel;
import nl.knooppunt.gateway.registry.InvalidChannelException;
import org.junit.jupiter.api.Test;

class DueTimeTest {

    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    static CreditorChannel channel(String cron, Duration maxWait) {
        return new CreditorChannel(ChannelType.MAILBOX, null, cron, 100, maxWait, Map.of());
    }

    @Test
    void dailyScheduleWinsWhenItComesBeforeTheMaximumWait() {
        // Monday 10:00 Amsterdam; weekdays 06:00 -> Tuesday 06:00 Amsterdam (05:00 UTC).
        Instant due = DueTime.of(channel("0 0 6 ? * MON-FRI", Duration.ofHours(48)),
                Instant.parse("2026-11-23T09:00:00Z"), AMSTERDAM);
        assertThat(due).isEqualTo(Instant.parse("2026-11-24T05:00:00Z"));
    }

    @Test
    void weekdayScheduleSkipsTheWeekend() {
        Instant due = DueTime.of(channel("0 0 6 ? * MON-FRI", Duration.ofDays(7)),
                Instant.parse("2026-11-27T09:00:00Z"), AMSTERDAM);
        assertThat(due).isEqualTo(Instant.parse("2026-11-30T05:00:00Z"));
    }

    @Test
    void maximumWaitWinsWhenTheScheduleIsLater() {
        Instant due = DueTime.of(channel("0 0 6 ? * MON-FRI", Duration.ofHours(1)),
                Instant.parse("2026-11-23T09:00:00Z"), AMSTERDAM);
        assertThat(due).isEqualTo(Instant.parse("2026-11-23T10:00:00Z"));
    }

    @Test
    void nearRealTimeScheduleEveryFiveMinutes() {
        Instant due = DueTime.of(channel("0 0/5 * * * ?", Duration.ofHours(1)),
                Instant.parse("2026-11-23T09:02:30Z"), AMSTERDAM);
        assertThat(due).isEqualTo(Instant.parse("2026-11-23T09:05:00Z"));
    }

    @Test
    void scheduleIsInDutchTimeAcrossTheSwitchToSummerTime() {
        // Sunday 28 March 2027 is the switch; Monday 06:00 CEST is 04:00 UTC.
        Instant due = DueTime.of(channel("0 0 6 ? * MON-FRI", Duration.ofDays(7)),
                Instant.parse("2027-03-27T12:00:00Z"), AMSTERDAM);
        assertThat(due).isEqualTo(Instant.parse("2027-03-29T04:00:00Z"));
    }

    @Test
    void aChannelWithAnInvalidScheduleCannotExist() {
        assertThat(channel("0 0 6 ? * MON-FRI", Duration.ofDays(1)).schedule()).isNotNull();
        for (String invalid : new String[] {"every morning", "0 0 25 * * ?", "0 6 * * *"}) {
            assertThatThrownBy(() -> channel(invalid, Duration.ofDays(1)))
                    .isInstanceOfSatisfying(InvalidChannelException.class,
                            e -> assertThat(e.field()).isEqualTo("channel.schedule"));
        }
    }
}
