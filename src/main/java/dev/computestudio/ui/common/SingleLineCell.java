package dev.computestudio.ui.common;

import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

import java.util.Objects;
import java.util.function.Function;

/**
 * A table cell that shows its value on one line, cut with an ellipsis when the column is too
 * narrow, with the full value in a tooltip. Subclasses may add a graphic or a style in
 * {@link #updateItem}, after calling it, and may set a tooltip of their own there.
 */
public class SingleLineCell<S, T> extends TableCell<S, T> {

    private final Function<T, String> text;
    /**
     * Made when the pointer first enters the cell: a tooltip is a window of its own, and making one
     * for each of a table's hundreds of cells cost a screen's first layout a third of its time.
     */
    private Tooltip wholeValue;

    public SingleLineCell(Function<T, String> text) {
        this.text = Objects.requireNonNull(text, "text");
        getStyleClass().add("single-line-cell");
        Columns.measure(this);
        addEventHandler(MouseEvent.MOUSE_ENTERED, event -> offerWholeValue());
    }

    @Override
    protected void updateItem(T item, boolean empty) {
        super.updateItem(item, empty);
        setText(empty || item == null ? null : text.apply(item));
        if (wholeValue != null) {
            offerWholeValue();
        }
    }

    /** Puts the cell's whole text in its tooltip, unless the cell shows one of its own. */
    private void offerWholeValue() {
        if (getTooltip() != null && getTooltip() != wholeValue) {
            return;
        }
        String shown = getText();
        if (shown == null || shown.isEmpty()) {
            setTooltip(null);
            return;
        }
        if (wholeValue == null) {
            wholeValue = new Tooltip();
            wholeValue.setWrapText(true);
            wholeValue.setMaxWidth(480);
        }
        wholeValue.setText(shown);
        setTooltip(wholeValue);
    }
}
