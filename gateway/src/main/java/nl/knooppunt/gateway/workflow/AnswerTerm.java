package nl.knooppunt.gateway.workflow;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import nl.knooppunt.gateway.time.WorkingDayCalendar;

/**
 * The answer term of one Saldoverzoek, from the moment it reached the creditor. The reaching day
 * itself does not count; the term ends at the end of the n-th Dutch working day after it (midnight,
 * in the gateway's zone). Example with 10 working days and a reminder 2 before: reached on Monday
 * 14 December 2026, the working days are 15–18, 21–24, 28 and 29 December (Christmas Day, Friday
 * the 25th, is a holiday), so the term ends at the end of Tuesday 29 December, and the reminder goes
 * out when the 8th working day (Thursday 24 December) has ended.
 *
 * @param dueOn the last working day of the term
 * @param dueAt the end of that day: from then on, the answer is late
 * @param remindAt when the reminder is due; null for no reminder
 */
record AnswerTerm(Instant reachedAt, LocalDate dueOn, Instant dueAt, Instant remindAt) {

    static AnswerTerm of(Instant reachedAt, int workingDays, int reminderWorkingDaysBefore, WorkingDayCalendar calendar,
                         ZoneId zone) {
        LocalDate reachedOn = reachedAt.atZone(zone).toLocalDate();
        LocalDate dueOn = calendar.workingDaysAfter(reachedOn, workingDays);
        Instant dueAt = endOf(dueOn, zone);
        Instant remindAt = reminderWorkingDaysBefore <= 0 || reminderWorkingDaysBefore >= workingDays
                ? null
                : endOf(calendar.workingDaysAfter(reachedOn, workingDays - reminderWorkingDaysBefore), zone);
        return new AnswerTerm(reachedAt, dueOn, dueAt, remindAt);
    }

    /** The first thing to do: the reminder, or the escalation when there is no reminder. */
    Instant firstAction() {
        return remindAt == null ? dueAt : remindAt;
    }

    private static Instant endOf(LocalDate day, ZoneId zone) {
        return day.plusDays(1).atStartOfDay(zone).toInstant();
    }
}
