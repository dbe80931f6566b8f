package nl.knooppunt.gateway.outbound;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import nl.knooppunt.gateway.registry.CreditorChannel;

/**
 * When a message must leave at the latest: at the creditor's next scheduled run, or when it has
 * waited the creditor's maximum wait, whichever comes first. Computing this once, when the
 * message enters the outbox, keeps scheduling free of per-instance timers: every instance sees the
 * same due time in the database.
 */
public final class DueTime {

    private DueTime() {}

    public static Instant of(CreditorChannel channel, Instant enqueuedAt, ZoneId zone) {
        Instant byMaxWait = enqueuedAt.plus(channel.maxWait());
        ZonedDateTime next = channel.schedule().next(enqueuedAt.atZone(zone));
        if (next == null) {
            return byMaxWait;
        }
        Instant bySchedule = next.toInstant();
        return bySchedule.isBefore(byMaxWait) ? bySchedule : byMaxWait;
    }
}
