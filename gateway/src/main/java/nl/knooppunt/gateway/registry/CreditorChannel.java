package nl.knooppunt.gateway.registry;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How and when the gateway sends batches to one creditor.
 *
 * @param type the channel
 * @param endpoint URL or SFTP location; none for a mailbox creditor
 * @param scheduleCron Quartz cron expression on which batches for this creditor go out
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
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(scheduleCron, "scheduleCron");
        Objects.requireNonNull(maxWait, "maxWait");
        if (maxBatchSize <= 0) {
            throw new IllegalArgumentException("maxBatchSize must be positive");
        }
        if (type != ChannelType.MAILBOX && (endpoint == null || endpoint.isBlank())) {
            throw new IllegalArgumentException("A " + type + " channel needs an endpoint");
        }
        settings = settings == null ? Map.of() : Map.copyOf(settings);
    }
}
