package nl.knooppunt.mappings.csv;

import java.io.InputStream;
import java.io.OutputStream;
import nl.knooppunt.mappings.BatchReader;
import nl.knooppunt.mappings.BatchWriter;
import nl.knooppunt.mappings.ContractViolationException;
import nl.knooppunt.mappings.Format;
import nl.knooppunt.mappings.MappingLimits;
import nl.knooppunt.mappings.MessageCodec;
import nl.knooppunt.mappings.canonical.BatchHeader;
import nl.knooppunt.mappings.canonical.Message;
import nl.knooppunt.mappings.canonical.MessageType;

/**
 * CSV codec for one {@link CsvLayout}: UTF-8, separator {@code ;}, double quotes, CRLF line ends, a
 * header row naming the columns. A CSV file is a batch without batch header (as portal lijstwerk
 * files are); {@link #write(Message, OutputStream)} writes a file holding one message. Text cells are
 * neutralised against CSV injection when written and restored when read (see {@code CsvValues}).
 */
public final class CsvMessageCodec implements MessageCodec {
    private final CsvLayout layout;
    private final MappingLimits limits;
    private final CsvMapping mapping;

    public CsvMessageCodec(CsvLayout layout) {
        this(layout, MappingLimits.DEFAULT);
    }

    public CsvMessageCodec(CsvLayout layout, MappingLimits limits) {
        this.layout = layout;
        this.limits = limits;
        this.mapping = new CsvMapping(layout);
    }

    public static CsvMessageCodec forType(MessageType type) {
        return new CsvMessageCodec(CsvLayout.forType(type));
    }

    public static CsvMessageCodec forType(MessageType type, MappingLimits limits) {
        return new CsvMessageCodec(CsvLayout.forType(type), limits);
    }

    public CsvLayout layout() {
        return layout;
    }

    @Override
    public Format format() {
        return Format.CSV;
    }

    @Override
    public void write(Message message, OutputStream out) {
        try (CsvBatchWriter writer = new CsvBatchWriter(layout, mapping, null, out)) {
            writer.write(message);
        }
    }

    @Override
    public Message read(InputStream in) {
        try (CsvBatchReader reader = new CsvBatchReader(layout, mapping,
                limits.withMaxBatchBytes(limits.maxMessageBytes()), in)) {
            if (!reader.hasNext()) {
                throw ContractViolationException.of(Format.CSV, "the file holds no message").atLine(2, 1);
            }
            Message message = reader.next();
            if (reader.hasNext()) {
                throw ContractViolationException.of(Format.CSV, "the file holds more than one message")
                        .atMessage(1, null).atLine(reader.nextLine(), layout.messageIdColumn() + 1);
            }
            return message;
        }
    }

    /**
     * The batch header is used to check the messages (recipient, count) but is not written: CSV files
     * carry no batch header, the channel names or wraps the file.
     */
    @Override
    public BatchWriter openBatchWriter(BatchHeader header, OutputStream out) {
        return new CsvBatchWriter(layout, mapping, header, out);
    }

    @Override
    public BatchReader openBatchReader(InputStream in) {
        return new CsvBatchReader(layout, mapping, limits, in);
    }
}
