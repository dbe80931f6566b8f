package nl.knooppunt.mappings;

import java.util.UUID;

/**
 * Input that breaks the contract: malformed, hostile, too large, schema-invalid or semantically wrong.
 * Carries where the problem is so that a channel can report it in its own idiom (SOAP fault,
 * problem+json, error report file). Every location part is optional.
 */
public final class ContractViolationException extends RuntimeException {
    private final Format format;
    private final Integer messageIndex;
    private final UUID referentienummer;
    private final Long line;
    private final Long column;
    private final String field;
    private final String reason;

    private ContractViolationException(Format format, Integer messageIndex, UUID referentienummer, Long line,
                                       Long column, String field, String reason, Throwable cause) {
        super(describe(format, messageIndex, referentienummer, line, column, field, reason), cause);
        this.format = format;
        this.messageIndex = messageIndex;
        this.referentienummer = referentienummer;
        this.line = line;
        this.column = column;
        this.field = field;
        this.reason = reason;
    }

    public static ContractViolationException of(Format format, String reason) {
        return new ContractViolationException(format, null, null, null, null, null, reason, null);
    }

    public ContractViolationException atMessage(int index, UUID referentienummerOrNull) {
        return copy(index, referentienummerOrNull == null ? referentienummer : referentienummerOrNull, line, column,
                field, getCause());
    }

    /** Keeps an existing message index (the more specific one) and adds the message identifier if known. */
    public ContractViolationException atMessageIfUnknown(int index, UUID referentienummerOrNull) {
        return copy(messageIndex == null ? index : messageIndex,
                referentienummer == null ? referentienummerOrNull : referentienummer, line, column, field, getCause());
    }

    /** Adds the Referentienummer of the offending message when it is not known yet. */
    public ContractViolationException withReferentienummer(UUID referentienummerOrNull) {
        return referentienummer != null || referentienummerOrNull == null ? this
                : copy(messageIndex, referentienummerOrNull, line, column, field, getCause());
    }

    public ContractViolationException atLine(long lineNumber, long columnNumber) {
        return copy(messageIndex, referentienummer, lineNumber > 0 ? lineNumber : null,
                columnNumber > 0 ? columnNumber : null, field, getCause());
    }

    public ContractViolationException atField(String fieldPath) {
        return copy(messageIndex, referentienummer, line, column, fieldPath, getCause());
    }

    public ContractViolationException causedBy(Throwable cause) {
        return copy(messageIndex, referentienummer, line, column, field, cause);
    }

    private ContractViolationException copy(Integer index, UUID id, Long lineNumber, Long columnNumber, String path,
                                            Throwable cause) {
        return new ContractViolationException(format, index, id, lineNumber, columnNumber, path, reason, cause);
    }

    public Format format() {
        return format;
    }

    /** Zero-based position of the message in its batch or file; null for a single message. */
    public Integer messageIndex() {
        return messageIndex;
    }

    /** Referentienummer of the offending message, when it could be read. */
    public UUID referentienummer() {
        return referentienummer;
    }

    /** One-based line in the input. */
    public Long line() {
        return line;
    }

    /** One-based column: the character position for XML and JSON, the cell number for CSV; null when unknown. */
    public Long column() {
        return column;
    }

    /** The field: XSD element path for XML, JSON property path for JSON, column name for CSV. */
    public String field() {
        return field;
    }

    /** What is wrong, without the location. */
    public String reason() {
        return reason;
    }

    private static String describe(Format format, Integer messageIndex, UUID referentienummer, Long line,
                                   Long column, String field, String reason) {
        StringBuilder text = new StringBuilder().append(format).append(" contract violation");
        if (messageIndex != null) {
            text.append(", message index ").append(messageIndex);
        }
        if (referentienummer != null) {
            text.append(" (Referentienummer ").append(referentienummer).append(')');
        }
        if (line != null) {
            text.append(", line ").append(line);
            if (column != null) {
                text.append(" column ").append(column);
            }
        }
        if (field != null) {
            text.append(", field ").append(field);
        }
        return text.append(": ").append(reason).toString();
    }
}
