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

    /**
     * The line of the file at which the message last returned or refused by {@link #next()} began, for
     * formats read by line (CSV); 0 for the others.
     */
    default long line() {
        return 0;
    }

    /**
     * Whether reading may go on after the {@link ContractViolationException} that {@link #next()} just
     * threw: true when the violation was confined to that one message (a bad cell in a CSV line) and
     * the reader knows where the next message starts; false for a broken structure, after which
     * nothing more can be read.
     */
    default boolean canContinue() {
        return false;
    }

    /** Releases the parser; does not close the underlying stream. */
    @Override
    void close();
}
