package nl.knooppunt.mappings;

import java.util.Iterator;
import java.util.Optional;
import nl.knooppunt.mappings.canonical.BatchHeader;
import nl.knooppunt.mappings.canonical.Message;

/**
 * Reads a batch message by message. {@link #next()} throws {@link ContractViolationException} for a bad
 * message (naming its index, Referentienummer when known, line and field); {@link #hasNext()} throws it
 * for a bad batch structure, e.g. a count that differs from the header.
 */
public interface BatchReader extends Iterator<Message>, AutoCloseable {

    /** The batch header: always present for XML and JSON; CSV files carry none. */
    Optional<BatchHeader> batchHeader();

    /** Number of messages returned so far. */
    int read();

    /** Releases the parser; does not close the underlying stream. */
    @Override
    void close();
}
