package nl.knooppunt.mappings.csv;

import java.util.List;
import nl.knooppunt.mappings.internal.Records;
import nl.knooppunt.mappings.internal.Records.Component;

/** Navigates canonical records along column paths such as {@code vorderingen[].schuldtype}. */
final class CsvPaths {
    private CsvPaths() {
    }

    /** The Java type of the value at the path. */
    static Class<?> resolve(Class<?> rootType, String path) {
        Class<?> type = rootType;
        for (String segment : path.split("\\.")) {
            boolean list = segment.endsWith("[]");
            Component component = component(type, list ? segment.substring(0, segment.length() - 2) : segment);
            if (list != component.isList()) {
                throw new IllegalStateException("path " + path + ": " + component.name()
                        + (list ? " is not a list" : " is a list; write " + component.name() + "[]"));
            }
            type = list ? component.itemType() : component.type();
        }
        return type;
    }

    /** The value at the path, taking item {@code item} of the list on the path; null when absent. */
    static Object get(Object root, String path, int item) {
        Object current = root;
        for (String segment : path.split("\\.")) {
            if (current == null) {
                return null;
            }
            boolean list = segment.endsWith("[]");
            Component component = component(current.getClass(), list ? segment.substring(0, segment.length() - 2) : segment);
            current = component.get(current);
            if (list) {
                List<?> items = (List<?>) current;
                current = item < items.size() ? items.get(item) : null;
            }
        }
        return current;
    }

    /** The size of the list at {@code listPath} (without {@code []}), 0 when absent. */
    static int size(Object root, String listPath) {
        Object list = get(root, listPath, 0);
        return list instanceof List<?> items ? items.size() : 0;
    }

    static Component component(Class<?> type, String name) {
        for (Component component : Records.shape(type).components()) {
            if (component.name().equals(name)) {
                return component;
            }
        }
        throw new IllegalStateException(type.getSimpleName() + " has no component " + name);
    }
}
