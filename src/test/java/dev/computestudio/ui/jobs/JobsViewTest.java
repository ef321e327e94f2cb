package dev.computestudio.ui.jobs;

import atlantafx.base.theme.PrimerLight;
import atlantafx.base.theme.Styles;
import dev.computestudio.domain.JobFiles;
import dev.computestudio.domain.JobSpec;
import dev.computestudio.domain.JobStatus;
import dev.computestudio.domain.LockLevel;
import dev.computestudio.testing.StudioFixture;
import dev.computestudio.ui.common.Messages;
import dev.computestudio.ui.common.UiThreads;
import dev.computestudio.testing.TestStage;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static dev.computestudio.testing.StudioFixture.DS3;
import static dev.computestudio.testing.StudioFixture.WS;
import static dev.computestudio.testing.StudioFixture.dedicated;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Jobs screen on a real (headless) stage over the real services and H2, wired as the studio
 * wires it: services on a background thread, results on the FX thread. The engine acts when the
 * test runs a pass.
 */
@ExtendWith(ApplicationExtension.class)
class JobsViewTest {

    private static final String CPU = "cpu-cluster";

    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private Path dataFolder;
    private StudioFixture studio;
    private JobsViewModel viewModel;

    @Start
    void start(Stage stage) throws IOException {
        dataFolder = Files.createTempDirectory("jobs-view-test");
        studio = new StudioFixture(dataFolder);
        studio.createCluster(CPU, dedicated(DS3, 0, 4));
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheetBSS());
        Messages messages = new Messages(new SimpleObjectProperty<>(Locale.US));
        viewModel = new JobsViewModel(studio.jobs, studio.compute, new UiThreads(background, Platform::runLater),
                new SimpleStringProperty(WS), messages, studio.clock, ZoneOffset.UTC);
        TestStage.setScene(stage, new JobsView(viewModel, messages), 1100, 700);
        stage.show();
    }

    @AfterEach
    void closeEverything() throws InterruptedException {
        background.shutdown();
        background.awaitTermination(5, TimeUnit.SECONDS);
        studio.close();
    }

    @Test
    void requiredFieldsAreMarkedByANeutralStarNotByAnErrorMark(FxRobot robot) {
        Label compute = robot.lookup(".jobs-field-label").queryAllAs(Label.class).stream()
                .filter(label -> label.getLabelFor() == robot.lookup("#jobs-compute").query()).findFirst().orElseThrow();
        Label command = robot.lookup(".jobs-field-label").queryAllAs(Label.class).stream()
                .filter(label -> label.getLabelFor() == robot.lookup("#jobs-command").query()).findFirst().orElseThrow();

        assertThat(compute.getText()).endsWith(" *");
        assertThat(command.getText()).endsWith(" *");
        assertThat(robot.lookup((Node node) -> node instanceof ImageView).tryQuery())
                .as("ControlsFX's red corner mark").isEmpty();
        assertThat(robot.lookup("#jobs-command").query().getPseudoClassStates()).as("no error before typing")
                .doesNotContain(Styles.STATE_DANGER);
    }

    @Test
    void aJobFilledInAndSubmittedAppearsFollowsItsLogAndCanBeCanceled(FxRobot robot) throws Exception {
        waitUntil(() -> CPU.equals(robot.lookup("#jobs-compute").queryComboBox().getValue()));
        Button submit = robot.lookup("#jobs-submit").queryButton();
        assertThat(submit.isDisabled()).as("no command yet").isTrue();

        robot.clickOn("#jobs-command").write("python train.py");
        robot.clickOn("#jobs-env").write("EPOCHS=3");
        robot.clickOn("#jobs-name").write("train-ui");
        assertThat(submit.isDisabled()).isFalse();
        robot.clickOn("#jobs-submit");

        waitUntil(() -> cellText(robot, "train-ui", 1).equals("Queued"));
        assertThat(text(robot, "#jobs-message")).isEqualTo("Job train-ui submitted to cpu-cluster.");
        assertThat(robot.lookup("#jobs-name").queryAs(TextField.class).getText()).isEmpty();
        assertThat(studio.job("train-ui").spec().environmentVariables()).containsEntry("EPOCHS", "3");

        studio.pass();
        write(new JobFiles(dataFolder).logFile(WS, "train-ui", 1, 0), "epoch 1: loss 0.91\n");
        refresh();
        waitUntil(() -> cellText(robot, "train-ui", 1).equals("Running"));
        robot.clickOn(cell(robot, "train-ui", 0));
        waitUntil(() -> log(robot).getText().equals("epoch 1: loss 0.91\n"));
        assertThat(text(robot, "#jobs-log-title")).isEqualTo("Log of train-ui");

        write(new JobFiles(dataFolder).logFile(WS, "train-ui", 1, 0), "epoch 2: loss 0.52\n");
        refresh();
        waitUntil(() -> log(robot).getText().equals("epoch 1: loss 0.91\nepoch 2: loss 0.52\n"));

        studio.submit("from-the-cli", CPU);
        refresh();
        waitUntil(() -> robot.lookup("#jobs-table").queryTableView().getItems().size() == 2);
        assertThat(((JobRow) robot.lookup("#jobs-table").queryTableView().getSelectionModel().getSelectedItem()).name())
                .as("a new row above keeps the selection").isEqualTo("train-ui");

        Button cancel = robot.lookup("#jobs-cancel").queryButton();
        assertThat(cancel.isDisabled()).isFalse();
        robot.clickOn("#jobs-cancel");
        waitUntil(() -> robot.lookup("#jobs-cancel-confirm").tryQuery().isPresent());
        robot.clickOn("#jobs-cancel-confirm");
        waitUntil(() -> cellText(robot, "train-ui", 1).equals("Cancel requested"));
        assertThat(cancel.isDisabled()).isTrue();

        studio.pass();
        refresh();
        waitUntil(() -> cellText(robot, "train-ui", 1).equals("Canceled"));
        assertThat(studio.job("train-ui").status()).isEqualTo(JobStatus.CANCELED);
        assertThat(cancel.isDisabled()).isTrue();
    }

    @Test
    void aWrongEnvironmentLineBlocksSubmitAndSaysWhy(FxRobot robot) throws Exception {
        waitUntil(() -> CPU.equals(robot.lookup("#jobs-compute").queryComboBox().getValue()));
        robot.clickOn("#jobs-command").write("echo hi");
        robot.clickOn("#jobs-env").write("EPOCHS=3").type(KeyCode.ENTER).write("2FAST=yes");

        assertThat(robot.lookup("#jobs-submit").queryButton().isDisabled()).isTrue();
        TextArea environment = robot.lookup("#jobs-env").queryAs(TextArea.class);
        assertThat(environment.getTooltip()).isNotNull();
        assertThat(environment.getTooltip().getText())
                .isEqualTo("Line 2: 2FAST is not a variable name (letters, digits and _, not starting with a digit).");

        robot.type(KeyCode.HOME).type(KeyCode.DELETE);

        assertThat(robot.lookup("#jobs-submit").queryButton().isDisabled()).isFalse();
        assertThat(environment.getTooltip()).isNull();
    }

    @Test
    void keyboardSubmitsWithCtrlEnterAndCancelsWithDelete(FxRobot robot) throws Exception {
        waitUntil(() -> CPU.equals(robot.lookup("#jobs-compute").queryComboBox().getValue()));
        robot.clickOn("#jobs-name").write("by-keys");
        robot.clickOn("#jobs-command").write("sleep 60");

        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);

        waitUntil(() -> cellText(robot, "by-keys", 1).equals("Queued"));
        assertThat(robot.lookup("#jobs-command").queryAs(TextArea.class).getText())
                .as("Ctrl+Enter submits, it does not add a line").isEqualTo("sleep 60");

        robot.clickOn(cell(robot, "by-keys", 0)).type(KeyCode.DELETE);
        waitUntil(() -> robot.lookup("#jobs-cancel-confirm").tryQuery().isPresent());
        robot.clickOn("#jobs-cancel-confirm");

        waitUntil(() -> cellText(robot, "by-keys", 1).equals("Canceled"));
        assertThat(text(robot, "#jobs-message")).isEqualTo("Job by-keys canceled.");
    }

    @Test
    void theLogFollowsNewOutputUntilTheUserScrollsUpToRead(FxRobot robot) throws Exception {
        waitUntil(() -> CPU.equals(robot.lookup("#jobs-compute").queryComboBox().getValue()));
        robot.clickOn("#jobs-name").write("chatty");
        robot.clickOn("#jobs-command").write("yes");
        robot.clickOn("#jobs-submit");
        waitUntil(() -> cellText(robot, "chatty", 1).equals("Queued"));
        studio.pass();
        Path file = new JobFiles(dataFolder).logFile(WS, "chatty", 1, 0);
        write(file, lines(1, 200));
        refresh();
        waitUntil(() -> log(robot).getText().endsWith("line 200\n"));
        ScrollPane scroll = (ScrollPane) log(robot).lookup(".scroll-pane");
        waitUntil(() -> scroll.getVvalue() == scroll.getVmax());

        robot.clickOn(log(robot)).type(KeyCode.PAGE_UP, 3);
        waitUntil(() -> scroll.getVvalue() < scroll.getVmax());
        double reading = scroll.getVvalue();
        write(file, lines(201, 260));
        refresh();
        waitUntil(() -> log(robot).getText().endsWith("line 260\n"));
        assertThat(scroll.getVvalue()).as("stays where the user reads").isLessThan(scroll.getVmax());
        assertThat(scroll.getVvalue()).isLessThanOrEqualTo(reading);

        robot.press(KeyCode.CONTROL, KeyCode.END).release(KeyCode.END, KeyCode.CONTROL);
        waitUntil(() -> scroll.getVvalue() == scroll.getVmax());
        write(file, lines(261, 300));
        refresh();
        waitUntil(() -> log(robot).getText().endsWith("line 300\n"));
        waitUntil(() -> scroll.getVvalue() == scroll.getVmax());
    }

    @Test
    void cancelAsksNamingTheJobAndNoOrEscapeChangeNothing(FxRobot robot) throws Exception {
        studio.jobs.submit(WS, new JobSpec("bright-pear-x1", "Train ResNet", null, CPU, "python train.py", null, 1,
                null, null, null));
        refresh();
        waitUntil(() -> cell(robot, "bright-pear-x1", 0) != null);
        robot.clickOn(cell(robot, "bright-pear-x1", 0));

        robot.clickOn("#jobs-cancel");
        waitUntil(() -> robot.lookup("#jobs-cancel-dialog").tryQuery().isPresent());
        DialogPane dialog = robot.lookup("#jobs-cancel-dialog").queryAs(DialogPane.class);
        assertThat(dialog.getHeaderText()).isEqualTo("Cancel job Train ResNet (bright-pear-x1)?");
        robot.clickOn("#jobs-cancel-keep");
        waitUntil(() -> robot.lookup("#jobs-cancel-dialog").tryQuery().isEmpty());
        assertThat(studio.job("bright-pear-x1").status()).as("No keeps the job").isEqualTo(JobStatus.QUEUED);

        robot.clickOn(cell(robot, "bright-pear-x1", 0)).type(KeyCode.DELETE);
        waitUntil(() -> robot.lookup("#jobs-cancel-dialog").tryQuery().isPresent());
        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> robot.lookup("#jobs-cancel-dialog").tryQuery().isEmpty());
        assertThat(studio.job("bright-pear-x1").status()).as("Escape keeps the job").isEqualTo(JobStatus.QUEUED);

        robot.clickOn(cell(robot, "bright-pear-x1", 0)).type(KeyCode.DELETE);
        waitUntil(() -> robot.lookup("#jobs-cancel-dialog").tryQuery().isPresent());
        robot.type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#jobs-cancel-dialog").tryQuery().isEmpty());
        assertThat(studio.job("bright-pear-x1").status()).as("Enter answers No, the safe answer")
                .isEqualTo(JobStatus.QUEUED);
        assertThat(text(robot, "#jobs-message")).isEmpty();

        robot.clickOn("#jobs-cancel");
        waitUntil(() -> robot.lookup("#jobs-cancel-confirm").tryQuery().isPresent());
        robot.clickOn("#jobs-cancel-confirm");
        waitUntil(() -> cellText(robot, "bright-pear-x1", 1).equals("Canceled"));
        assertThat(studio.job("bright-pear-x1").status()).isEqualTo(JobStatus.CANCELED);
        assertThat(text(robot, "#jobs-message")).isEqualTo("Job bright-pear-x1 canceled.");
    }

    @Test
    void theTableShowsTheCloudsColumnsAndTheDetailsTheFullErrorAndTheNode(FxRobot robot) throws Exception {
        assertThat(robot.lookup("#jobs-table").queryTableView().getColumns()).extracting(TableColumn::getText)
                .containsExactly("Display name", "Status", "Experiment", "Compute", "Attempt", "Duration", "Exit code");
        studio.jobs.submit(WS, new JobSpec("bright-pear-x1", "Train ResNet", "vision", CPU, "python train.py", null,
                1, null, null, null));
        studio.pass();
        studio.advanceSeconds(65);
        studio.runner.exit("bright-pear-x1", 0, 3);
        studio.pass();
        refresh();
        waitUntil(() -> cellText(robot, "bright-pear-x1", 1).equals("Failed"));
        assertThat(cellText(robot, "bright-pear-x1", 0)).isEqualTo("Train ResNet");
        assertThat(cellText(robot, "bright-pear-x1", 2)).isEqualTo("vision");
        assertThat(cellText(robot, "bright-pear-x1", 5)).isEqualTo("1m 05s");
        assertThat(cellText(robot, "bright-pear-x1", 6)).isEqualTo("3");

        robot.clickOn(cell(robot, "bright-pear-x1", 0));

        String node = studio.job("bright-pear-x1").nodeIds().get(0);
        waitUntil(() -> text(robot, "#jobs-details-name").equals("bright-pear-x1"));
        assertThat(text(robot, "#jobs-details-error")).as("not cut short")
                .isEqualTo(studio.job("bright-pear-x1").error().english()).contains(node);
        assertThat(text(robot, "#jobs-details-nodes")).isEqualTo("1 (" + node + ")");
        assertThat(text(robot, "#jobs-details-exit-code")).isEqualTo("3");
        assertThat(robot.lookup("#jobs-details-waiting").queryAs(Labeled.class).isVisible())
                .as("an ended job waits for nothing").isFalse();
    }

    @Test
    void aJobQueuedBehindALockSaysWhyInTheTableAndInTheDetails(FxRobot robot) throws Exception {
        studio.locks.create(WS, "no-delete", LockLevel.CAN_NOT_DELETE, null);
        studio.submit("locked-out", CPU);
        studio.pass();
        refresh();

        waitUntil(() -> cellText(robot, "locked-out", 1).equals("Queued: lock"));
        assertThat(cell(robot, "locked-out", 1).getTooltip().getText()).startsWith("Scaling is blocked");
        robot.clickOn(cell(robot, "locked-out", 0));
        waitUntil(() -> text(robot, "#jobs-details-waiting").startsWith("Scaling is blocked"));
        assertThat(text(robot, "#jobs-details-waiting")).contains("lock 'no-delete'");
    }

    @Test
    void theTableTakesTheHeightTheWindowGives(FxRobot robot) throws Exception {
        TitledPane form = robot.lookup("#jobs-form").queryAs(TitledPane.class);
        assertThat(form.isExpanded()).as("nothing to list yet: the form is open").isTrue();
        TableView<?> table = robot.lookup("#jobs-table").queryTableView();
        double withForm = table.getHeight();
        studio.submit("from-the-cli", CPU);
        refresh();
        waitUntil(() -> !form.isExpanded());
        assertThat(table.getHeight()).as("the form closes for the table").isGreaterThan(withForm + 50);
        double before = table.getHeight();

        robot.interact(() -> table.getScene().getWindow().setHeight(1000));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(table.getHeight()).as("the table, not empty space, grows").isGreaterThan(before + 100);

        robot.clickOn(table).press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        waitUntil(form::isExpanded);
        assertThat(robot.lookup("#jobs-command").query().isFocused()).as("Ctrl+N: ready to type a command").isTrue();
    }

    @Test
    void fieldDecorationsStayInsideTheScreen(FxRobot robot) {
        assertThat(robot.lookup("#jobs-compute").query().getScene().getRoot()).as("the window's root is not replaced")
                .isInstanceOf(JobsView.class);
    }

    // Helpers

    private static String lines(int from, int to) {
        StringBuilder text = new StringBuilder();
        for (int line = from; line <= to; line++) {
            text.append("line ").append(line).append('\n');
        }
        return text.toString();
    }

    private void refresh() {
        background.execute(viewModel::refresh);
    }

    private static void waitUntil(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static TextArea log(FxRobot robot) {
        return robot.lookup("#jobs-log").queryAs(TextArea.class);
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Labeled.class).getText();
    }

    /** The cell in the row of this job and this column (0 display name, 1 status, ...). */
    private static TableCell<?, ?> cell(FxRobot robot, String job, int column) {
        TableView<?> table = robot.lookup("#jobs-table").queryTableView();
        return robot.from(table).lookup(".table-cell").queryAllAs(TableCell.class).stream()
                .filter(c -> c.getTableRow() != null && c.getTableRow().getItem() instanceof JobRow row
                        && row.name().equals(job) && c.getTableView().getColumns().indexOf(c.getTableColumn()) == column)
                .findFirst().orElse(null);
    }

    private static String cellText(FxRobot robot, String job, int column) {
        TableCell<?, ?> cell = cell(robot, job, column);
        return cell == null || cell.getText() == null ? "" : cell.getText();
    }

    private static void write(Path log, String text) throws IOException {
        Files.createDirectories(log.getParent());
        Files.writeString(log, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
