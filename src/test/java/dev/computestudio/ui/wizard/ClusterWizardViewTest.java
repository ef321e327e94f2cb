package dev.computestudio.ui.wizard;

import atlantafx.base.controls.ToggleSwitch;
import atlantafx.base.theme.PrimerLight;
import atlantafx.base.theme.Styles;
import dev.computestudio.domain.ComputeCluster;
import dev.computestudio.testing.StudioFixture;
import dev.computestudio.ui.common.Messages;
import dev.computestudio.ui.common.UiThreads;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Background;
import javafx.scene.layout.Border;
import javafx.scene.layout.Region;
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
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static dev.computestudio.testing.StudioFixture.WS;
import static org.assertj.core.api.Assertions.assertThat;

/** The wizard in a real (headless) window over real services and H2, clicked and typed into as a user would. */
@ExtendWith(ApplicationExtension.class)
class ClusterWizardViewTest {

    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private final List<String> created = new CopyOnWriteArrayList<>();
    private final SimpleObjectProperty<Locale> language = new SimpleObjectProperty<>(Locale.ENGLISH);
    private StudioFixture studio;
    private Stage stage;
    private ClusterWizardViewModel viewModel;

    @Start
    void start(Stage stage) throws IOException {
        this.stage = stage;
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheetBSS());
        studio = new StudioFixture(Files.createTempDirectory("wizard-view-test"));
        Messages messages = new Messages(language);
        UiThreads threads = new UiThreads(background, Platform::runLater);
        viewModel = new ClusterWizardViewModel(WS, studio.workspaces, studio.compute,
                studio.quota, studio.identities, threads, messages, CreationTracker.Polling.every(Duration.ofMillis(100), background));
        ClusterWizard.show(stage, viewModel, messages, created::add);
    }

    @AfterEach
    void closeEverything() throws InterruptedException {
        background.shutdown();
        background.awaitTermination(5, TimeUnit.SECONDS);
        studio.close();
    }

    @Test
    void runsThroughTheStepsToACreatedCluster(FxRobot robot) throws TimeoutException {
        waitForSizes(robot);
        assertThat(text(robot, "#wizard-selected-size")).as("the cloud's default, chosen for the user")
                .startsWith("Standard_DS3_v2: 4 vCPUs");

        robot.clickOn("#wizard-size-filter").write("DS3");
        robot.clickOn(cell(robot, "Standard_DS3_v2"));
        assertThat(text(robot, "#wizard-selected-size")).startsWith("Standard_DS3_v2: 4 vCPUs");
        robot.clickOn("#wizard-next");

        assertThat(text(robot, "#wizard-page-title")).isEqualTo("Settings");
        assertThat(robot.lookup("#wizard-max-nodes").queryAs(TextField.class).getText()).isEqualTo("4");
        robot.clickOn("#wizard-name").write("cpu-cluster");
        robot.clickOn("#wizard-next");

        assertThat(text(robot, "#wizard-page-title")).isEqualTo("Identity");
        robot.clickOn("#wizard-identity-system");
        robot.clickOn("#wizard-next");

        assertThat(text(robot, "#wizard-page-title")).isEqualTo("Review");
        assertThat(robot.lookup("#wizard-review .wizard-review-value").queryAllAs(Label.class))
                .extracting(Label::getText).contains("eastus", "cpu-cluster", "4", "System-assigned");
        assertThat(text(robot, "#wizard-cost-min")).isEqualTo("At min nodes (0): $0.000/hour");
        assertThat(text(robot, "#wizard-cost-max")).isEqualTo("At max nodes (4): $0.916/hour");
        robot.clickOn("#wizard-create");

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !studio.compute.list(WS).isEmpty());
        ComputeCluster cluster = studio.compute.list(WS).get(0);
        assertThat(cluster.name()).isEqualTo("cpu-cluster");
        assertThat(cluster.spec().size()).isEqualTo("Standard_DS3_v2");
        assertThat(cluster.systemIdentity()).isNotNull();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> text(robot, "#wizard-status").contains("was created"));
        assertThat(button(robot, "#wizard-create").isDisabled()).isTrue();
        assertThat(button(robot, "#wizard-cancel").getText()).isEqualTo("Close");
        assertThat(created).containsExactly("cpu-cluster");

        robot.clickOn("#wizard-cancel");
        assertThat(stage.isShowing()).isFalse();
    }

    @Test
    void badInputShowsItsMessagesKeepsNextDisabledAndCreatesNothing(FxRobot robot) throws TimeoutException {
        waitForSizes(robot);
        robot.clickOn("#wizard-size-filter").write("D2_");
        robot.clickOn(cell(robot, "Standard_D2_v2"));
        robot.type(KeyCode.ENTER);
        assertThat(text(robot, "#wizard-page-title")).as("Enter is Next").isEqualTo("Settings");

        robot.clickOn("#wizard-name").write("cpu-cluster-1");
        robot.doubleClickOn("#wizard-min-nodes").write("5");
        robot.doubleClickOn("#wizard-max-nodes").write("2");

        assertThat(shownText(robot, "#wizard-name-error")).isEqualTo("must not end with '-' followed by digits");
        assertThat(shownText(robot, "#wizard-max-nodes-error")).isEqualTo("must not be below min_instances (2 < 5)");
        TextField name = robot.lookup("#wizard-name").queryAs(TextField.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> name.getPseudoClassStates().contains(Styles.STATE_DANGER));
        assertThat(name.getTooltip().getText()).isEqualTo("must not end with '-' followed by digits");
        assertThat(robot.lookup("#wizard-min-nodes-error").queryAs(Label.class).isVisible()).isFalse();
        assertThat(button(robot, "#wizard-next").isDisabled()).isTrue();

        robot.clickOn("#wizard-next");
        robot.clickOn("#wizard-name").type(KeyCode.ENTER);
        assertThat(text(robot, "#wizard-page-title")).isEqualTo("Settings");

        robot.doubleClickOn("#wizard-max-nodes").write("6");
        assertThat(robot.lookup("#wizard-max-nodes-error").queryAs(Label.class).isVisible()).isFalse();
        assertThat(button(robot, "#wizard-next").isDisabled()).as("the name is still wrong").isTrue();
        assertThat(studio.compute.list(WS)).isEmpty();
        assertThat(created).isEmpty();
    }

    @Test
    void downFromTheFilterGoesIntoTheSizeTable(FxRobot robot) throws TimeoutException {
        waitForSizes(robot);
        TableView<?> table = robot.lookup("#wizard-sizes").queryAs(TableView.class);
        robot.clickOn("#wizard-size-filter").write("DS");

        robot.type(KeyCode.DOWN);

        assertThat(table.isFocused()).isTrue();
        assertThat(viewModel.sizeChoice().selectedSizeProperty().get().name()).as("the chosen size stays chosen")
                .isEqualTo("Standard_DS3_v2");
        robot.type(KeyCode.DOWN);
        assertThat(viewModel.sizeChoice().selectedSizeProperty().get().name()).as("the table's own keys go on")
                .isNotEqualTo("Standard_DS3_v2").startsWith("Standard_DS");
    }

    @Test
    void afterNextTheFocusIsOnTheNextStepsFirstField(FxRobot robot) throws TimeoutException {
        waitForSizes(robot);
        robot.clickOn("#wizard-next");
        assertThat(robot.lookup("#wizard-name").query().isFocused()).as("settings: the name").isTrue();

        robot.write("cpu-cluster").type(KeyCode.ENTER);
        assertThat(text(robot, "#wizard-page-title")).isEqualTo("Identity");
        assertThat(robot.lookup("#wizard-identity-none").query().isFocused()).as("identity: the chosen kind").isTrue();

        robot.type(KeyCode.ENTER);
        assertThat(robot.lookup("#wizard-create").query().isFocused()).as("review: Create").isTrue();

        robot.clickOn("#wizard-back");
        assertThat(robot.lookup("#wizard-identity-none").query().isFocused()).as("Back too").isTrue();
    }

    @Test
    void spaceTurnsSshOnAndOffAndTheFocusedSwitchLooksFocused(FxRobot robot) throws TimeoutException {
        waitForSizes(robot);
        robot.clickOn("#wizard-next");
        ToggleSwitch ssh = robot.lookup("#wizard-ssh-enabled").queryAs(ToggleSwitch.class);
        Region track = robot.from(ssh).lookup(".thumb-area").queryAs(Region.class);
        Background unfocused = track.getBackground();
        assertThat(ssh.isFocusTraversable()).isTrue();

        robot.interact(ssh::requestFocus);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(track.getBackground()).as("a ring marks the focused switch").isNotEqualTo(unfocused);
        robot.type(KeyCode.SPACE);

        assertThat(ssh.isSelected()).isTrue();
        assertThat(viewModel.settings().sshEnabledProperty().get()).isTrue();
        assertThat(robot.lookup("#wizard-ssh-details").query().isVisible()).isTrue();
        robot.type(KeyCode.SPACE);
        assertThat(viewModel.settings().sshEnabledProperty().get()).isFalse();
    }

    @Test
    void aFocusedRadioButtonAndTheFocusedTableLookFocused(FxRobot robot) throws TimeoutException {
        waitForSizes(robot);
        RadioButton dedicated = robot.lookup("#wizard-tier-dedicated").queryAs(RadioButton.class);
        Region dot = robot.from(dedicated).lookup(".radio").queryAs(Region.class);
        TableView<?> table = robot.lookup("#wizard-sizes").queryAs(TableView.class);
        Background radioUnfocused = dot.getBackground();
        Border tableUnfocused = table.getBorder();

        robot.interact(dedicated::requestFocus);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dot.getBackground()).isNotEqualTo(radioUnfocused);

        robot.interact(table::requestFocus);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getBorder()).isNotEqualTo(tableUnfocused);
    }

    @Test
    void aWorkspaceIdentityIsPickedByItsCheckBox(FxRobot robot) throws TimeoutException {
        String resourceId = studio.createIdentity("trainer-id");
        robot.interact(viewModel::load);
        waitForSizes(robot);
        robot.clickOn("#wizard-next");
        robot.write("cpu-cluster").type(KeyCode.ENTER);
        robot.clickOn("#wizard-identity-user");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> robot.lookup("#wizard-identity-choice-trainer-id").tryQuery().isPresent());
        assertThat(button(robot, "#wizard-next").isDisabled()).isTrue();

        robot.clickOn("#wizard-identity-choice-trainer-id");

        assertThat(button(robot, "#wizard-next").isDisabled()).isFalse();
        robot.clickOn("#wizard-next");
        assertThat(robot.lookup("#wizard-review .wizard-review-value").queryAllAs(Label.class))
                .extracting(Label::getText).contains("User-assigned\ntrainer-id");
        assertThat(viewModel.spec().identity().userAssignedIdentityIds()).containsExactly(resourceId);
    }

    @Test
    void escapeCancelsTheWizard(FxRobot robot) throws TimeoutException {
        waitForSizes(robot);
        robot.clickOn("#wizard-size-filter").type(KeyCode.ESCAPE);

        assertThat(stage.isShowing()).isFalse();
        assertThat(studio.compute.list(WS)).isEmpty();
    }

    @Test
    void aWindowThatIsGoneLetsGoOfTheAppsLanguage(FxRobot robot) throws TimeoutException {
        waitForSizes(robot);
        robot.clickOn("#wizard-size-filter").write("D2_");
        robot.clickOn(cell(robot, "Standard_D2_v2"));
        Label selection = robot.lookup("#wizard-selected-size").queryAs(Label.class);
        String shown = selection.getText();
        assertThat(shown).startsWith("Standard_D2_v2: 2 vCPUs");

        robot.interact(stage::hide);
        robot.interact(() -> language.set(Locale.forLanguageTag("pt-BR")));

        assertThat(selection.getText()).as("the closed wizard no longer follows").isEqualTo(shown);
        assertThat(viewModel.sizeChoice().selectedSizeSummaryProperty().get()).isEqualTo(shown);
    }

    private static void waitForSizes(FxRobot robot) throws TimeoutException {
        TableView<?> table = robot.lookup("#wizard-sizes").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !table.getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Node cell(FxRobot robot, String text) {
        return robot.lookup((Node node) -> node instanceof TableCell<?, ?> cell && text.equals(cell.getText()))
                .query();
    }

    private static Button button(FxRobot robot, String query) {
        return robot.lookup(query).queryButton();
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(javafx.scene.control.Labeled.class).getText();
    }

    private static String shownText(FxRobot robot, String query) {
        Label label = robot.lookup(query).queryAs(Label.class);
        assertThat(label.isVisible()).as(query + " is shown").isTrue();
        return label.getText();
    }
}
