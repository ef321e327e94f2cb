package dev.computestudio.ui.common;

import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.util.Callback;

import java.util.ArrayList;
import java.util.List;

/**
 * The column layout of {@link Columns#fit}: every column starts at its preferred width (never below
 * its least); a wide table gives the rest to the flexible columns; a narrow one takes from the
 * flexible columns first, then from the kept ones, never below their least, and then scrolls.
 * A column the user drags keeps the width it was given.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
final class ColumnWidthPolicy implements Callback<TableView.ResizeFeatures, Boolean> {

    @Override
    public Boolean call(TableView.ResizeFeatures features) {
        TableColumn dragged = features.getColumn();
        if (dragged != null) {
            boolean resized = TableView.UNCONSTRAINED_RESIZE_POLICY.call(features);
            dragged.setPrefWidth(dragged.getWidth());
            return resized;
        }
        double available = Math.floor(features.getContentWidth());
        if (available <= 0) {
            return false;
        }
        showOptionalColumnsThatFit(features.getTable(), available);
        List<? extends TableColumn<?, ?>> leaves = features.getTable().getVisibleLeafColumns();
        if (leaves.isEmpty()) {
            return false;
        }
        double[] widths = widths(leaves, available);
        for (int i = 0; i < leaves.size(); i++) {
            features.setColumnWidth(leaves.get(i), widths[i]);
        }
        return true;
    }

    /** Lays the table's columns out again, e.g. after a column learnt it needs more room. */
    static void refit(TableView<?> table) {
        if (table.getColumnResizePolicy() instanceof ColumnWidthPolicy policy) {
            policy.call(new TableView.ResizeFeatures(table, null, 0.0));
        }
    }

    /**
     * Shows the optional columns, left to right, while they fit beside every other shown column (a
     * kept one at its least width, a flexible one at its preferred width), and hides the rest. It decides
     * from those widths only, never from the widths it sets, so laying out again gives the same answer.
     */
    private static void showOptionalColumnsThatFit(TableView<?> table, double available) {
        List<TableColumn<?, ?>> leaves = new ArrayList<>();
        collectLeaves(table.getColumns(), leaves);
        double needed = 0;
        for (TableColumn<?, ?> column : leaves) {
            if (ColumnFit.isOptional(column) || !column.isVisible()) {
                continue;
            }
            if (ColumnFit.isKept(column)) {
                needed += ColumnFit.least(column);
            } else {
                needed += Math.max(ColumnFit.least(column), column.getPrefWidth());
            }
        }
        boolean fits = true;
        for (TableColumn<?, ?> column : leaves) {
            if (ColumnFit.isOptional(column)) {
                needed += ColumnFit.least(column);
                fits &= needed <= available;
                column.setVisible(fits);
            }
        }
    }

    private static void collectLeaves(List<? extends TableColumn<?, ?>> columns, List<TableColumn<?, ?>> leaves) {
        for (TableColumn<?, ?> column : columns) {
            if (column.getColumns().isEmpty()) {
                leaves.add(column);
            } else {
                collectLeaves(column.getColumns(), leaves);
            }
        }
    }

    private static double[] widths(List<? extends TableColumn<?, ?>> leaves, double available) {
        int count = leaves.size();
        double[] least = new double[count];
        double[] widths = new double[count];
        boolean anyFlexible = false;
        double total = 0;
        for (int i = 0; i < count; i++) {
            TableColumn<?, ?> column = leaves.get(i);
            least[i] = ColumnFit.least(column);
            widths[i] = Math.floor(Math.max(least[i], column.getPrefWidth()));
            anyFlexible |= !ColumnFit.isKept(column);
            total += widths[i];
        }
        if (total < available) {
            grow(leaves, widths, available - total, anyFlexible);
        } else {
            double excess = shrink(leaves, widths, least, total - available, false);
            shrink(leaves, widths, least, excess, true);
        }
        return widths;
    }

    /** Shares the extra among the flexible columns (or every column when none is), by their width. */
    private static void grow(List<? extends TableColumn<?, ?>> leaves, double[] widths, double extra,
                             boolean toFlexibleOnly) {
        double base = 0;
        int last = -1;
        for (int i = 0; i < widths.length; i++) {
            if (!toFlexibleOnly || !ColumnFit.isKept(leaves.get(i))) {
                base += widths[i];
                last = i;
            }
        }
        double given = 0;
        for (int i = 0; i < widths.length && base > 0; i++) {
            if (!toFlexibleOnly || !ColumnFit.isKept(leaves.get(i))) {
                double share = i == last ? extra - given : Math.floor(extra * widths[i] / base);
                widths[i] += share;
                given += share;
            }
        }
    }

    /** Takes up to the excess from the flexible (or the kept) columns, by their room above least; returns what is left. */
    private static double shrink(List<? extends TableColumn<?, ?>> leaves, double[] widths, double[] least,
                                 double excess, boolean kept) {
        double room = 0;
        for (int i = 0; i < widths.length; i++) {
            if (ColumnFit.isKept(leaves.get(i)) == kept) {
                room += widths[i] - least[i];
            }
        }
        if (room <= 0 || excess <= 0) {
            return excess;
        }
        double taking = Math.min(excess, room);
        double taken = 0;
        for (int i = 0; i < widths.length; i++) {
            if (ColumnFit.isKept(leaves.get(i)) == kept) {
                double share = Math.min(widths[i] - least[i], Math.ceil(taking * (widths[i] - least[i]) / room));
                share = Math.min(share, taking - taken);
                widths[i] -= share;
                taken += share;
            }
        }
        return excess - taken;
    }
}
