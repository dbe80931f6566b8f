package nl.knooppunt.gateway.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkingDayCalendarTest {

    final WorkingDayCalendar calendar = new WorkingDayCalendar(ZoneId.of("Europe/Amsterdam"));

    @ParameterizedTest(name = "{0} is a Dutch public holiday")
    @CsvSource({
            "2027-01-01, New Year",
            "2027-03-29, Easter Monday",
            "2027-04-27, King's Day",
            "2025-04-26, King's Day moved to Saturday when the 27th is a Sunday",
            "2027-05-05, Liberation Day",
            "2027-05-06, Ascension Day",
            "2027-05-17, Whit Monday",
            "2026-12-25, Christmas",
            "2026-12-26, Boxing Day"})
    void publicHolidaysAreNoWorkingDays(LocalDate day, String name) {
        assertThat(calendar.isWorkingDay(day)).as(name).isFalse();
    }

    @ParameterizedTest(name = "{0} is a working day")
    @CsvSource({
            "2027-03-26, Good Friday is an observance only",
            "2026-12-31, New Year's Eve",
            "2027-04-26, the day before King's Day",
            "2026-11-23, an ordinary Monday"})
    void otherWeekdaysAreWorkingDays(LocalDate day, String why) {
        assertThat(calendar.isWorkingDay(day)).as(why).isTrue();
    }

    @ParameterizedTest(name = "5 working days after {0} is {1}")
    @CsvSource({
            "2026-11-23, 2026-11-30",  // Monday -> next Monday
            "2026-11-27, 2026-12-04",  // Friday -> next Friday
            "2026-11-28, 2026-12-04",  // Saturday counts from Monday
            "2026-12-24, 2027-01-04",  // over Christmas and New Year
            "2027-04-23, 2027-05-03",  // over King's Day (Tue 27 April)
            "2027-05-03, 2027-05-12",  // over Liberation Day and Ascension (5, 6 May)
            "2027-05-13, 2027-05-21"}) // over Whit Monday (17 May)
    void fiveWorkingDaysSkipWeekendsAndHolidays(LocalDate from, LocalDate expected) {
        assertThat(calendar.workingDaysAfter(from, 5)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "delivered {0} expires {1}")
    @CsvSource({
            // Winter time: the 5th working day ends at midnight Amsterdam = 23:00 UTC.
            "2026-11-23T09:00:00Z, 2026-11-30T23:00:00Z",
            // Just before midnight Amsterdam on Sunday is still Sunday: counting starts Monday.
            "2026-11-29T22:59:00Z, 2026-12-04T23:00:00Z",
            // Summer time: midnight Amsterdam = 22:00 UTC.
            "2027-06-07T08:00:00Z, 2027-06-14T22:00:00Z"})
    void deadlineIsTheEndOfTheFifthWorkingDayInDutchTime(Instant deliveredAt, Instant expected) {
        assertThat(calendar.endOfWorkingDaysAfter(deliveredAt, 5)).isEqualTo(expected);
    }
}
