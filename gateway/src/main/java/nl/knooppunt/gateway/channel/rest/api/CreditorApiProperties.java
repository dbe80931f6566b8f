package nl.knooppunt.gateway.channel.rest.api;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The gateway's REST API for creditors ({@code /api/v1/creditor}).
 *
 * @param maxMessageBytes largest body of {@code POST /messages}, and of one message in a batch; a
 *     larger body is refused with 413 before it is parsed
 * @param maxBatchBytes largest body of {@code POST /batches}; a larger body is refused with 413
 *     before it is parsed. A batch is read whole before the door is called, so this bounds the memory
 *     one call takes
 * @param maxBatchMessages most messages in one {@code POST /batches}
 * @param maxPageSize most messages one mailbox fetch returns ({@code limit})
 */
@ConfigurationProperties("knooppunt.creditor-api")
record CreditorApiProperties(
        @DefaultValue("1MB") DataSize maxMessageBytes,
        @DefaultValue("16MB") DataSize maxBatchBytes,
        @DefaultValue("1000") int maxBatchMessages,
        @DefaultValue("500") int maxPageSize) {

    CreditorApiProperties {
        if (maxMessageBytes.toBytes() < 1024 || maxBatchBytes.toBytes() < maxMessageBytes.toBytes()) {
            throw new IllegalArgumentException(
                    "knooppunt.creditor-api: 1KB <= max-message-bytes <= max-batch-bytes is required");
        }
        if (maxBatchMessages < 1 || maxPageSize < 1) {
            throw new IllegalArgumentException(
                    "knooppunt.creditor-api: max-batch-messages and max-page-size must be at least 1");
        }
    }
}
