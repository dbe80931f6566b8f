package nl.knooppunt.gateway.channel.rest;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Delivering batches to creditors' REST services. Under {@code knooppunt.rest.delivery}, apart from
 * the gateway's own REST API for creditors.
 *
 * @param connectTimeout connecting to a creditor's service (TCP and TLS handshake)
 * @param readTimeout the longest silence while waiting for the creditor's answer (or while it reads
 *     the batch): a creditor that hangs fails the attempt after this, and the batch is retried
 */
@ConfigurationProperties("knooppunt.rest.delivery")
public record RestDeliveryProperties(
        @DefaultValue("10s") Duration connectTimeout,
        @DefaultValue("2m") Duration readTimeout) {

    public RestDeliveryProperties {
        if (connectTimeout.isNegative() || connectTimeout.isZero() || readTimeout.isNegative() || readTimeout.isZero()) {
            throw new IllegalArgumentException("knooppunt.rest.delivery timeouts must be positive");
        }
    }
}
