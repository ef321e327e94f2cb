package dev.computestudio.ui.compute;

import atlantafx.base.controls.Message;
import atlantafx.base.theme.PrimerLight;
import dev.computestudio.domain.LockLevel;
import dev.computestudio.testing.StudioFixture;
import dev.computestudio.ui.common.Messages;
import dev.computestudio.ui.common.UiThreads;
import dev.computestudio.testing.TestStage;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static dev.computestudio.testing.StudioFixture.DS3;
import static dev.computestudio.testing.StudioFixture.WS;
import static dev.computestudio.testing.StudioFixture.dedicated;
import static dev.computestudio.testing.StudioFixture.lowPriority;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compute screen on a real (headless) stage over the real services and H2, wired as the
 * studio wires it: services on a background thread, results on the FX thread.
 */
@ExtendWith(ApplicationExtension.class)
class ComputeViewTest {

    private static final String CPU = "cpu-cluster";
    private static final String LOW = "lowpri-cluster";

    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private final SimpleObjectProperty<Locale> language = new SimpleObjectProperty<>(Locale.ENGLISH);
    private StudioFixture studio;
    private ComputeViewModel compute;
    private Stage stage;

    @Start
    void start(Stage stage) throws IOException {
        this.stage = stage;
        studio = new StudioFixture(Files.createTempDirectory("compute-view-test"));
        studio.createCluster(CPU, dedicated(DS3, 1, 4));
        studio.createCluster(LOW, lowPriority(DS3, 0, 2));
        studio.submit("train-1", LOW);
        studio.pass();

        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Messages messages = new Messages(language);
        compute = new ComputeViewModel(studio.compute, new UiThreads(background, Platform::runLater),
                new SimpleStringProperty(WS), messages, workspace -> { }, () -> { });
        TestStage.setScene(stage, new ComputeView(compute, messages), 1000, 720);
        stage.show();
        compute.refresh();
    }

    @AfterEach
    void closeEverything() throws InterruptedException {
        background.shutdown();
        background.awaitTermination(5, TimeUnit.SECONDS);
        studio.close();
    }

    @Test
    void selectingAClusterShowsItsNodesAndCountsAndFollowsTheEngine(FxRobot robot) throws TimeoutException {
        waitFor(() -> table(robot).getItems().size() == 2);
        assertThat(robot.lookup("#cluster-details-empty").query().isVisible()).isTrue();

        robot.clickOn(LOW);

        waitFor(() -> nodes(robot).getItems().size() == 1);
        assertThat(text(robot, "#cluster-title")).isEqualTo(LOW);
        assertThat(text(robot, "#cluster-prop-tier")).isEqualTo("Low priority");
        assertThat(text(robot, "#node-count-running")).isEqualTo("1");
        assertThat(text(robot, "#node-count-idle")).isEqualTo("0");
        assertThat(text(robot, "#node-count-total")).isEqualTo("1 node in all");
        assertThat(robot.lookup("#cluster-nodes").lookup("train-1").tryQuery()).isPresent();
        assertThat(robot.lookup("#cluster-preempt").queryButton().isDisabled()).isFalse();

        studio.runner.exit("train-1", 0, 0);
        studio.advanceSeconds(1);
        studio.pass();
        compute.refresh();

        waitFor(() -> "1".equals(text(robot, "#node-count-idle")));
        assertThat(text(robot, "#node-count-running")).isEqualTo("0");
        assertThat(table(robot).getSelectionModel().getSelectedItem().name()).as("selection kept").isEqualTo(LOW);
        assertThat(text(robot, "#cluster-title")).isEqualTo(LOW);

        robot.clickOn(CPU);

        waitFor(() -> CPU.equals(text(robot, "#cluster-title")) && nodes(robot).getItems().size() == 1);
        assertThat(robot.lookup("#cluster-preempt").queryButton().isDisabled()).as("dedicated").isTrue();
    }

    @Test
    void badScaleSettingsShowTheirProblemAndChangeNothing(FxRobot robot) throws TimeoutException {
        waitFor(() -> table(robot).getItems().size() == 2);
        robot.clickOn(CPU);
        waitFor(() -> !robot.lookup("#compute-edit-scale").queryButton().isDisabled());

        robot.clickOn("#compute-edit-scale");
        waitFor(() -> robot.lookup("#scale-max").tryQuery().isPresent());
        robot.clickOn("#scale-max").push(KeyCode.END).eraseText(1).write("0");

        assertThat(text(robot, "#scale-max-error")).isEqualTo("Must be 1 or more.");
        assertThat(save(robot, "#scale-save").isDisabled()).isTrue();

        robot.clickOn("#scale-min").push(KeyCode.END).eraseText(1).write("3");
        robot.clickOn("#scale-max").push(KeyCode.END).eraseText(1).write("2");

        assertThat(text(robot, "#scale-max-error")).isEqualTo("Must not be below the minimum (3).");
        assertThat(save(robot, "#scale-save").isDisabled()).isTrue();

        robot.clickOn("#scale-cancel");

        waitFor(() -> robot.lookup("#scale-dialog").tryQuery().isEmpty());
        assertThat(studio.compute.show(WS, CPU).spec().minNodes()).isEqualTo(1);
        assertThat(studio.compute.show(WS, CPU).spec().maxNodes()).isEqualTo(4);
        assertThat(text(robot, "#cluster-prop-scale")).isEqualTo("1 / 4");
    }

    @Test
    void aRefusedChangeKeepsTheDialogOpenWithTheServicesReason(FxRobot robot) throws TimeoutException {
        studio.locks.create(WS, "frozen", LockLevel.READ_ONLY, null);
        waitFor(() -> table(robot).getItems().size() == 2);
        robot.clickOn(CPU);
        waitFor(() -> !robot.lookup("#compute-edit-scale").queryButton().isDisabled());

        robot.clickOn("#compute-edit-scale");
        waitFor(() -> robot.lookup("#scale-max").tryQuery().isPresent());
        robot.clickOn("#scale-max").push(KeyCode.END).eraseText(1).write("8");
        robot.clickOn("#scale-save");

        waitFor(() -> robot.lookup("#scale-form-error").queryAs(Message.class).isVisible());
        assertThat(robot.lookup("#scale-form-error").queryAs(Message.class).getDescription())
                .contains("ReadOnly lock 'frozen'");
        assertThat(robot.lookup("#scale-dialog").tryQuery()).as("still open").isPresent();
        assertThat(studio.compute.show(WS, CPU).spec().maxNodes()).isEqualTo(4);
        robot.clickOn("#scale-cancel");
    }

    @Test
    void deleteAsksFirstThenShowsTheClusterDeleting(FxRobot robot) throws TimeoutException {
        waitFor(() -> table(robot).getItems().size() == 2);
        robot.clickOn(CPU);
        waitFor(() -> !robot.lookup("#compute-delete").queryButton().isDisabled());

        robot.clickOn("#compute-delete");
        waitFor(() -> robot.lookup("#compute-delete-cancel").tryQuery().isPresent());
        robot.clickOn("#compute-delete-cancel");

        WaitForAsyncUtils.waitForFxEvents();
        assertThat(studio.compute.list(WS)).hasSize(2);

        robot.clickOn(CPU).type(KeyCode.DELETE);
        waitFor(() -> robot.lookup("#compute-delete-confirm").tryQuery().isPresent());
        assertThat(text(robot, "#compute-delete-dialog .header-panel .label")).isEqualTo("Delete cluster “cpu-cluster”?");
        robot.clickOn("#compute-delete-confirm");

        waitFor(() -> compute.feedback() != null);
        assertThat(robot.lookup("#compute-feedback").queryAs(Message.class).getDescription()).isEqualTo(
                "“cpu-cluster” still has nodes, so it is Deleting: the engine removes its nodes first, then the cluster.");
        waitFor(() -> robot.lookup("#compute-table").lookup("Deleting").tryQuery().isPresent());
        assertThat(robot.lookup("#compute-edit-scale").queryButton().isDisabled()).isTrue();

        studio.pass();
        compute.refresh();

        waitFor(() -> "1".equals(text(robot, "#node-count-leaving")));
        assertThat(robot.lookup("#compute-table").lookup("Deleting").tryQuery()).as("still listed").isPresent();

        studio.advanceSeconds(3); // the engine's drain of a deleted cluster's nodes
        studio.pass();
        compute.refresh();

        waitFor(() -> table(robot).getItems().size() == 1);
        assertThat(table(robot).getItems()).extracting(ClusterRow::name).isEqualTo(List.of(LOW));
        assertThat(table(robot).getSelectionModel().getSelectedItem()).as("not its neighbour").isNull();
        assertThat(robot.lookup("#cluster-details-empty").query().isVisible()).isTrue();
        assertThat(robot.lookup("#compute-delete").queryButton().isDisabled()).isTrue();
    }

    @Test
    void aClustersErrorComesFirstInItsDetailsAboveTheFold(FxRobot robot) throws TimeoutException {
        studio.createCluster("gpu-cluster", dedicated("Standard_NC6", 1, 1));
        studio.pass();
        compute.refresh();
        waitFor(() -> table(robot).getItems().size() == 3);

        robot.clickOn("gpu-cluster");

        waitFor(() -> robot.lookup("#cluster-error-QuotaExceeded").tryQuery().isPresent());
        Node error = robot.lookup("#cluster-error-QuotaExceeded").query();
        Node properties = robot.lookup("#cluster-properties").query();
        Node details = robot.lookup("#cluster-details").query();
        assertThat(scene(error).getMinY()).as("above the properties").isLessThan(scene(properties).getMinY());
        assertThat(scene(error).getMaxY()).as("in view without scrolling").isLessThan(scene(details).getMaxY());
    }

    @Test
    void theToolbarFitsOneLineInPortugueseAtTheWidthAProjectorLeavesAndWrapsNoButtonAlone(FxRobot robot) {
        // 1024 px less the sidebar (240) and the screen's margins (56).
        robot.interact(() -> {
            language.set(Locale.forLanguageTag("pt-BR"));
            stage.setWidth(728);
        });
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(toolbarLines(robot)).as("one line").hasSize(1);
        Node refresh = robot.lookup("#compute-refresh").query();
        assertThat(scene(refresh).getMaxX()).as("nothing cut off").isLessThanOrEqualTo(728);
        assertThat(robot.lookup("#compute-more").queryAs(MenuButton.class).getItems())
                .extracting(MenuItem::getText).contains("Identidade", "Anexar", "Desanexar", "Importar YAML…", "Exportar YAML");

        robot.interact(() -> stage.setWidth(420));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(toolbarLines(robot)).as("wrapped").hasSizeGreaterThan(1)
                .allSatisfy((top, buttons) -> assertThat(buttons).as("buttons on the line at " + top).isGreaterThan(1));
    }

    @Test
    void namesSizesAndStatesShowInFullAtTheWidthAProjectorLeaves(FxRobot robot) throws TimeoutException {
        studio.createCluster("gpu-inferencia-turma", dedicated("Standard_NC4as_T4_v3", 0, 1));
        compute.refresh();
        waitFor(() -> table(robot).getItems().size() == 3);
        robot.interact(() -> {
            language.set(Locale.forLanguageTag("pt-BR"));
            stage.setWidth(728);
        });
        WaitForAsyncUtils.waitForFxEvents();

        for (String value : List.of("gpu-inferencia-turma", "Standard_NC4as_T4_v3", "lowpri-cluster", "Êxito")) {
            assertThat(shownText(robot, value)).as(value).isEqualTo(value);
        }

        robot.clickOn("gpu-inferencia-turma");
        waitFor(() -> "gpu-inferencia-turma".equals(text(robot, "#cluster-title")));

        Labeled size = robot.lookup("#cluster-prop-size").queryAs(Labeled.class);
        assertThat(((Text) size.lookup(".text")).getText()).as("whole, on one line").isEqualTo("Standard_NC4as_T4_v3");
        assertThat(scene(size).getHeight()).as("one line").isLessThan(2 * size.getFont().getSize());
        assertThat(scene(robot.lookup("#cluster-node-chart").query()).getMaxX()).as("node states in view")
                .isLessThanOrEqualTo(scene(robot.lookup("#cluster-details").query()).getMaxX());
    }

    /** What a table cell holding this value really draws: an ellipsis when it is cut. */
    private static String shownText(FxRobot robot, String value) {
        TableCell<?, ?> cell = robot.lookup("#compute-table").lookup((Node node) -> node instanceof TableCell<?, ?> c
                && value.equals(c.getText())).queryAs(TableCell.class);
        return ((Text) cell.lookup(".text")).getText();
    }

    /** How many toolbar buttons sit on each line, by the line's top in the scene. */
    private static Map<Double, Integer> toolbarLines(FxRobot robot) {
        Map<Double, Integer> lines = new TreeMap<>();
        robot.lookup("#compute-toolbar").lookup((Node node) -> node instanceof ButtonBase).queryAll()
                .forEach(button -> lines.merge(scene(button).getMinY(), 1, Integer::sum));
        return lines;
    }

    private static Bounds scene(Node node) {
        return node.localToScene(node.getBoundsInLocal());
    }

    private static TableView<ClusterRow> table(FxRobot robot) {
        return robot.lookup("#compute-table").queryTableView();
    }

    private static TableView<NodeRow> nodes(FxRobot robot) {
        return robot.lookup("#cluster-nodes").queryTableView();
    }

    private static Button save(FxRobot robot, String query) {
        return robot.lookup(query).queryButton();
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Labeled.class).getText();
    }

    private static void waitFor(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
