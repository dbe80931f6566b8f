package nl.knooppunt.mappings;

/**
 * Size limits applied while reading. A reader stops with a {@link ContractViolationException} as soon as
 * a limit is passed, before the rest of the input is read.
 *
 * @param maxMessageBytes     largest single message; in a batch this is checked per message, within the
 *                            parser's read-ahead (a few KiB)
 * @param maxBatchBytes       largest batch input
 * @param maxMessagesPerBatch most messages in one batch
 */
public record MappingLimits(long maxMessageBytes, long maxBatchBytes, int maxMessagesPerBatch) {

    /** 1 MiB per message, 1 GiB and 250,000 messages per batch. */
    public static final MappingLimits DEFAULT = new MappingLimits(1L << 20, 1L << 30, 250_000);

    public MappingLimits {
        if (maxMessageBytes < 1024 || maxBatchBytes < maxMessageBytes || maxMessagesPerBatch < 1) {
            throw new IllegalArgumentException("limits must satisfy 1024 <= maxMessageBytes <= maxBatchBytes"
                    + " and maxMessagesPerBatch >= 1");
        }
    }

    public MappingLimits withMaxMessageBytes(long bytes) {
        return new MappingLimits(bytes, Math.max(bytes, maxBatchBytes), maxMessagesPerBatch);
    }

    public MappingLimits withMaxBatchBytes(long bytes) {
        return new MappingLimits(maxMessageBytes, bytes, maxMessagesPerBatch);
    }

    public MappingLimits withMaxMessagesPerBatch(int messages) {
        return new MappingLimits(maxMessageBytes, maxBatchBytes, messages);
    }
}
