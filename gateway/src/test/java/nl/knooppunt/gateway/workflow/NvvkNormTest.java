package nl.knooppunt.gateway.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The NVVK 120-day norm: calendar days from submission to agreement, with a simple projection. */
class NvvkNormTest {

    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    /** Submitted Monday 14 December 2026, 10:00 in Amsterdam. */
    static final Instant SUBMITTED = Instant.parse("2026-12-14T09:00:00Z");

    static Instant dutchNoon(LocalDate day) {
        return day.atTime(12, 0).atZone(AMSTERDAM).toInstant();
    }

    @Test
    void countsCalendarDaysHolidaysIncludedFromTheDayOfSubmission() {
        NvvkNorm.Result norm = NvvkNorm.of(SUBMITTED, null, null, dutchNoon(LocalDate.of(2027, 1, 4)), AMSTERDAM);
        assertThat(norm.startedOn()).isEqualTo(LocalDate.of(2026, 12, 14));
        // 14 December to 4 January: 21 days, Christmas and New Year's Day count like any other day.
        assertThat(norm.daysUsed()).isEqualTo(21);
        assertThat(norm.dueOn()).isEqualTo(LocalDate.of(2027, 4, 13));
        assertThat(norm.breached()).isFalse();
        assertThat(norm.atRisk()).isFalse();
        assertThat(norm.stopped()).isFalse();
    }

    @Test
    void breachedOnlyWhenMoreThan120DaysAreUsed() {
        LocalDate day120 = LocalDate.of(2026, 12, 14).plusDays(120);
        assertThat(NvvkNorm.of(SUBMITTED, null, null, dutchNoon(day120), AMSTERDAM))
                .satisfies(n -> {
                    assertThat(n.daysUsed()).isEqualTo(120);
                    assertThat(n.breached()).isFalse();
                });
        assertThat(NvvkNorm.of(SUBMITTED, null, null, dutchNoon(day120.plusDays(1)), AMSTERDAM))
                .satisfies(n -> {
                    assertThat(n.daysUsed()).isEqualTo(121);
                    assertThat(n.breached()).isTrue();
                    assertThat(n.atRisk()).isFalse();
                });
    }

    @Test
    void theDayCountsInDutchTime() {
        // 23:30 UTC on 13 December is 14 December in Amsterdam: day 0.
        NvvkNorm.Result norm = NvvkNorm.of(Instant.parse("2026-12-13T23:30:00Z"), null, null, SUBMITTED, AMSTERDAM);
        assertThat(norm.startedOn()).isEqualTo(LocalDate.of(2026, 12, 14));
        assertThat(norm.daysUsed()).isZero();
    }

    @Test
    void countingStopsAtAgreement() {
        Instant agreed = dutchNoon(LocalDate.of(2027, 3, 1));
        NvvkNorm.Result norm = NvvkNorm.of(SUBMITTED, agreed, LocalDate.of(2027, 9, 1),
                dutchNoon(LocalDate.of(2027, 12, 1)), AMSTERDAM);
        assertThat(norm.daysUsed()).isEqualTo(77);
        assertThat(norm.projectedDays()).isEqualTo(77);
        assertThat(norm.stopped()).isTrue();
        assertThat(norm.breached()).isFalse();
    }

    @Test
    void projectedIsTheDaysUntilTheLatestOpenAnswerTermWhenThatIsLater() {
        Instant now = dutchNoon(LocalDate.of(2027, 4, 1)); // day 108
        NvvkNorm.Result withinTerm = NvvkNorm.of(SUBMITTED, null, LocalDate.of(2027, 4, 9), now, AMSTERDAM);
        assertThat(withinTerm.daysUsed()).isEqualTo(108);
        assertThat(withinTerm.projectedDays()).isEqualTo(116);
        assertThat(withinTerm.atRisk()).isFalse();

        // The latest term ends after Easter Monday and King's Day, past day 120: at risk, not breached.
        NvvkNorm.Result atRisk = NvvkNorm.of(SUBMITTED, null, LocalDate.of(2027, 4, 28), now, AMSTERDAM);
        assertThat(atRisk.projectedDays()).isEqualTo(135);
        assertThat(atRisk.atRisk()).isTrue();
        assertThat(atRisk.breached()).isFalse();

        // A term that ended already does not lower the projection below the days used.
        assertThat(NvvkNorm.of(SUBMITTED, null, LocalDate.of(2027, 1, 4), now, AMSTERDAM).projectedDays())
                .isEqualTo(108);
    }
}
