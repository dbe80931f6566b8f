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

/** Reads a CSV file line by line, handing out one message (its consecutive rows) at a time. */
final class CsvBatchReader extends CheckedBatchReader {
    private final CsvLayout layout;
    private final CsvMapping mapping;
    private final MappingLimits limits;
    private final CsvRowReader rows;
    private Row lookahead;
    private boolean lookaheadLoaded;

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
    protected Message readMessage(int index) {
        if (index >= limits.maxMessagesPerBatch()) {
            throw ContractViolationException.of(Format.CSV, "the file holds more than the limit of "
                    + limits.maxMessagesPerBatch() + " messages").atLine(lookahead.line(), 0);
        }
        List<Row> messageRows = new ArrayList<>();
        Row first = peek();
        String id = mapping.messageId(first);
        if (id.isEmpty()) {
            throw ContractViolationException.of(Format.CSV, "is required: it identifies the message and groups its rows")
                    .atField(layout.columns().get(layout.messageIdColumn()).name())
                    .atLine(first.line(), layout.messageIdColumn() + 1);
        }
        messageRows.add(first);
        lookaheadLoaded = false;
        // Reading ahead one row is what tells where a message ends; the row stays for the next message.
        while (true) {
            lookahead = rows.nextRow();
            lookaheadLoaded = true;
            if (lookahead == null || !id.equals(mapping.messageId(lookahead))) {
                break;
            }
            messageRows.add(lookahead);
            lookaheadLoaded = false;
        }
        Message message = mapping.message(messageRows);
        if (lookahead != null) {
            rows.startMessage();
        }
        return message;
    }

    @Override
    public void close() {
        rows.close();
    }
}
