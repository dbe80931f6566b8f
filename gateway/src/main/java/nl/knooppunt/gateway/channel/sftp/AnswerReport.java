package nl.knooppunt.gateway.channel.sftp;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * The report on one answer file, written row by row to a local file (then uploaded as
 * {@code <answer file>.report.csv}): CSV, {@code ;}-separated, UTF-8, CRLF, the header
 * {@value #HEADER}, one row per error and a last row that sums the file up. Every text cell is
 * neutralised for spreadsheets (OWASP CSV injection: a cell starting with {@code = + - @}, tab or
 * carriage return gets a leading {@code '}), since a reason may echo the creditor's input.
 */
final class AnswerReport implements AutoCloseable {

    static final String HEADER = "Regel;Kolom;Referentienummer;Code;Melding";

    // File-level codes, in the style of the door's stable codes (InboundOutcome.code()) used per message.
    static final String PROCESSED = "file-applied";
    static final String REFUSED = "file-refused";
    static final String DUPLICATE = "file-duplicate";
    static final String SIGNATURE_MISSING = "file-signature-missing";
    static final String SIGNATURE_INVALID = "file-signature-invalid";
    static final String LAYOUT_UNKNOWN = nl.knooppunt.gateway.inbound.InboundOutcome.SCHEMA_INVALID.code();

    private final Writer out;
    private int rows;

    AnswerReport(Path file) {
        try {
            this.out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16);
            line(HEADER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One row; {@code line} and {@code column} 0 and {@code reference} null when unknown. */
    void row(long line, long column, UUID reference, String code, String message) {
        line((line > 0 ? Long.toString(line) : "") + ';' + (column > 0 ? Long.toString(column) : "") + ';'
                + (reference == null ? "" : reference.toString()) + ';' + cell(code) + ';' + cell(message));
        rows++;
    }

    /** Rows written, header not counted. */
    int rows() {
        return rows;
    }

    private void line(String text) {
        try {
            out.write(text);
            out.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A text cell: neutralised against formula injection, quoted when it holds a separator, quote or line end. */
    static String cell(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        char first = text.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
            text = "'" + text;
        }
        if (text.indexOf(';') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
