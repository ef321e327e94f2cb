package dev.computestudio.ui.compute;

import javafx.collections.ObservableList;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Brings a list of rows in line with fresh items by key: rows of items still there are updated
 * in place, gone ones removed, new ones inserted where they belong. A table over the list thus
 * keeps its selection and scroll position.
 */
final class Rows {

    private Rows() {
    }

    static <T, R> void sync(ObservableList<R> rows, List<T> items, Function<T, String> itemKey,
                            Function<R, String> rowKey, Function<T, R> create, BiConsumer<R, T> update) {
        Set<String> wanted = items.stream().map(itemKey).collect(Collectors.toSet());
        rows.removeIf(row -> !wanted.contains(rowKey.apply(row)));
        Map<String, R> existing = new HashMap<>();
        rows.forEach(row -> existing.put(rowKey.apply(row), row));
        if (!keptInOrder(rows, items, itemKey, rowKey, existing)) {
            // The source changed its order, which it does not do today; start over rather than mislead.
            rows.setAll(items.stream().map(create).toList());
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            T item = items.get(i);
            R row = existing.get(itemKey.apply(item));
            if (row == null) {
                rows.add(i, create.apply(item));
            } else {
                update.accept(row, item);
            }
        }
    }

    /** Whether the rows left are in the order the items list them. */
    private static <T, R> boolean keptInOrder(List<R> rows, List<T> items, Function<T, String> itemKey,
                                              Function<R, String> rowKey, Map<String, R> existing) {
        List<String> itemOrder = items.stream().map(itemKey).filter(existing::containsKey).toList();
        List<String> rowOrder = rows.stream().map(rowKey).toList();
        return Objects.equals(itemOrder, rowOrder);
    }
}
