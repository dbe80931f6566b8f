package nl.knooppunt.gateway.shared;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The allowed transitions of one state machine, declared once and checked everywhere a status
 * changes. A status that is not a key of the table is terminal.
 */
public final class Transitions<S extends Enum<S>> {

    private final Class<S> type;
    private final Map<S, Set<S>> allowed;

    private Transitions(Class<S> type, Map<S, Set<S>> allowed) {
        this.type = type;
        this.allowed = allowed;
    }

    public static <S extends Enum<S>> Builder<S> of(Class<S> type) {
        return new Builder<>(type);
    }

    public boolean isAllowed(S from, S to) {
        return allowed.getOrDefault(from, Set.of()).contains(to);
    }

    public Set<S> allowedFrom(S from) {
        return Collections.unmodifiableSet(allowed.getOrDefault(from, EnumSet.noneOf(type)));
    }

    public boolean isTerminal(S status) {
        return allowedFrom(status).isEmpty();
    }

    /** Throws when {@code from -> to} is not in the table. */
    public void check(S from, S to) {
        if (!isAllowed(from, to)) {
            throw new IllegalTransitionException(type.getSimpleName(), from.name(), to.name());
        }
    }

    public static final class Builder<S extends Enum<S>> {
        private final Class<S> type;
        private final Map<S, Set<S>> allowed;

        private Builder(Class<S> type) {
            this.type = type;
            this.allowed = new EnumMap<>(type);
        }

        @SafeVarargs
        public final Builder<S> from(S from, S... to) {
            EnumSet<S> targets = EnumSet.noneOf(type);
            targets.addAll(java.util.List.of(to));
            allowed.merge(from, targets, (a, b) -> {
                a.addAll(b);
                return a;
            });
            return this;
        }

        public Transitions<S> build() {
            Map<S, Set<S>> frozen = new EnumMap<>(type);
            allowed.forEach((k, v) -> frozen.put(k, Collections.unmodifiableSet(EnumSet.copyOf(v))));
            return new Transitions<>(type, Collections.unmodifiableMap(frozen));
        }
    }
}
