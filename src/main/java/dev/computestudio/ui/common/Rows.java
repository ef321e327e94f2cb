package dev.computestudio.ui.common;

import javafx.beans.property.Property;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Selects a listed row (what a notice or a demo step is about), and brings a list of rows in line
 * with fresh items by key: rows of items still there are updated in place, gone ones removed, new
 * ones inserted where they belong. A table over the list thus keeps its selection and scroll
 * position. Every change reaches the list's listeners in as few events as it can: one for all
 * removals and one for each run of new rows side by side, so the first read of 2,000 jobs is one
 * insertion, not 2,000 (a table redoes its selection and layout bookkeeping on each).
 */
public final class Rows {

    private Rows() {
    }

    /** Selects the first row that matches, when one is listed; says whether one was. */
    public static <T> boolean selectListed(List<T> rows, Predicate<T> matches, Property<T> selection) {
        Optional<T> row = rows.stream().filter(matches).findFirst();
        row.ifPresent(selection::setValue);
        return row.isPresent();
    }

    public static <T, R> void sync(ObservableList<R> rows, List<T> items, Function<T, String> itemKey,
                                   Function<R, String> rowKey, Function<T, R> create, BiConsumer<R, T> update) {
        Set<String> wanted = items.stream().map(itemKey).collect(Collectors.toSet());
        // removeAll, unlike removeIf, tells the listeners once.
        Set<R> gone = rows.stream().filter(row -> !wanted.contains(rowKey.apply(row))).collect(Collectors.toSet());
        if (!gone.isEmpty()) {
            rows.removeAll(gone);
        }
        Map<String, R> existing = new HashMap<>();
        rows.forEach(row -> existing.put(rowKey.apply(row), row));
        if (!keptInOrder(rows, items, itemKey, rowKey, existing)) {
            // The items changed their order: one replacement, keeping the rows that stay.
            rows.setAll(items.stream().map(item -> {
                R row = existing.get(itemKey.apply(item));
                if (row == null) {
                    return create.apply(item);
                }
                update.accept(row, item);
                return row;
            }).toList());
            return;
        }
        List<R> run = new ArrayList<>();
        int runStart = 0;
        for (int i = 0; i < items.size(); i++) {
            T item = items.get(i);
            R row = existing.get(itemKey.apply(item));
            if (row == null) {
                if (run.isEmpty()) {
                    runStart = i;
                }
                run.add(create.apply(item));
            } else {
                insert(rows, runStart, run);
                update.accept(row, item);
            }
        }
        insert(rows, runStart, run);
    }

    private static <R> void insert(ObservableList<R> rows, int at, List<R> run) {
        if (!run.isEmpty()) {
            rows.addAll(at, run);
            run.clear();
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
