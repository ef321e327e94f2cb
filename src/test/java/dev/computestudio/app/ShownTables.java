package dev.computestudio.app;

import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import org.testfx.api.FxRobot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a table or a list shows its reader: each text as a label draws it (cut with an ellipsis when
 * it has no room), and whether it scrolls sideways.
 */
final class ShownTables {

    private ShownTables() {
    }

    /** Every cell and header of the table shows its whole text, the values are among them, and nothing scrolls sideways. */
    static void assertWholeWithoutScrollingSideways(FxRobot robot, String table, String where, String... values) {
        assertNoSidewaysScrollingAndHeadersWhole(robot, table, where);
        Parent view = robot.lookup(table).queryAs(Parent.class);
        assertThat(cut(view, ".table-cell")).as(where + ": cells of " + table + " cut short").isEmpty();
        assertShownWhole(robot, table, where, values);
    }

    /** The table fits its width and every header shows its whole title. */
    static void assertNoSidewaysScrollingAndHeadersWhole(FxRobot robot, String table, String where) {
        Parent view = robot.lookup(table).queryAs(Parent.class);
        assertThat(scrollsSideways(view)).as(where + ": " + table + " scrolls sideways; columns " + widths(view)).isFalse();
        assertHeadersWhole(robot, table, where);
    }

    /** Every label inside the table's cells (a cell's graphic) shows its whole text. */
    static void assertLabelsInCellsWhole(FxRobot robot, String table, String where) {
        Parent view = robot.lookup(table).queryAs(Parent.class);
        assertThat(shown(view, ".table-cell .label")).as(where + ": labels in " + table).isNotEmpty();
        assertThat(cut(view, ".table-cell .label")).as(where + ": labels in " + table + " cut short").isEmpty();
    }

    /** The table shows each of the values whole in a cell (other cells may be cut). */
    static void assertShownWhole(FxRobot robot, String table, String where, String... values) {
        Map<String, String> shown = shown(robot.lookup(table).queryAs(Parent.class), ".table-cell");
        for (String value : values) {
            assertThat(shown).as(where + ": " + table + " shows " + value).containsEntry(value, value);
        }
    }

    /** Every column header of the table shows its whole title. */
    static void assertHeadersWhole(FxRobot robot, String table, String where) {
        Parent view = robot.lookup(table).queryAs(Parent.class);
        assertThat(cut(view, ".column-header .label")).as(where + ": headers of " + table + " cut short").isEmpty();
    }

    /** Every label in the list's cells shows its whole text, on as many lines as it needs. */
    static void assertListTextsWhole(FxRobot robot, String list, String where) {
        Parent view = robot.lookup(list).queryAs(Parent.class);
        Map<String, String> shown = shown(view, ".list-cell .label");
        assertThat(shown).as(where + ": " + list + " shows texts").isNotEmpty();
        assertThat(cut(view, ".list-cell .label")).as(where + ": texts of " + list + " cut short").isEmpty();
    }

    /**
     * The labelled parts of a control (a button itself, the value a drop-down shows) draw their whole
     * text, on as many lines as they need.
     */
    static void assertTextWhole(FxRobot robot, String control, String labeled, String where) {
        Parent view = robot.lookup(control).queryAs(Parent.class);
        String what = control + " " + labeled;
        assertThat(shown(view, labeled)).as(where + ": " + what + " shows a text").isNotEmpty();
        assertThat(cut(view, labeled)).as(where + ": " + what + " cut short").isEmpty();
    }

    /** Each shown column's title, width and least width, for a failure's message. */
    private static String widths(Parent view) {
        StringBuilder widths = new StringBuilder(String.valueOf(view.getLayoutBounds().getWidth()));
        if (view instanceof TableView<?> table) {
            for (TableColumn<?, ?> column : table.getVisibleLeafColumns()) {
                widths.append(", ").append(column.getText()).append('=').append(column.getWidth())
                        .append(" (least ").append(column.getMinWidth()).append(')');
            }
        }
        return widths.toString();
    }

    private static boolean scrollsSideways(Parent view) {
        return view.lookupAll(".scroll-bar").stream().anyMatch(node -> node instanceof ScrollBar bar
                && bar.getOrientation() == Orientation.HORIZONTAL && bar.isVisible() && bar.getVisibleAmount() < bar.getMax());
    }

    /** The texts that are drawn cut short, each with what is drawn. */
    private static List<String> cut(Parent view, String selector) {
        List<String> cut = new ArrayList<>();
        shown(view, selector).forEach((text, drawn) -> {
            if (!text.equals(drawn)) {
                cut.add(text + " drawn as " + drawn);
            }
        });
        return cut;
    }

    /** Each visible label's text and what it draws of it. */
    private static Map<String, String> shown(Parent view, String selector) {
        Map<String, String> shown = new LinkedHashMap<>();
        for (Node node : view.lookupAll(selector)) {
            if (node instanceof Labeled labeled && showing(labeled) && labeled.getText() != null
                    && !labeled.getText().isEmpty()) {
                // The label's own text node (a graphic such as an icon may be a Text too).
                labeled.getChildrenUnmodifiable().stream()
                        .filter(child -> child instanceof Text && child.getStyleClass().contains("text"))
                        .map(Text.class::cast).findFirst()
                        .ifPresent(drawn -> shown.put(labeled.getText(), drawn.getText()));
            }
        }
        return shown;
    }

    private static boolean showing(Node node) {
        for (Node at = node; at != null; at = at.getParent()) {
            if (!at.isVisible()) {
                return false;
            }
        }
        return true;
    }
}
