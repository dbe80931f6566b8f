package nl.knooppunt.gateway.outbound;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import nl.knooppunt.gateway.shared.Transitions;

/**
 * The {@code status in (...)} guard of a status-changing statement, built from the transition
 * table: a row moves to a status only from where the table allows it, so the SQL cannot drift from
 * the table.
 */
final class StatusGuard {

    private StatusGuard() {}

    /** The statuses from which the table allows a move to {@code to}. */
    static <S extends Enum<S>> Set<S> sourcesOf(Transitions<S> table, S to) {
        Set<S> sources = EnumSet.noneOf(to.getDeclaringClass());
        for (S from : to.getDeclaringClass().getEnumConstants()) {
            if (table.isAllowed(from, to)) {
                sources.add(from);
            }
        }
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("The table allows no move to " + to);
        }
        return sources;
    }

    /** {@code <column> in ('A', 'B')}: the rows the table allows to move to {@code to}. */
    static <S extends Enum<S>> String sql(String column, Transitions<S> table, S to) {
        return column + " in (" + sourcesOf(table, to).stream().map(s -> "'" + s.name() + "'")
                .collect(Collectors.joining(", ")) + ")";
    }
}
