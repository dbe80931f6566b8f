package nl.knooppunt.mappings.csv;

/**
 * One column of a CSV layout.
 *
 * @param letter the spreadsheet column letter (A, B, ..., AA, ...)
 * @param name   the header-row name of the column
 * @param role   what the column holds
 * @param path   for {@link Role#HEADER} and {@link Role#BODY}: the canonical record path, e.g.
 *               {@code header.referentienummer}, {@code gegevensKlant.klant.achternaam},
 *               {@code vorderingen[].schuldtype} (one value per row) or {@code factuurnummersSE[]};
 *               empty otherwise
 * @param format how the cell is written, e.g. {@code amount 1234,56} or {@code date dd-mm-jjjj}
 * @param note   extra documentation, e.g. for the published columns; may be empty
 */
public record CsvColumn(String letter, String name, Role role, String path, String format, String note) {

    public enum Role {
        /** A header field ({@code path} starts with {@code header.}). */
        HEADER,
        /** A body field. */
        BODY,
        /** Repeats the request for the person filling in the sheet; ignored on read, written empty. */
        ECHO,
        /** "Standaard akkoord": {@code Ja} makes the row a Saldoverzoek antwoord vooraf akkoord. */
        VOORAF_AKKOORD,
        /** "Klant onbekend": must stay empty; an unknown client is reported with a Geen medewerking message. */
        KLANT_ONBEKEND
    }

    /** Whether the value may differ per row of one message (it belongs to a list item). */
    public boolean perRow() {
        return path.contains("[]");
    }
}
