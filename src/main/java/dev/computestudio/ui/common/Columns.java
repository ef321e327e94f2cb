package dev.computestudio.ui.common;

import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

import java.util.Objects;
import java.util.function.Function;

/**
 * How a table's columns share its width, so that a projector's 1024 px still shows names, sizes
 * and states in full. A {@link #keep kept} column never gets narrower than its header and the
 * widest value it has shown (up to a cap); a {@link #flex flexible} column gives way first on a
 * narrow window and takes the extra on a wide one; an {@link #optional} column is hidden when the
 * kept ones need its room. Too narrow for every kept column, the table scrolls sideways rather
 * than cutting them. Values stay on one line, cut with an ellipsis, and a
 * tooltip shows them in full.
 *
 * <pre>{@code
 * Columns.fit(table);
 * table.getColumns().addAll(
 *         Columns.keep(Columns.singleLine(name, String::valueOf)),
 *         Columns.flex(Columns.singleLine(notes, String::valueOf)));
 * }</pre>
 * A column with a cell factory of its own calls {@link #measure(TableCell)} from its cell's
 * constructor (or extends {@link SingleLineCell}) so that a kept column learns its content's width.
 */
public final class Columns {

    private Columns() {
    }

    /** Lays the table's columns out by these rules; columns not declared are flexible. */
    public static void fit(TableView<?> table) {
        table.setColumnResizePolicy(new ColumnWidthPolicy());
    }

    /** A column that keeps its width first: a name, a size, a state. */
    public static <S, T> TableColumn<S, T> keep(TableColumn<S, T> column) {
        ColumnFit.of(column).keep();
        return column;
    }

    /**
     * A column a narrow table hides rather than scroll sideways, cut a kept column or take a
     * flexible one below its preferred width: it keeps its width while it shows, and of the optional
     * columns the rightmost goes first. For values the screen also shows elsewhere (a details pane),
     * such as a tier or an exit code.
     */
    public static <S, T> TableColumn<S, T> optional(TableColumn<S, T> column) {
        ColumnFit.of(column).optional();
        return column;
    }

    /** A column that gives way first on a narrow window and takes the extra width of a wide one. */
    public static <S, T> TableColumn<S, T> flex(TableColumn<S, T> column) {
        ColumnFit.of(column).flex();
        return column;
    }

    /** Cells on one line, cut with an ellipsis, their full value in a tooltip. */
    public static <S, T> TableColumn<S, T> singleLine(TableColumn<S, T> column, Function<T, String> text) {
        Objects.requireNonNull(text, "text");
        column.setCellFactory(owner -> new SingleLineCell<>(text));
        return column;
    }

    /**
     * For a cell of a column's own cell factory: reports the width its text and graphic need, so a
     * kept column is never narrower, and keeps its text on one line.
     */
    public static void measure(TableCell<?, ?> cell) {
        ColumnFit.measure(cell);
    }
}
