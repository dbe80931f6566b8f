package nl.knooppunt.mappings.csv;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.knooppunt.mappings.ContractViolationException;
import nl.knooppunt.mappings.Format;
import nl.knooppunt.mappings.MappingLimits;
import nl.knooppunt.mappings.canonical.BatchHeader;
import nl.knooppunt.mappings.canonical.Message;
import nl.knooppunt.mappings.csv.CsvRowReader.Row;
import nl.knooppunt.mappings.internal.CheckedBatchReader;

/**
 * Reads a CSV file line by line, handing out one message (its consecutive rows) at a time. The rows of a
 * message are read in full before the message is checked, so a bad cell, a bad message or a row with the
 * wrong number of cells refuses that message only and reading can go on with the next one
 * ({@link #canContinue()}); what breaks the file itself (not CSV, not UTF-8, a size limit, too many
 * messages) ends the reading.
 */
final class CsvBatchReader extends CheckedBatchReader {
    private final CsvLayout layout;
    private final CsvMapping mapping;
    private final MappingLimits limits;
    private final CsvRowReader rows;
    private Row lookahead;
    private boolean lookaheadLoaded;
    private long line;
    private boolean confined;

    CsvBatchReader(CsvLayout layout, CsvMapping mapping, MappingLimits limits, InputStream in) {
        this.layout = layout;
        this.mapping = mapping;
        this.limits = limits;
        this.rows = new CsvRowReader(in, layout, limits.maxBatchBytes(), limits.maxMessageBytes(), "the CSV file");
    }

    @Override
    public Optional<BatchHeader> batchHeader() {
        return Optional.empty();
    }

    @Override
    public long line() {
        return line;
    }

    /** The line at which the next message starts, once {@link #hasNext()} said there is one; else 0. */
    long nextLine() {
        return lookaheadLoaded && lookahead != null ? lookahead.line() : 0;
    }

    @Override
    protected boolean nextMessageStarts() {
        return peek() != null;
    }

    private Row peek() {
        if (!lookaheadLoaded) {
            rows.startMessage();
            lookahead = rows.nextRow();
            lookaheadLoaded = true;
        }
        return lookahead;
    }

    @Override
    protected boolean violationConfinedToMessage() {
        return confined;
    }

    @Override
    protected Message readMessage(int index) {
        confined = false;
        Row first = peek();
        line = first.line();
        if (index >= limits.maxMessagesPerBatch()) {
            throw ContractViolationException.of(Format.CSV, "the file holds more than the limit of "
                    + limits.maxMessagesPerBatch() + " messages").atLine(first.line(), layout.messageIdColumn() + 1);
        }
        List<Row> messageRows = readRowsOfMessage(first);
        // From here on the message's rows are consumed and the lookahead holds the next message's first row.
        confined = true;
        for (Row row : messageRows) {
            rows.checkColumnCount(row);
        }
        if (messageId(first).isEmpty()) {
            throw ContractViolationException.of(Format.CSV, "is required: it identifies the message and groups its rows")
                    .atField(layout.columns().get(layout.messageIdColumn()).name())
                    .atLine(first.line(), layout.messageIdColumn() + 1);
        }
        return mapping.message(messageRows);
    }

    /**
     * The consecutive rows sharing the first row's message id; a row without id is a message of its own.
     * Reading ahead one row is what tells where a message ends; that row stays for the next message.
     */
    private List<Row> readRowsOfMessage(Row first) {
        List<Row> messageRows = new ArrayList<>();
        messageRows.add(first);
        lookaheadLoaded = false;
        String id = messageId(first);
        while (true) {
            lookahead = rows.nextRow();
            lookaheadLoaded = true;
            if (lookahead == null || id.isEmpty() || !id.equals(messageId(lookahead))) {
                break;
            }
            messageRows.add(lookahead);
            lookaheadLoaded = false;
        }
        if (lookahead != null) {
            rows.startMessage();
        }
        return messageRows;
    }

    /** The message id of a row; empty when the row is too short to hold one. */
    private String messageId(Row row) {
        return row.cells().length > layout.messageIdColumn() ? mapping.messageId(row) : "";
    }

    @Override
    public void close() {
        rows.close();
    }
}
