package nl.knooppunt.mappings.csv;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.knooppunt.mappings.canonical.Header;
import nl.knooppunt.mappings.canonical.MessageType;
import nl.knooppunt.mappings.canonical.SaldoverzoekAntwoord;
import nl.knooppunt.mappings.csv.CsvColumn.Role;
import nl.knooppunt.mappings.internal.Records;
import nl.knooppunt.mappings.internal.Records.Component;

/**
 * The CSV layout of a message type for SFTP batches and portal lijstwerk: a header row naming the
 * columns, then one row per message, or one row per list item when the type has a list (the message's
 * other columns repeat on each of its rows and must be equal). Rows of one message are consecutive and
 * share the message's Referentienummer.
 *
 * <p>Most layouts follow from the canonical record: the header columns, then every field with its
 * group path as column name ({@code GegevensKlant.Klant.Achternaam}). The layout
 * {@code saldoverzoek-antwoord} follows the published column list A–V of the Schuldenknooppunt's "CSV
 * Saldoverzoek Antwoord" and extends it from W on; it carries both Saldoverzoek antwoord and
 * Saldoverzoek antwoord vooraf akkoord (column Q "Standaard akkoord").
 */
public final class CsvLayout {
    private static final Map<MessageType, CsvLayout> BY_TYPE = new EnumMap<>(MessageType.class);
    private static final List<CsvLayout> ALL;

    static {
        List<CsvLayout> all = new ArrayList<>();
        CsvLayout saldoAntwoord = saldoverzoekAntwoord();
        for (MessageType type : MessageType.values()) {
            if (saldoAntwoord.messageTypes().contains(type)) {
                if (!all.contains(saldoAntwoord)) {
                    all.add(saldoAntwoord);
                }
                BY_TYPE.put(type, saldoAntwoord);
            } else {
                CsvLayout layout = derived(type);
                all.add(layout);
                BY_TYPE.put(type, layout);
            }
        }
        ALL = Collections.unmodifiableList(all);
    }

    private final String name;
    private final List<MessageType> messageTypes;
    private final List<CsvColumn> columns;
    private final String description;

    private CsvLayout(String name, List<MessageType> messageTypes, List<CsvColumn> columns, String description) {
        this.name = name;
        this.messageTypes = List.copyOf(messageTypes);
        this.columns = List.copyOf(columns);
        this.description = description;
        long lists = columns.stream().filter(CsvColumn::perRow).map(c -> c.path().substring(0, c.path().indexOf("[]")))
                .distinct().count();
        if (lists > 1) {
            throw new IllegalStateException("a CSV layout supports one list per message: " + name);
        }
        if (messageIdColumn() < 0) {
            throw new IllegalStateException("layout " + name + " has no column for header.referentienummer");
        }
    }

    public static CsvLayout forType(MessageType type) {
        return BY_TYPE.get(type);
    }

    /** All layouts; two message types share {@code saldoverzoek-antwoord}, the others have their own. */
    public static List<CsvLayout> all() {
        return ALL;
    }

    public static Optional<CsvLayout> byName(String name) {
        return ALL.stream().filter(layout -> layout.name.equals(name)).findFirst();
    }

    /** File-friendly name, e.g. {@code saldoverzoek-antwoord}. */
    public String name() {
        return name;
    }

    /** The message types this layout carries; the first is the default. */
    public List<MessageType> messageTypes() {
        return messageTypes;
    }

    public List<CsvColumn> columns() {
        return columns;
    }

    public String description() {
        return description;
    }

    /** The header row. */
    public List<String> columnNames() {
        return columns.stream().map(CsvColumn::name).toList();
    }

    /** Index of the column holding the message's own Referentienummer, which groups rows into messages. */
    int messageIdColumn() {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).path().equals("header.referentienummer")) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public String toString() {
        return "CsvLayout[" + name + "]";
    }

    // ---------------------------------------------------------------- derived layouts

    private static CsvLayout derived(MessageType type) {
        Columns columns = new Columns();
        for (Component component : Records.shape(Header.class).components()) {
            columns.add(component.elementName(), Role.HEADER, "header." + component.name(), "");
        }
        columns.bodyType = type.bodyType();
        flatten(type.bodyType(), "", "", columns);
        return new CsvLayout(fileName(type), List.of(type), columns.list,
                "Header columns, then every field of " + type.code() + " with its group path as column name.");
    }

    private static void flatten(Class<?> recordType, String pathPrefix, String namePrefix, Columns columns) {
        for (Component component : Records.shape(recordType).components()) {
            String path = pathPrefix + component.name();
            String name = namePrefix + component.elementName();
            if (component.isList()) {
                if (component.itemType().isRecord()) {
                    flatten(component.itemType(), path + "[].", itemGroupName(name) + ".", columns);
                } else {
                    columns.add(name, Role.BODY, path + "[]", "one row per item");
                }
            } else if (component.type().isRecord()) {
                flatten(component.type(), path + ".", name + ".", columns);
            } else {
                columns.add(name, Role.BODY, path, "");
            }
        }
    }

    /** "Vorderingen" groups "Vordering" items: the columns are named after one item, as in the published layout. */
    private static String itemGroupName(String listName) {
        return listName.endsWith("en") ? listName.substring(0, listName.length() - 2) : listName;
    }

    private static String fileName(MessageType type) {
        return type.code().replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    // ---------------------------------------------------------------- the published layout

    private static CsvLayout saldoverzoekAntwoord() {
        Columns c = new Columns();
        c.bodyType = SaldoverzoekAntwoord.class;
        String echo = "repeats the Saldoverzoek for the reader; ignored on read, written empty";
        c.add("ConversatieReferentienummer", Role.HEADER, "header.conversatieReferentienummer", "published column A");
        c.add("Referentienummer", Role.HEADER, "header.crossReferentienummer",
                "published column B: the Referentienummer of the Saldoverzoek answered (our CrossReferentienummer)");
        c.add("Schuldhulpverlener", Role.ECHO, "", echo);
        c.add("Contactpersoon SHV", Role.ECHO, "", echo);
        c.add("KlantnummerSHV", Role.BODY, "klantnummerSHV", "published column E");
        c.add("KlantnummerSEVolgensSHV", Role.ECHO, "", echo);
        c.add("TypeSchuldregeling", Role.ECHO, "", echo);
        c.add("Klant", Role.ECHO, "", echo);
        c.add("Partner", Role.ECHO, "", echo);
        c.add("Adres", Role.ECHO, "", echo);
        c.add("Vordering.FactuurnummerSEVolgensSHV", Role.BODY, "vorderingen[].factuurnummerSEVolgensSHV",
                "published column K: the SHV's invoice number this row answers");
        c.add("Klantnummer SE", Role.BODY, "klantnummerSE", "published column L");
        c.add("Contactpersoon SE.Naam", Role.BODY, "contactpersoon.naam", "published column M");
        c.add("Contactpersoon SE.Email", Role.BODY, "contactpersoon.emailadres", "published column N");
        c.add("Contactpersoon SE.Telefoon", Role.BODY, "contactpersoon.telefoonnummer", "published column O");
        c.add("Klant onbekend", Role.KLANT_ONBEKEND, "",
                "published column P; must be empty: report an unknown client with a Geen medewerking message "
                        + "(layout geen-medewerking, Reden KLANT_ONBEKEND)");
        c.add("Standaard akkoord", Role.VOORAF_AKKOORD, "",
                "published column Q: Ja = SaldoverzoekAntwoordVoorafAkkoord, empty = SaldoverzoekAntwoord");
        c.add("Datum", Role.BODY, "peildatum", "published column R: the date the balances apply to");
        c.add("Schuldtype", Role.BODY, "vorderingen[].schuldtype",
                "published column S: OPENSTAAND, OVERGEDRAGEN or ONBEKEND");
        c.add("FactuurnummerSE", Role.BODY, "vorderingen[].factuurnummerSE", "published column T");
        c.add("openstaand.Ontstaansdatum", Role.BODY, "vorderingen[].ontstaansdatum", "published column U");
        c.add("openstaand.Orginele vordering", Role.BODY, "vorderingen[].oorspronkelijkBedrag",
                "published column V (spelling as published)");
        c.add("Vordering.VorderingsType", Role.BODY, "vorderingen[].vorderingsType", "own extension");
        c.add("Vordering.Hoofdsom", Role.BODY, "vorderingen[].hoofdsom", "own extension");
        c.add("Vordering.Rente", Role.BODY, "vorderingen[].rente", "own extension");
        c.add("Vordering.Kosten", Role.BODY, "vorderingen[].kosten", "own extension");
        c.add("Vordering.ActueelVorderingsbedrag", Role.BODY, "vorderingen[].actueelVorderingsbedrag", "own extension");
        c.add("Vordering.OvergedragenAan", Role.BODY, "vorderingen[].overgedragenAan", "own extension");
        c.add("Vordering.Omschrijving", Role.BODY, "vorderingen[].omschrijving", "own extension");
        c.add("AntwoordReferentienummer", Role.HEADER, "header.referentienummer",
                "own extension: the Referentienummer of this answer (groups the rows of one answer)");
        c.add("Versie", Role.HEADER, "header.versie", "own extension");
        c.add("AfzenderOin", Role.HEADER, "header.afzenderOin", "own extension");
        c.add("OntvangerOin", Role.HEADER, "header.ontvangerOin", "own extension");
        c.add("Aangemaakt", Role.HEADER, "header.aangemaakt", "own extension");
        return new CsvLayout("saldoverzoek-antwoord",
                List.of(MessageType.SALDOVERZOEK_ANTWOORD, MessageType.SALDOVERZOEK_ANTWOORD_VOORAF_AKKOORD), c.list,
                "Columns A–V as published for \"CSV Saldoverzoek Antwoord\" (A–K repeat the request, L onward "
                        + "the answer), extended from W on. One row per claim.");
    }

    private static final class Columns {
        final List<CsvColumn> list = new ArrayList<>();
        final Map<String, CsvColumn> byName = new LinkedHashMap<>();
        Class<?> bodyType;

        /** Resolving the path here makes a renamed record component fail at class load, not on a file. */
        void add(String name, Role role, String path, String note) {
            String format = switch (role) {
                case HEADER -> CsvValues.describe(CsvPaths.resolve(Header.class, path.substring("header.".length())));
                case BODY -> CsvValues.describe(CsvPaths.resolve(bodyType, path));
                case ECHO -> "text, ignored";
                case VOORAF_AKKOORD, KLANT_ONBEKEND -> "Ja or empty";
            };
            CsvColumn column = new CsvColumn(letter(list.size()), name, role, path, format, note);
            if (byName.put(name, column) != null) {
                throw new IllegalStateException("duplicate CSV column " + name);
            }
            list.add(column);
        }
    }

    /** 0 = A, 25 = Z, 26 = AA. */
    static String letter(int index) {
        StringBuilder letters = new StringBuilder();
        for (int n = index + 1; n > 0; n = (n - 1) / 26) {
            letters.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return letters.toString();
    }
}
