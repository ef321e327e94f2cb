package dev.computestudio.ui.common;

import dev.computestudio.testing.TestStage;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Orientation;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** A table laid out by {@link Columns}, on a headless stage. */
@ExtendWith(ApplicationExtension.class)
class ColumnsTest {

    private static final String SIZE = "Standard_NC4as_T4_v3";
    private static final String STATE = "Succeeded";

    private TableColumn<List<String>, String> size;
    private TableColumn<List<String>, String> state;
    private TableColumn<List<String>, String> notes;
    private TableColumn<List<String>, String> exitCode;
    private TableView<List<String>> table;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        table = new TableView<>();
        size = column("Size", 0);
        state = column("State", 1);
        notes = column("Notes", 2);
        exitCode = column("Exit code", 3);
        Columns.fit(table);
        table.getColumns().addAll(List.of(
                Columns.keep(Columns.singleLine(size, text -> text)),
                Columns.keep(Columns.singleLine(state, text -> text)),
                Columns.flex(Columns.singleLine(notes, text -> text)),
                Columns.optional(Columns.singleLine(exitCode, text -> text))));
        table.getItems().add(List.of(SIZE, STATE, "a long note that may be cut on a narrow window", "137"));
        TestStage.setScene(stage, new StackPane(table), 260, 200);
        stage.show();
    }

    @Test
    void keptColumnsShowTheirWholeValueOnANarrowTable(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();

        TableCell<?, ?> sizeCell = cell(robot, SIZE);
        assertThat(size.getWidth()).isGreaterThanOrEqualTo(textWidth(sizeCell, SIZE));
        assertThat(state.getWidth()).isGreaterThanOrEqualTo(textWidth(cell(robot, STATE), STATE));
        assertThat(sizeCell.isWrapText()).isFalse();
    }

    @Test
    void aWideTableGivesItsExtraToTheFlexibleColumn(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        double sizeWidth = size.getWidth();
        double notesWidth = notes.getWidth();

        robot.interact(() -> stage.setWidth(900));
        WaitForAsyncUtils.waitForFxEvents();

        // The size's cells measure again as they are laid out anew, which may move it by a pixel or two.
        assertThat(size.getWidth()).isCloseTo(sizeWidth, within(3.0));
        // Most of the 640 px more: the optional exit code, shown again, takes its own width.
        assertThat(notes.getWidth()).isGreaterThan(notesWidth + 400);
    }

    @Test
    void aNarrowTableHidesItsOptionalColumnRatherThanScrollSidewaysAndShowsItAgainWhenWide(FxRobot robot) {
        robot.interact(() -> stage.setWidth(380));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(exitCode.isVisible()).as("the exit code on a narrow table").isFalse();
        assertThat(horizontalScrollBarShown()).isFalse();
        TableCell<?, ?> sizeCell = cell(robot, SIZE);
        assertThat(size.getWidth()).isGreaterThanOrEqualTo(textWidth(sizeCell, SIZE));

        robot.interact(() -> stage.setWidth(900));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(exitCode.isVisible()).as("the exit code on a wide table").isTrue();
        assertThat(exitCode.getWidth()).isGreaterThanOrEqualTo(textWidth(cell(robot, "137"), "137"));
        assertThat(horizontalScrollBarShown()).isFalse();
    }

    @Test
    void aCellShowsItsWholeValueInATooltip(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();

        robot.moveTo(cell(robot, SIZE));
        Tooltip tooltip = cell(robot, SIZE).getTooltip();

        assertThat(tooltip).isNotNull();
        assertThat(tooltip.getText()).isEqualTo(SIZE);
    }

    private boolean horizontalScrollBarShown() {
        return table.lookupAll(".scroll-bar").stream().anyMatch(node -> node instanceof ScrollBar bar
                && bar.getOrientation() == Orientation.HORIZONTAL && bar.isVisible());
    }

    private static TableColumn<List<String>, String> column(String header, int index) {
        TableColumn<List<String>, String> column = new TableColumn<>(header);
        column.setPrefWidth(60);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().get(index)));
        return column;
    }

    private static TableCell<?, ?> cell(FxRobot robot, String text) {
        return robot.lookup(".table-cell").match(node -> node instanceof TableCell<?, ?> cell
                && text.equals(cell.getText())).query();
    }

    private static double textWidth(TableCell<?, ?> cell, String value) {
        Text text = new Text(value);
        text.setFont(cell.getFont());
        return text.getLayoutBounds().getWidth() + cell.snappedLeftInset() + cell.snappedRightInset();
    }
}
