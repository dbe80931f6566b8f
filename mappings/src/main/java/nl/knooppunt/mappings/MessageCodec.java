package nl.knooppunt.mappings;

import java.io.InputStream;
import java.io.OutputStream;
import nl.knooppunt.mappings.canonical.BatchHeader;
import nl.knooppunt.mappings.canonical.Message;

/**
 * Reads and writes contract messages in one wire format. Codecs are thread-safe and never close the
 * streams they are given. Every read problem is a {@link ContractViolationException}; writing a
 * canonical message cannot break the contract, so write problems are I/O problems
 * ({@link java.io.UncheckedIOException}).
 */
public interface MessageCodec {

    Format format();

    void write(Message message, OutputStream out);

    Message read(InputStream in);

    /** Streams a batch: the header first, then each message; {@link BatchWriter#close()} completes it. */
    BatchWriter openBatchWriter(BatchHeader header, OutputStream out);

    /** Streams a batch message by message; only the current message is held in memory. */
    BatchReader openBatchReader(InputStream in);
}
