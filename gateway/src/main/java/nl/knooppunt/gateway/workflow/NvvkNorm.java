package nl.knooppunt.gateway.workflow;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * The NVVK norm for the Module Schuldregeling: at most {@value #NORM_DAYS} calendar days from the
 * start (the dossier's submission) to an agreed settlement (domain reference §4.3). Counted in
 * calendar days, in the gateway's zone, from the day of submission (day 0) to the day the dossier
 * became AGREED, or the day it closed otherwise, or today.
 *
 * <p><b>Projected</b> is a simple lower bound, not a forecast: the days used, or — while a creditor
 * may still answer its Saldoverzoek — the days until the last day of the latest open answer term,
 * whichever is more. The proposal round that follows is not estimated. <b>Breached</b> when more
 * than 120 days are used; <b>at risk</b> when not breached but the projection exceeds 120 days.
 */
public final class NvvkNorm {

    /** The norm: 120 days (four months). */
    public static final int NORM_DAYS = 120;

    /**
     * @param startedOn the day the dossier was submitted
     * @param dueOn the day the norm ends ({@code startedOn} + 120 days)
     * @param daysUsed calendar days from {@code startedOn} to the end (agreement, closing) or today
     * @param projectedDays at least this many days will be used (see the class comment)
     * @param stopped whether counting stopped (agreed, or closed otherwise)
     */
    public record Result(LocalDate startedOn, LocalDate dueOn, long daysUsed, long projectedDays, boolean breached,
                         boolean atRisk, boolean stopped) {}

    private NvvkNorm() {}

    /**
     * @param submittedAt when the dossier was submitted
     * @param stoppedAt when it became AGREED, or closed otherwise; null while it runs
     * @param latestOpenAnswerDueOn the last day of the latest answer term still running; null if none
     * @param now the clock
     */
    public static Result of(Instant submittedAt, Instant stoppedAt, LocalDate latestOpenAnswerDueOn, Instant now,
                            ZoneId zone) {
        LocalDate startedOn = submittedAt.atZone(zone).toLocalDate();
        LocalDate end = (stoppedAt == null ? now : stoppedAt).atZone(zone).toLocalDate();
        long used = Math.max(0, ChronoUnit.DAYS.between(startedOn, end));
        long projected = used;
        if (stoppedAt == null && latestOpenAnswerDueOn != null) {
            projected = Math.max(used, ChronoUnit.DAYS.between(startedOn, latestOpenAnswerDueOn));
        }
        boolean breached = used > NORM_DAYS;
        return new Result(startedOn, startedOn.plusDays(NORM_DAYS), used, projected, breached,
                !breached && projected > NORM_DAYS, stoppedAt != null);
    }
}
