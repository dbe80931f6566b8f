package nl.knooppunt.gateway.channel.soap;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The SOAP channel.
 *
 * @param path where the gateway's service for creditors is published, under the CXF servlet (/services)
 * @param timestampTtl how old a request's WS-Security timestamp may be
 * @param connectTimeout connecting to a creditor's service
 * @param receiveTimeout waiting for a creditor's answer to a batch (part)
 * @param batchPartSize at most this many messages in one LeverBatch call; a larger batch goes in
 *     parts, so that the gateway holds only one part in memory at a time
 */
@ConfigurationProperties("knooppunt.soap")
public record SoapProperties(
        @DefaultValue("/knooppunt/v2") String path,
        @DefaultValue("5m") Duration timestampTtl,
        @DefaultValue("10s") Duration connectTimeout,
        @DefaultValue("2m") Duration receiveTimeout,
        @DefaultValue("500") int batchPartSize) {

    public SoapProperties {
        if (batchPartSize < 1) {
            throw new IllegalArgumentException("knooppunt.soap.batch-part-size must be at least 1");
        }
    }
}
