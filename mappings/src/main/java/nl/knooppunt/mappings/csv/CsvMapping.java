package nl.knooppunt.mappings.csv;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.knooppunt.mappings.ContractViolationException;
import nl.knooppunt.mappings.Format;
import nl.knooppunt.mappings.canonical.Header;
import nl.knooppunt.mappings.canonical.InvalidFieldException;
import nl.knooppunt.mappings.canonical.Message;
import nl.knooppunt.mappings.canonical.MessageBody;
import nl.knooppunt.mappings.canonical.MessageType;
import nl.knooppunt.mappings.csv.CsvColumn.Role;
import nl.knooppunt.mappings.csv.CsvRowReader.Row;
import nl.knooppunt.mappings.internal.Records;
import nl.knooppunt.mappings.internal.Records.Component;

/** Turns a message into its rows and the rows of one message back into the message, for one layout. */
final class CsvMapping {
    static final String JA = "Ja";
    private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");

    private final CsvLayout layout;
    private final Map<String, Integer> columnByPath = new HashMap<>();
    private final String listPath;

    CsvMapping(CsvLayout layout) {
        this.layout = layout;
        String list = null;
        for (int i = 0; i < layout.columns().size(); i++) {
            CsvColumn column = layout.columns().get(i);
            if (!column.path().isEmpty()) {
                columnByPath.put(column.path(), i);
            }
            if (column.perRow()) {
                list = column.path().substring(0, column.path().indexOf("[]"));
            }
        }
        this.listPath = list;
    }

    // ---------------------------------------------------------------- writing

    List<String[]> rows(Message message) {
        if (!layout.messageTypes().contains(message.type())) {
            throw new IllegalArgumentException("layout " + layout.name() + " does not carry " + message.type().code());
        }
        int rowCount = listPath == null ? 1 : Math.max(1, CsvPaths.size(message.body(), listPath));
        List<String[]> rows = new ArrayList<>(rowCount);
        for (int item = 0; item < rowCount; item++) {
            String[] cells = new String[layout.columns().size()];
            for (int i = 0; i < cells.length; i++) {
                cells[i] = cell(layout.columns().get(i), message, item);
            }
            rows.add(cells);
        }
        return rows;
    }

    private String cell(CsvColumn column, Message message, int item) {
        return switch (column.role()) {
            case HEADER -> CsvValues.format(CsvPaths.get(message.header(), column.path().substring("header.".length()), item));
            case BODY -> CsvValues.format(CsvPaths.get(message.body(), column.path(), item));
            case VOORAF_AKKOORD -> message.type() == MessageType.SALDOVERZOEK_ANTWOORD_VOORAF_AKKOORD ? JA : "";
            case ECHO, KLANT_ONBEKEND -> "";
        };
    }

    // ---------------------------------------------------------------- reading

    /** The message id (Referentienummer) of a row, which groups rows into messages. */
    String messageId(Row row) {
        return row.cells()[layout.messageIdColumn()];
    }

    Message message(List<Row> rows) {
        Row first = rows.get(0);
        if (listPath == null && rows.size() > 1) {
            throw violation(rows.get(1), layout.columns().get(layout.messageIdColumn()),
                    "repeats the Referentienummer of line " + first.line() + ": in layout " + layout.name()
                            + " a message has exactly one row");
        }
        checkMessageColumnsEqual(rows);
        MessageType type = messageType(first);
        Header header = header(first, type);
        try {
            MessageBody body = (MessageBody) build(type.bodyType(), "", first, rows, null);
            return new Message(header, body);
        } catch (ContractViolationException e) {
            throw e.withReferentienummer(header.referentienummer());
        }
    }

    private void checkMessageColumnsEqual(List<Row> rows) {
        Row first = rows.get(0);
        for (int i = 0; i < layout.columns().size(); i++) {
            CsvColumn column = layout.columns().get(i);
            if (column.perRow() || column.role() == Role.ECHO) {
                continue;
            }
            for (Row row : rows.subList(1, rows.size())) {
                if (!row.cells()[i].equals(first.cells()[i])) {
                    throw violation(row, column, "must be the same on every row of one message: it belongs to the"
                            + " message, not to an item (line " + first.line() + " has another value)");
                }
            }
        }
    }

    private MessageType messageType(Row first) {
        for (int i = 0; i < layout.columns().size(); i++) {
            CsvColumn column = layout.columns().get(i);
            String cell = first.cells()[i];
            if (column.role() == Role.KLANT_ONBEKEND && !cell.isEmpty()) {
                throw violation(first, column, "must be empty: " + column.note());
            }
            if (column.role() == Role.VOORAF_AKKOORD) {
                if (cell.isEmpty()) {
                    return MessageType.SALDOVERZOEK_ANTWOORD;
                }
                if (cell.equals(JA)) {
                    return MessageType.SALDOVERZOEK_ANTWOORD_VOORAF_AKKOORD;
                }
                throw violation(first, column, "must be Ja or empty");
            }
        }
        Integer berichttypeColumn = columnByPath.get("header.berichttype");
        if (berichttypeColumn != null) {
            CsvColumn column = layout.columns().get(berichttypeColumn);
            Object type = parse(first, berichttypeColumn, MessageType.class);
            if (type == null || !layout.messageTypes().contains(type)) {
                throw violation(first, column, "must be " + layout.messageTypes().get(0).code() + " in layout "
                        + layout.name());
            }
            return (MessageType) type;
        }
        return layout.messageTypes().get(0);
    }

    private Header header(Row row, MessageType type) {
        List<Component> components = Records.shape(Header.class).components();
        Object[] arguments = new Object[components.size()];
        for (int i = 0; i < arguments.length; i++) {
            Component component = components.get(i);
            if (component.type() == MessageType.class) {
                arguments[i] = type;
                continue;
            }
            Integer column = columnByPath.get("header." + component.name());
            arguments[i] = column == null ? null : parse(row, column, component.type());
        }
        try {
            return (Header) Records.shape(Header.class).construct(arguments);
        } catch (InvalidFieldException e) {
            throw violation(row, fieldName("header." + Records.decapitalize(e.field())), e.reason())
                    .withReferentienummer(arguments[0] instanceof UUID id ? id : null);
        }
    }

    /**
     * Builds the record at {@code prefix} from the message's first row (message-level cells) or, inside a
     * list item, from the item's own row.
     */
    private Object build(Class<?> recordType, String prefix, Row first, List<Row> rows, Row itemRow) {
        Row cellsRow = itemRow != null ? itemRow : first;
        List<Component> components = Records.shape(recordType).components();
        Object[] arguments = new Object[components.size()];
        for (int i = 0; i < arguments.length; i++) {
            Component component = components.get(i);
            String path = prefix + component.name();
            if (component.isList()) {
                arguments[i] = items(component, path, first, rows);
            } else if (component.type().isRecord()) {
                arguments[i] = anyCellUnder(cellsRow, path + ".")
                        ? build(component.type(), path + ".", first, rows, itemRow) : null;
            } else {
                Integer column = columnByPath.get(path);
                arguments[i] = column == null ? null : parse(cellsRow, column, component.type());
            }
        }
        try {
            return Records.shape(recordType).construct(arguments);
        } catch (InvalidFieldException e) {
            String field = Records.decapitalize(e.field());
            Row row = cellsRow;
            Matcher index = INDEX.matcher(field);
            if (index.find() && itemRow == null) {
                int item = Integer.parseInt(index.group(1));
                row = item < rows.size() ? rows.get(item) : first;
                field = index.replaceAll("[]");
            }
            throw violation(row, fieldName(prefix + field), e.reason());
        }
    }

    private List<Object> items(Component component, String path, Row first, List<Row> rows) {
        List<Object> items = new ArrayList<>();
        Row emptyRow = null;
        for (Row row : rows) {
            Object item;
            if (component.itemType().isRecord()) {
                item = anyCellUnder(row, path + "[].") ? build(component.itemType(), path + "[].", first, rows, row) : null;
            } else {
                Integer column = columnByPath.get(path + "[]");
                item = column == null ? null : parse(row, column, component.itemType());
            }
            if (item == null) {
                emptyRow = emptyRow == null ? row : emptyRow;
            } else {
                items.add(item);
            }
        }
        if (emptyRow != null && rows.size() > 1) {
            throw violation(emptyRow, fieldName(path + "[]"), "a message spread over several rows needs an item"
                    + " on every row; leave the item columns empty only when the message has one row and no items");
        }
        return items;
    }

    private boolean anyCellUnder(Row row, String pathPrefix) {
        for (Map.Entry<String, Integer> entry : columnByPath.entrySet()) {
            if (entry.getKey().startsWith(pathPrefix) && !row.cells()[entry.getValue()].isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private Object parse(Row row, int columnIndex, Class<?> type) {
        try {
            return CsvValues.parse(row.cells()[columnIndex], type);
        } catch (CsvValues.BadCell e) {
            throw violation(row, layout.columns().get(columnIndex), "must be " + e.getMessage());
        }
    }

    /** The column name for a path, or the path in column style when no single column holds it. */
    private String fieldName(String path) {
        Integer column = columnByPath.get(path);
        if (column != null) {
            return layout.columns().get(column).name();
        }
        StringBuilder name = new StringBuilder();
        for (String segment : path.split("\\.")) {
            if (name.length() > 0) {
                name.append('.');
            }
            name.append(Records.capitalize(segment.replace("[]", "")));
        }
        return name.toString();
    }

    private ContractViolationException violation(Row row, CsvColumn column, String reason) {
        return ContractViolationException.of(Format.CSV, reason).atField(column.name())
                .atLine(row.line(), layout.columns().indexOf(column) + 1);
    }

    /**
     * A violation of a field named by {@link #fieldName(String)}: at its column, or at the first column of
     * the group it names, or else at the Referentienummer column that identifies the row.
     */
    private ContractViolationException violation(Row row, String field, String reason) {
        int column = -1;
        for (int i = 0; i < layout.columns().size() && column < 0; i++) {
            if (layout.columns().get(i).name().equals(field)) {
                column = i;
            }
        }
        for (int i = 0; i < layout.columns().size() && column < 0; i++) {
            if (layout.columns().get(i).name().startsWith(field + ".")) {
                column = i;
            }
        }
        if (column < 0) {
            column = layout.messageIdColumn();
        }
        return ContractViolationException.of(Format.CSV, reason).atField(field).atLine(row.line(), column + 1);
    }
}
