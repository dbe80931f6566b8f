package nl.knooppunt.gateway.shared;

import java.util.List;

/** One page of a longer result. */
public record PageOf<T>(List<T> items, int page, int size, long totalItems) {

    public long totalPages() {
        return (totalItems + size - 1) / size;
    }
}
