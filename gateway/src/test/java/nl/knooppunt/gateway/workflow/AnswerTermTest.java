package nl.knooppunt.gateway.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import nl.knooppunt.gateway.time.WorkingDayCalendar;
import org.junit.jupiter.api.Test;

/** When an answer term ends and when its reminder is due, in Dutch working days and Dutch time. */
class AnswerTermTest {

    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    static final WorkingDayCalendar CALENDAR = new WorkingDayCalendar(AMSTERDAM);

    static AnswerTerm term(String reachedAt) {
        return AnswerTerm.of(Instant.parse(reachedAt), 10, 2, CALENDAR, AMSTERDAM);
    }

    @Test
    void tenWorkingDaysAfterTheReachingDayEndingAtMidnightDutchTime() {
        // Reached Monday 23 November 2026: 24-27, 30 November, 1-4 and 7 December.
        AnswerTerm term = term("2026-11-23T09:00:00Z");
        assertThat(term.dueOn()).isEqualTo(LocalDate.of(2026, 12, 7));
        assertThat(term.dueAt()).isEqualTo(Instant.parse("2026-12-07T23:00:00Z"));
        assertThat(term.remindAt()).isEqualTo(Instant.parse("2026-12-03T23:00:00Z"));
        assertThat(term.firstAction()).isEqualTo(term.remindAt());
    }

    @Test
    void christmasDoesNotCount() {
        // Reached Monday 14 December 2026: Friday 25 December (Christmas) is skipped.
        assertThat(term("2026-12-14T09:00:00Z").dueOn()).isEqualTo(LocalDate.of(2026, 12, 29));
        // Reached Thursday 17 December: Christmas and New Year's Day (Friday 1 January 2027) skipped.
        assertThat(term("2026-12-17T14:00:00Z").dueOn()).isEqualTo(LocalDate.of(2027, 1, 4));
    }

    @Test
    void kingsDayLiberationDayAndAscensionDoNotCountAndInSummerTheDayEndsAt22Utc() {
        // Reached Tuesday 20 April 2027: 21-23, 26, (King's Day, Tuesday 27 April) 28-30 April, 3, 4 May,
        // (Liberation Day 5 May and Ascension Day 6 May) 7 May.
        AnswerTerm term = term("2027-04-20T08:00:00Z");
        LocalDate expected = LocalDate.of(2027, 5, 7);
        assertThat(term.dueOn()).isEqualTo(expected);
        // Summer time: the end of the day in Amsterdam is 22:00 UTC.
        assertThat(term.dueAt()).isEqualTo(expected.plusDays(1).atStartOfDay(AMSTERDAM).toInstant());
        assertThat(term.dueAt().toString()).endsWith("T22:00:00Z");
    }

    @Test
    void reachedLateInTheEveningCountsFromThatDutchDay() {
        // 23:30 UTC on Sunday 22 November is already Monday 23 November in Amsterdam.
        assertThat(term("2026-11-22T23:30:00Z").dueOn()).isEqualTo(LocalDate.of(2026, 12, 7));
        // Reached on a Saturday: the term counts from the Monday after.
        assertThat(term("2026-11-21T12:00:00Z").dueOn()).isEqualTo(LocalDate.of(2026, 12, 4));
    }

    @Test
    void noReminderWhenConfiguredSo() {
        AnswerTerm term = AnswerTerm.of(Instant.parse("2026-11-23T09:00:00Z"), 10, 0, CALENDAR, AMSTERDAM);
        assertThat(term.remindAt()).isNull();
        assertThat(term.firstAction()).isEqualTo(term.dueAt());
    }
}
