package nl.knooppunt.gateway.outbound;

import java.util.Map;
import java.util.UUID;

/**
 * The creditor's answer to a batch that got through: the messages it rejected, with the reason.
 * Every other message of the batch was accepted. A rejection is final (a dead letter): resending
 * the same message would be rejected again.
 */
public record BatchResult(Map<UUID, String> rejected) {

    public BatchResult {
        rejected = Map.copyOf(rejected);
    }

    public static BatchResult allAccepted() {
        return new BatchResult(Map.of());
    }
}
