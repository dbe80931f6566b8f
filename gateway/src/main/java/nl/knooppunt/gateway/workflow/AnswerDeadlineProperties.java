package nl.knooppunt.gateway.workflow;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long a creditor has to answer a Saldoverzoek, and when it is reminded; see docs/workflow.md,
 * "Deadlines and the 120-day norm". The term runs from the moment the Saldoverzoek reached the
 * creditor (delivered to its system, or first fetched from its mailbox) and ends at the end of the
 * n-th Dutch working day after that day, in the gateway's time zone ({@code knooppunt.time.zone}).
 *
 * @param answerTermWorkingDays working days a creditor has to answer a Saldoverzoek (process agreement
 *     2.3: at most 10 werkdagen); after that the claim becomes OVERDUE and the SHV may proceed without it
 * @param reminderWorkingDaysBefore the creditor is reminded (a Statusbericht SHV) when this many working
 *     days of its term remain; 0 sends no reminder. Must be less than the term
 * @param deadlineScanInterval how often each gateway instance looks for deadlines that are due (a
 *     due-time query on one indexed column; instances share the work)
 * @param deadlineScanPageSize deadlines handled per transaction by one scan
 */
@Validated
@ConfigurationProperties("knooppunt.workflow")
public record AnswerDeadlineProperties(
        @DefaultValue("10") @Min(1) @Max(60) int answerTermWorkingDays,
        @DefaultValue("2") @Min(0) @Max(59) int reminderWorkingDaysBefore,
        @DefaultValue("1m") @NotNull Duration deadlineScanInterval,
        @DefaultValue("200") @Min(1) @Max(10_000) int deadlineScanPageSize) {

    /** The reminder must fall inside the term. */
    @AssertTrue(message = "reminder-working-days-before must be less than answer-term-working-days")
    public boolean isReminderInsideTheTerm() {
        return reminderWorkingDaysBefore < answerTermWorkingDays;
    }
}
