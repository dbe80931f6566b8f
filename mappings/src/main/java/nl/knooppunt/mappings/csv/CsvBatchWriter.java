package nl.knooppunt.mappings.csv;

import com.fasterxml.jackson.databind.SequenceWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import nl.knooppunt.mappings.BatchWriter;
import nl.knooppunt.mappings.canonical.BatchHeader;
import nl.knooppunt.mappings.canonical.Message;
import nl.knooppunt.mappings.internal.BatchWriterChecks;

/** Writes the header row, then the rows of each message as it comes. */
final class CsvBatchWriter implements BatchWriter {
    private final CsvLayout layout;
    private final CsvMapping mapping;
    private final BatchHeader header;
    private final Writer text;
    private final SequenceWriter rows;
    private int written;
    private boolean closed;

    CsvBatchWriter(CsvLayout layout, CsvMapping mapping, BatchHeader header, OutputStream out) {
        this.layout = layout;
        this.mapping = mapping;
        this.header = header;
        this.text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        try {
            this.rows = CsvRowReader.CSV_MAPPER.writerFor(String[].class).with(CsvRowReader.SCHEMA).writeValues(text);
            rows.write(layout.columnNames().toArray(String[]::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void write(Message message) {
        BatchWriterChecks.check(header, message, written, closed);
        if (!layout.messageTypes().contains(message.type())) {
            throw new IllegalArgumentException("layout " + layout.name() + " does not carry " + message.type().code());
        }
        try {
            for (String[] row : mapping.rows(message)) {
                rows.write(row);
            }
            written++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public int written() {
        return written;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        BatchWriterChecks.checkComplete(header, written);
        try {
            rows.flush();
            text.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
