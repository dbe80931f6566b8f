package nl.knooppunt.mappings.csv;

import com.fasterxml.jackson.databind.SequenceWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import nl.knooppunt.mappings.canonical.BatchHeader;
import nl.knooppunt.mappings.canonical.Message;
import nl.knooppunt.mappings.internal.CheckedBatchWriter;

/** Writes the header row, then the rows of each message as it comes. */
final class CsvBatchWriter extends CheckedBatchWriter {
    private final CsvLayout layout;
    private final CsvMapping mapping;
    private final Writer text;
    private final SequenceWriter rows;

    CsvBatchWriter(CsvLayout layout, CsvMapping mapping, BatchHeader header, OutputStream out) {
        super(header);
        this.layout = layout;
        this.mapping = mapping;
        this.text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        try {
            this.rows = CsvRowReader.CSV_MAPPER.writerFor(String[].class).with(CsvRowReader.SCHEMA).writeValues(text);
            rows.write(layout.columnNames().toArray(String[]::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected void writeMessage(Message message) {
        if (!layout.messageTypes().contains(message.type())) {
            throw new IllegalArgumentException("layout " + layout.name() + " does not carry " + message.type().code());
        }
        try {
            for (String[] row : mapping.rows(message)) {
                rows.write(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected void finish() {
        try {
            rows.flush();
            text.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
