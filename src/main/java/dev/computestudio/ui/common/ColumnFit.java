package dev.computestudio.ui.common;

import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.scene.Node;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What one column knows about its width: whether it is kept or flexible, and the widest content
 * its cells reported, in em, and the text size they last had. Stored in the column's properties.
 */
final class ColumnFit {

    private static final Object KEY = ColumnFit.class;
    /** A kept column grows with its content up to this many em; longer values are cut. */
    private static final double KEEP_CAP_EM = 22;
    /** The narrowest a flexible column gets before kept columns give way. */
    private static final double FLEX_MIN_EM = 4;
    /** Room in a header for its padding and the sort arrow. */
    private static final double HEADER_EXTRA_EM = 2.0;
    private static final double DEFAULT_FONT_SIZE = Font.getDefault().getSize();
    /** One text node, used on the FX thread only, measures every cell: a new one each time cost a layout per cell. */
    private static final Text MEASURED = new Text();

    private final TableColumn<?, ?> column;
    private boolean kept;
    private boolean optional;
    private double fontSize = DEFAULT_FONT_SIZE;
    /** The widest content per text size, in em: at a new size it is measured anew, the others are an estimate. */
    private final Map<Double, Double> widestEmAt = new HashMap<>();
    private boolean refitPending;
    /** The header's width with its extra room, for the text and size it was measured at. */
    private String headerMeasured;
    private double headerMeasuredAt;
    private double headerWidth;

    private ColumnFit(TableColumn<?, ?> column) {
        this.column = column;
    }

    static ColumnFit of(TableColumn<?, ?> column) {
        return (ColumnFit) column.getProperties().computeIfAbsent(KEY, key -> new ColumnFit(column));
    }

    /** The column's fit when it was declared; a column never declared is flexible. */
    static boolean isKept(TableColumn<?, ?> column) {
        Object fit = column.getProperties().get(KEY);
        return fit instanceof ColumnFit known && known.kept;
    }

    /** Whether a narrow table hides the column rather than scroll sideways. */
    static boolean isOptional(TableColumn<?, ?> column) {
        Object fit = column.getProperties().get(KEY);
        return fit instanceof ColumnFit known && known.optional;
    }

    /** The least width the layout gives the column. */
    static double least(TableColumn<?, ?> column) {
        Object fit = column.getProperties().get(KEY);
        double size = fit instanceof ColumnFit known ? known.fontSize : DEFAULT_FONT_SIZE;
        return isKept(column) ? column.getMinWidth() : Math.max(column.getMinWidth(), FLEX_MIN_EM * size);
    }

    void keep() {
        kept = true;
        column.textProperty().addListener((observable, old, now) -> grow());
        grow();
    }

    void flex() {
        kept = false;
        optional = false;
    }

    void optional() {
        keep();
        optional = true;
    }

    static void measure(TableCell<?, ?> cell) {
        cell.setWrapText(false);
        cell.setTextOverrun(OverrunStyle.ELLIPSIS);
        InvalidationListener report = observable -> report(cell);
        // On a change, not an invalidation: a cell bound to a row's value is invalidated on every refresh.
        cell.textProperty().addListener((observable, old, now) -> report(cell));
        // A graphic made in updateItem (an icon) gets its size from the style sheet only later.
        cell.graphicProperty().addListener((observable, old, now) -> {
            if (old != null) {
                old.layoutBoundsProperty().removeListener(report);
            }
            if (now != null) {
                now.layoutBoundsProperty().addListener(report);
            }
            report(cell);
        });
        cell.fontProperty().addListener(report);
        cell.insetsProperty().addListener(report);
        cell.tableColumnProperty().addListener(report);
        cell.skinProperty().addListener(report);
    }

    private static void report(TableCell<?, ?> cell) {
        TableColumn<?, ?> column = cell.getTableColumn();
        // A cell without a skin has not had its style yet: its font and padding are not the real ones.
        if (column == null || !isKept(column) || cell.getSkin() == null) {
            return;
        }
        of(column).offer(cell);
    }

    private void offer(TableCell<?, ?> cell) {
        Font font = cell.getFont();
        double needed = textWidth(cell.getText(), font) + cell.snappedLeftInset() + cell.snappedRightInset();
        Node graphic = cell.getGraphic();
        if (graphic != null) {
            needed += graphic.prefWidth(-1) + cell.getGraphicTextGap();
        }
        // In em, so that what was measured estimates another text size (the presentation zoom) until
        // the cells measure again at that size. Kept per size: while the zoom changes, an icon may
        // have its new size before its cell has its new font: that counts only at the size it was taken at.
        fontSize = font.getSize();
        widestEmAt.merge(fontSize, needed / fontSize, Math::max);
        grow();
    }

    private void grow() {
        double widestEm = widestEmAt.getOrDefault(fontSize,
                widestEmAt.values().stream().mapToDouble(Double::doubleValue).max().orElse(0));
        double least = Math.ceil(Math.min(Math.max(widestEm * fontSize, headerWidth()), KEEP_CAP_EM * fontSize));
        if (least != column.getMinWidth()) {
            column.setMinWidth(least);
            refitLater();
        }
    }

    /** Measured again only when the header's text or the text size changed: cells report on every refresh. */
    private double headerWidth() {
        if (!Objects.equals(column.getText(), headerMeasured) || fontSize != headerMeasuredAt) {
            headerMeasured = column.getText();
            headerMeasuredAt = fontSize;
            Font header = Font.font(Font.getDefault().getFamily(), FontWeight.BOLD, fontSize);
            headerWidth = textWidth(headerMeasured, header) + HEADER_EXTRA_EM * fontSize;
        }
        return headerWidth;
    }

    /** Lays the table out again once the cells being laid out now have all reported. */
    private void refitLater() {
        TableView<?> table = column.getTableView();
        if (refitPending || table == null) {
            return;
        }
        refitPending = true;
        Platform.runLater(() -> {
            refitPending = false;
            ColumnWidthPolicy.refit(table);
        });
    }

    private static double textWidth(String text, Font font) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        MEASURED.setText(text);
        MEASURED.setFont(font);
        return MEASURED.getLayoutBounds().getWidth();
    }
}
