package nl.knooppunt.mappings.internal;

import nl.knooppunt.mappings.canonical.BatchHeader;
import nl.knooppunt.mappings.canonical.Message;

/** The rules every batch writer enforces, so that no format can produce a batch its reader would refuse. */
public final class BatchWriterChecks {
    private BatchWriterChecks() {
    }

    public static void check(BatchHeader header, Message message, int written, boolean closed) {
        if (closed) {
            throw new IllegalStateException("the batch writer is closed");
        }
        if (header != null && !header.ontvangerOin().equals(message.header().ontvangerOin())) {
            throw new IllegalArgumentException("message " + message.header().referentienummer() + " is addressed to "
                    + message.header().ontvangerOin() + " but the batch to " + header.ontvangerOin());
        }
        if (header != null && written >= header.aantal()) {
            throw new IllegalStateException("the batch header announces " + header.aantal() + " messages");
        }
    }

    public static void checkComplete(BatchHeader header, int written) {
        if (header != null && written != header.aantal()) {
            throw new IllegalStateException("the batch header announces " + header.aantal() + " messages but "
                    + written + " were written");
        }
    }
}
