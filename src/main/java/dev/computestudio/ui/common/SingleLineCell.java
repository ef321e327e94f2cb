package dev.computestudio.ui.common;

import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;

import java.util.Objects;
import java.util.function.Function;

/**
 * A table cell that shows its value on one line, cut with an ellipsis when the column is too
 * narrow, with the full value in a tooltip. Subclasses may add a graphic or a style in
 * {@link #updateItem}, after calling it.
 */
public class SingleLineCell<S, T> extends TableCell<S, T> {

    private final Function<T, String> text;
    private final Tooltip tooltip = new Tooltip();

    public SingleLineCell(Function<T, String> text) {
        this.text = Objects.requireNonNull(text, "text");
        getStyleClass().add("single-line-cell");
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(480);
        Columns.measure(this);
    }

    @Override
    protected void updateItem(T item, boolean empty) {
        super.updateItem(item, empty);
        String shown = empty || item == null ? null : text.apply(item);
        setText(shown);
        if (shown == null || shown.isEmpty()) {
            setTooltip(null);
        } else {
            tooltip.setText(shown);
            setTooltip(tooltip);
        }
    }
}
