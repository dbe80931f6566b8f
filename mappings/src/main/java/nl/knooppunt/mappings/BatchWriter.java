package nl.knooppunt.mappings;

import nl.knooppunt.mappings.canonical.Message;

/**
 * Writes the messages of a batch one at a time. {@link #close()} completes the document and fails when
 * the number of messages written differs from the count announced in the batch header; it does not
 * close the underlying stream.
 */
public interface BatchWriter extends AutoCloseable {

    /** Fails when the message is addressed to another recipient than the batch or the count is exceeded. */
    void write(Message message);

    int written();

    @Override
    void close();
}
