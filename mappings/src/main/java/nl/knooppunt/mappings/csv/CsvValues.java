package nl.knooppunt.mappings.csv;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Arrays;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import nl.knooppunt.mappings.canonical.MessageType;

/**
 * The cell formats of the CSV layouts: amounts {@code 1234,56} (decimal comma, exactly two decimals,
 * no thousands separator), dates {@code dd-mm-jjjj} as in the published layout, times ISO 8601 with
 * offset, codes exactly as in the XSD. An empty cell is an absent value.
 *
 * <p>Text cells are neutralised against CSV injection (the OWASP rule): a text that begins with
 * {@code =}, {@code +}, {@code -}, {@code @}, tab or carriage return is written with a leading single
 * quote, so that a spreadsheet shows it as text instead of running it as a formula. To keep every text
 * readable back exactly, a text that begins with one or more quotes followed by one of those characters
 * gets one more quote too; the reader removes exactly one leading quote from a text cell that begins
 * with quotes followed by one of those characters. Amounts, dates, date-times, whole numbers, UUIDs and
 * codes are written in their own formats and never changed (a negative whole number stays {@code -5}).
 */
final class CsvValues {
    private static final Pattern DECIMAL = Pattern.compile("(0|[1-9][0-9]{0,9}),[0-9]{2}");
    private static final Pattern INTEGER = Pattern.compile("0|-?[1-9][0-9]{0,8}");
    private static final Pattern DATE = Pattern.compile("[0-9]{2}-[0-9]{2}-[0-9]{4}");
    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    static final DateTimeFormatter DATE_FORMAT = DateTimeFormatter.ofPattern("dd-MM-uuuu")
            .withResolverStyle(ResolverStyle.STRICT);

    /** The characters with which a spreadsheet cell starts a formula (or, tab and CR, hides one). */
    static final String FORMULA_STARTS = "=+-@\t\r";
    static final char NEUTRALISER = '\'';

    private CsvValues() {
    }

    /** The text as written in a cell: with a leading quote when it would otherwise start a formula. */
    static String neutralise(String text) {
        return startsFormula(text) ? NEUTRALISER + text : text;
    }

    /** The text a neutralised cell stands for: the inverse of {@link #neutralise(String)}. */
    static String unneutralise(String cell) {
        return !cell.isEmpty() && cell.charAt(0) == NEUTRALISER && startsFormula(cell) ? cell.substring(1) : cell;
    }

    /** Whether the text, after any leading quotes, begins with a formula character. */
    private static boolean startsFormula(String text) {
        int i = 0;
        while (i < text.length() && text.charAt(i) == NEUTRALISER) {
            i++;
        }
        return i < text.length() && FORMULA_STARTS.indexOf(text.charAt(i)) >= 0;
    }

    /** Thrown with what the cell should have looked like; the reader adds line and column. */
    static final class BadCell extends IllegalArgumentException {
        BadCell(String expected) {
            super(expected);
        }
    }

    static String format(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.setScale(2).toPlainString().replace('.', ',');
        }
        if (value instanceof LocalDate date) {
            return DATE_FORMAT.format(date);
        }
        if (value instanceof OffsetDateTime time) {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
        }
        if (value instanceof MessageType type) {
            return type.code();
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        if (value instanceof String text) {
            return neutralise(text);
        }
        return value.toString();
    }

    static Object parse(String cell, Class<?> type) {
        if (cell.isEmpty()) {
            return null;
        }
        if (type == String.class) {
            return unneutralise(cell);
        }
        if (type == BigDecimal.class) {
            require(DECIMAL.matcher(cell).matches(), "an amount like 1234,56 (decimal comma, two decimals)");
            return new BigDecimal(cell.replace(',', '.'));
        }
        if (type == Integer.class || type == int.class) {
            require(INTEGER.matcher(cell).matches(), "a whole number");
            return Integer.valueOf(cell);
        }
        if (type == LocalDate.class) {
            require(DATE.matcher(cell).matches(), "a date dd-mm-jjjj");
            try {
                return LocalDate.parse(cell, DATE_FORMAT);
            } catch (DateTimeParseException e) {
                throw new BadCell("an existing date dd-mm-jjjj");
            }
        }
        if (type == OffsetDateTime.class) {
            try {
                return OffsetDateTime.parse(cell, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            } catch (DateTimeParseException e) {
                throw new BadCell("a date-time with offset, e.g. 2025-03-14T09:30:15+01:00");
            }
        }
        if (type == UUID.class) {
            require(UUID_TEXT.matcher(cell).matches(), "a UUID");
            return UUID.fromString(cell);
        }
        if (type == MessageType.class) {
            return MessageType.fromCode(cell).orElseThrow(() -> new BadCell("a Berichttype code"));
        }
        if (type.isEnum()) {
            for (Object constant : type.getEnumConstants()) {
                if (((Enum<?>) constant).name().equals(cell)) {
                    return constant;
                }
            }
            throw new BadCell("one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf)
                    .collect(Collectors.joining(", ")));
        }
        throw new IllegalStateException("no CSV format for " + type);
    }

    /** A human description of the cell format, for the layout documentation. */
    static String describe(Class<?> type) {
        if (type == BigDecimal.class) {
            return "amount 1234,56";
        }
        if (type == Integer.class || type == int.class) {
            return "whole number";
        }
        if (type == LocalDate.class) {
            return "date dd-mm-jjjj";
        }
        if (type == OffsetDateTime.class) {
            return "date-time ISO 8601 with offset";
        }
        if (type == UUID.class) {
            return "UUID";
        }
        if (type == MessageType.class) {
            return "Berichttype code";
        }
        if (type.isEnum()) {
            return "code " + type.getSimpleName();
        }
        return "text";
    }

    private static void require(boolean condition, String expected) {
        if (!condition) {
            throw new BadCell(expected);
        }
    }
}
