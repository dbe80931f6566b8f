package nl.knooppunt.mappings.internal;

import nl.knooppunt.mappings.BatchWriter;
import nl.knooppunt.mappings.canonical.BatchHeader;
import nl.knooppunt.mappings.canonical.Message;

/**
 * What every batch writer enforces, so that no format can produce a batch its reader would refuse:
 * every message for the batch's recipient, exactly as many as the header announces, nothing after
 * closing. A format only says how one message is written and how the batch is finished.
 */
public abstract class CheckedBatchWriter implements BatchWriter {

    private final BatchHeader header;
    private int written;
    private boolean closed;

    /** @param header the batch header, or null for formats without one (no count or recipient to check) */
    protected CheckedBatchWriter(BatchHeader header) {
        this.header = header;
    }

    /** Writes one message in the format. */
    protected abstract void writeMessage(Message message);

    /** Completes and flushes the batch. */
    protected abstract void finish();

    @Override
    public final void write(Message message) {
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
        writeMessage(message);
        written++;
    }

    @Override
    public final int written() {
        return written;
    }

    @Override
    public final void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (header != null && written != header.aantal()) {
            throw new IllegalStateException("the batch header announces " + header.aantal() + " messages but "
                    + written + " were written");
        }
        finish();
    }
}
