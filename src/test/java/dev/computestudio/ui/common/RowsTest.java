package dev.computestudio.ui.common;

import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RowsTest {

    private record Item(String key, int value) {
    }

    private static final class Row {
        final String key;
        int value;

        Row(Item item) {
            key = item.key();
            value = item.value();
        }

        @Override
        public String toString() {
            return key + "=" + value;
        }
    }

    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final List<ListChangeListener.Change<? extends Row>> changes = new ArrayList<>();

    private void sync(Item... items) {
        Rows.sync(rows, List.of(items), Item::key, row -> row.key, Row::new, (row, item) -> row.value = item.value());
    }

    private static Item item(String key, int value) {
        return new Item(key, value);
    }

    private void recordChanges() {
        rows.addListener((ListChangeListener<Row>) change -> changes.add(change));
    }

    @Test
    void keepsTheRowsOfItemsStillThereAndUpdatesThemInPlace() {
        sync(item("a", 1), item("b", 2));
        Row a = rows.get(0);
        Row b = rows.get(1);

        sync(item("a", 10), item("b", 20));

        assertThat(rows).containsExactly(a, b);
        assertThat(a.value).isEqualTo(10);
        assertThat(b.value).isEqualTo(20);
    }

    @Test
    void removesTheRowsOfGoneItemsAndInsertsNewOnesWhereTheyBelong() {
        sync(item("a", 1), item("b", 2), item("c", 3));
        Row a = rows.get(0);
        Row c = rows.get(2);

        sync(item("new1", 0), item("a", 1), item("new2", 0), item("c", 3), item("new3", 0));

        assertThat(rows).extracting(row -> row.key).containsExactly("new1", "a", "new2", "c", "new3");
        assertThat(rows.get(1)).isSameAs(a);
        assertThat(rows.get(3)).isSameAs(c);
    }

    @Test
    void aFirstFillReachesTheListenersAsOneInsertion() {
        recordChanges();
        List<Item> many = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            many.add(item("job-" + i, i));
        }

        Rows.sync(rows, many, Item::key, row -> row.key, Row::new, (row, item) -> row.value = item.value());

        assertThat(rows).hasSize(2_000);
        assertThat(changes).hasSize(1);
    }

    @Test
    void newItemsSideBySideAreOneInsertionAndGoneOnesOneRemoval() {
        sync(item("c", 3), item("d", 4), item("e", 5));
        recordChanges();

        sync(item("a", 1), item("b", 2), item("c", 3), item("e", 5));

        assertThat(rows).extracting(row -> row.key).containsExactly("a", "b", "c", "e");
        assertThat(changes).hasSize(2);
    }

    @Test
    void unchangedItemsChangeNothingInTheList() {
        sync(item("a", 1), item("b", 2));
        recordChanges();

        sync(item("a", 1), item("b", 2));

        assertThat(changes).isEmpty();
    }

    @Test
    void itemsInAnotherOrderKeepTheirRows() {
        sync(item("a", 1), item("b", 2));
        Row a = rows.get(0);
        Row b = rows.get(1);

        sync(item("b", 20), item("a", 10), item("c", 3));

        assertThat(rows).extracting(row -> row.key).containsExactly("b", "a", "c");
        assertThat(rows.get(0)).isSameAs(b);
        assertThat(rows.get(1)).isSameAs(a);
        assertThat(b.value).isEqualTo(20);
    }
}
