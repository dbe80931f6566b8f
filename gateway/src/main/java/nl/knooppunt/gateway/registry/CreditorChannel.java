package nl.knooppunt.gateway.registry;

import java.time.Duration;
import java.util.Map;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.springframework.scheduling.support.CronExpression;

/**
 * How and when the gateway sends batches to one participant (a creditor; an SHV may have one for
 * its notifications). Checked when it is made: a channel that exists can be used, so a bad one
 * stops the start of the gateway (see {@link InvalidChannelException}), never an intake later.
 *
 * @param type the channel
 * @param endpoint URL or SFTP location; none for a mailbox creditor
 * @param scheduleCron cron expression (six fields, Spring/Quartz style) on which batches go out
 * @param maxBatchSize at most this many messages in one batch
 * @param maxWait a message waits at most this long for its batch, even if the schedule is later
 * @param settings channel-specific settings (security profile, remote directory, ...)
 */
public record CreditorChannel(
        ChannelType type,
        String endpoint,
        String scheduleCron,
        int maxBatchSize,
        Duration maxWait,
        Map<String, String> settings) {

    public CreditorChannel {
        if (type == null) {
            throw new InvalidChannelException("channel.type", "is missing; use SOAP, REST, SFTP, MAILBOX or WEBHOOK");
        }
        schedule(scheduleCron);
        if (maxBatchSize <= 0) {
            throw new InvalidChannelException("channel.max-batch-size", "must be positive, is " + maxBatchSize);
        }
        if (maxWait == null || maxWait.isNegative() || maxWait.isZero()) {
            throw new InvalidChannelException("channel.max-wait", "must be a positive duration");
        }
        checkEndpoint(type, endpoint);
        settings = settings == null ? Map.of() : Map.copyOf(settings);
    }

    /** The schedule, parsed. */
    public CronExpression schedule() {
        return schedule(scheduleCron);
    }

    private static CronExpression schedule(String cron) {
        if (cron == null || cron.isBlank()) {
            throw new InvalidChannelException("channel.schedule", "is missing");
        }
        try {
            return CronExpression.parse(cron);
        } catch (IllegalArgumentException e) {
            throw new InvalidChannelException("channel.schedule", "'" + cron + "' is not a cron expression of six "
                    + "fields (seconds minutes hours day-of-month month day-of-week): " + e.getMessage(), e);
        }
    }

    private static void checkEndpoint(ChannelType type, String endpoint) {
        if (!type.hasEndpoint()) {
            return;
        }
        if (endpoint == null || endpoint.isBlank()) {
            throw new InvalidChannelException("channel.endpoint", "a " + type + " channel needs one");
        }
        URI uri;
        try {
            uri = new URI(endpoint);
        } catch (URISyntaxException e) {
            throw new InvalidChannelException("channel.endpoint", "'" + endpoint + "' is not a URL: " + e.getReason(), e);
        }
        if (uri.getScheme() == null || !type.endpointSchemes().contains(uri.getScheme().toLowerCase(Locale.ROOT))) {
            throw new InvalidChannelException("channel.endpoint", "'" + endpoint + "' must be a URL with scheme "
                    + String.join(" or ", type.endpointSchemes()) + " for a " + type + " channel");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new InvalidChannelException("channel.endpoint", "'" + endpoint + "' names no host");
        }
    }
}
