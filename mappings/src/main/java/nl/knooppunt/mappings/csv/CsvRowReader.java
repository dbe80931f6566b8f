package nl.knooppunt.mappings.csv;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import nl.knooppunt.mappings.ContractViolationException;
import nl.knooppunt.mappings.Format;
import nl.knooppunt.mappings.internal.LimitExceededException;
import nl.knooppunt.mappings.internal.LimitedInputStream;

/**
 * Reads CSV rows one at a time: strict UTF-8 (an optional byte order mark is skipped), the header row
 * must name exactly the layout's columns, every row must have exactly as many cells.
 */
final class CsvRowReader implements AutoCloseable {
    static final char SEPARATOR = ';';
    static final CsvMapper CSV_MAPPER = createMapper();
    static final CsvSchema SCHEMA = CsvSchema.emptySchema().withColumnSeparator(SEPARATOR).withQuoteChar('"')
            .withoutEscapeChar().withLineSeparator("\r\n");

    private final CsvLayout layout;
    private final LimitedInputStream input;
    private final CsvParser parser;

    /** One data row and the line it starts on. */
    record Row(long line, String[] cells) {
    }

    CsvRowReader(InputStream in, CsvLayout layout, long maxTotalBytes, long maxMessageBytes, String label) {
        this.layout = layout;
        this.input = new LimitedInputStream(in, maxTotalBytes, maxMessageBytes, label);
        try {
            Reader reader = new PushbackReader(new InputStreamReader(input, StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)), 1);
            int first = reader.read();
            if (first >= 0 && first != '\uFEFF') {
                ((PushbackReader) reader).unread(first);
            }
            this.parser = (CsvParser) CSV_MAPPER.getFactory().createParser(reader);
            parser.setSchema(SCHEMA);
        } catch (IOException e) {
            throw translate(e, 1, 1);
        }
        checkHeaderRow();
    }

    private static CsvMapper createMapper() {
        CsvMapper mapper = new CsvMapper();
        // Without a schema of named columns each row is exposed as one JSON-like array of strings.
        mapper.disable(CsvParser.Feature.WRAP_AS_ARRAY);
        mapper.enable(com.fasterxml.jackson.dataformat.csv.CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING);
        mapper.disable(CsvParser.Feature.ALLOW_TRAILING_COMMA);
        mapper.disable(CsvParser.Feature.TRIM_SPACES);
        mapper.disable(CsvParser.Feature.SKIP_EMPTY_LINES);
        mapper.disable(CsvParser.Feature.ALLOW_COMMENTS);
        mapper.getFactory().disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
        mapper.getFactory().disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        return mapper;
    }

    private void checkHeaderRow() {
        Row header = nextRowUnchecked();
        if (header == null) {
            throw ContractViolationException.of(Format.CSV, "the file is empty: expected the header row "
                    + String.join(";", layout.columnNames())).atLine(1, 1);
        }
        List<String> expected = layout.columnNames();
        List<String> actual = List.of(header.cells());
        for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
            String want = i < expected.size() ? expected.get(i) : null;
            String found = i < actual.size() ? actual.get(i) : null;
            if (want == null || !want.equals(found)) {
                throw ContractViolationException.of(Format.CSV, "the header row of layout " + layout.name()
                        + " must name column " + CsvLayout.letter(i) + " " + (want == null ? "(none: too many columns)"
                        : "'" + want + "'") + ", found " + (found == null ? "nothing" : "'" + found + "'"))
                        .atLine(header.line(), i + 1).atField(want == null ? found : want);
            }
        }
    }

    /**
     * The next data row, or null at the end of the file. A row with another number of cells than the
     * layout has is returned too (it is a complete line of the file): {@link #checkColumnCount(Row)}
     * tells what is wrong with it. Throws for what breaks the file itself (bad CSV, bad UTF-8, a limit).
     */
    Row nextRow() {
        return nextRowUnchecked();
    }

    /** Throws when the row has another number of cells than the layout's columns. */
    void checkColumnCount(Row row) {
        int expected = layout.columns().size();
        int found = row.cells().length;
        if (found != expected) {
            throw ContractViolationException.of(Format.CSV, "expected " + expected + " columns, found " + found)
                    .atLine(row.line(), Math.min(found, expected) + 1);
        }
    }

    private Row nextRowUnchecked() {
        long line = 0;
        List<String> cells = new ArrayList<>(layout.columns().size());
        try {
            JsonToken token = parser.nextToken();
            if (token == null) {
                return null;
            }
            JsonLocation location = parser.currentTokenLocation();
            // Jackson's CSV parser counts lines from 0 here (and reports the very first token before line 0).
            line = Math.max(1, location.getLineNr() + 1);
            if (token != JsonToken.START_ARRAY) {
                throw ContractViolationException.of(Format.CSV, "unexpected CSV structure").atLine(line, 1);
            }
            while ((token = parser.nextToken()) == JsonToken.VALUE_STRING) {
                cells.add(parser.getText());
            }
            if (token != JsonToken.END_ARRAY) {
                throw ContractViolationException.of(Format.CSV, "unexpected CSV structure")
                        .atLine(line, cells.size() + 1);
            }
            return new Row(line, cells.toArray(String[]::new));
        } catch (IOException e) {
            // The cell being read when the error came: the one after those already read.
            throw translate(e, line > 0 ? line : currentLine(), cells.size() + 1);
        }
    }

    void startMessage() {
        input.startMessage();
    }

    long currentLine() {
        return parser.currentLocation().getLineNr() + 1;
    }

    private static ContractViolationException translate(IOException error, long line, long cell) {
        LimitExceededException limit = LimitExceededException.findIn(error);
        String reason;
        if (limit != null) {
            reason = limit.getMessage();
        } else if (error instanceof CharacterCodingException || error.getCause() instanceof CharacterCodingException) {
            reason = "the file is not valid UTF-8";
        } else {
            String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
            reason = "not valid CSV: " + message.split("\n")[0];
        }
        return ContractViolationException.of(Format.CSV, reason).atLine(line, cell).causedBy(error);
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            // nothing left to release
        }
    }
}
