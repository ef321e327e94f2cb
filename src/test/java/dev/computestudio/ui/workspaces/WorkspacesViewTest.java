package dev.computestudio.ui.workspaces;

import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;
import dev.computestudio.domain.ConflictException;
import dev.computestudio.domain.LockLevel;
import dev.computestudio.domain.ResourceLock;
import dev.computestudio.domain.Workspace;
import dev.computestudio.service.PreferencesService;
import dev.computestudio.testing.StudioFixture;
import dev.computestudio.ui.common.Messages;
import dev.computestudio.ui.common.ScreenContent;
import dev.computestudio.ui.common.UiThreads;
import dev.computestudio.ui.demo.ShellLink;
import dev.computestudio.ui.shell.EngineStatus;
import dev.computestudio.ui.shell.Screen;
import dev.computestudio.ui.shell.ShellView;
import dev.computestudio.ui.shell.ShellViewModel;
import dev.computestudio.testing.TestStage;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.matcher.control.LabeledMatchers;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static dev.computestudio.testing.StudioFixture.WS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The workspaces screen inside the real shell on a headless stage, over the real services and
 * H2, wired as the studio wires it: services off the FX thread, and a live refresh ticking.
 */
@ExtendWith(ApplicationExtension.class)
class WorkspacesViewTest {

    private static final long PATIENCE_SECONDS = 10;

    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    private StudioFixture studio;
    private ShellViewModel shell;

    @Start
    void start(Stage stage) throws IOException {
        studio = new StudioFixture(Files.createTempDirectory("workspaces-view-test"));
        studio.workspaces.create("ml-prod", null, null);
        shell = new ShellViewModel(new PreferencesService(studio.db.settings(), Locale.US), studio.workspaces::list,
                new ShellViewModel.RunStatus(studio.dataFolder, "process", EngineStatus.NOT_RUNNING),
                new UiThreads(background, Platform::runLater));
        Messages messages = new Messages(shell.languageProperty());
        UiThreads threads = new UiThreads(background, Platform::runLater);
        ShellView view = new ShellView(shell, messages, screen -> {
            if (screen != Screen.WORKSPACES) {
                return Optional.empty();
            }
            // As StudioScreens builds it.
            WorkspacesViewModel viewModel = new WorkspacesViewModel(studio.workspaces, studio.locks, threads,
                    shell.selectedWorkspaceProperty(), shell::selectWorkspace, shell::refreshWorkspaces, messages);
            return Optional.of(new ScreenContent(new WorkspacesView(viewModel, messages), viewModel::refresh));
        });
        TestStage.setScene(stage, view, 1200, 760);
        shell.refreshWorkspaces();
        stage.show();
        ticker.scheduleWithFixedDelay(() -> {
            view.refreshShownScreen();
            Platform.runLater(shell::refreshWorkspaces);
        }, 300, 300, TimeUnit.MILLISECONDS);
    }

    @AfterEach
    void closeEverything() throws InterruptedException {
        ticker.shutdownNow();
        ticker.awaitTermination(5, TimeUnit.SECONDS);
        background.shutdown();
        background.awaitTermination(5, TimeUnit.SECONDS);
        studio.close();
    }

    @Test
    void createsAWorkspaceLocksItAndDeletesItOnceUnlocked(FxRobot robot) throws Exception {
        waitUntil(() -> tableNames(robot).equals(List.of("ml-prod", WS)));

        robot.push(KeyCode.CONTROL, KeyCode.N);
        TextField name = robot.lookup("#workspaces-name").queryAs(TextField.class);
        assertThat(robot.lookup("#workspaces-form").query().isVisible()).isTrue();
        assertThat(name.isFocused()).isTrue();

        robot.write("a!");
        waitUntil(() -> !text(robot, "#workspaces-name-message").isEmpty());
        assertThat(text(robot, "#workspaces-name-message"))
                .isEqualTo("must be 3 to 33 characters long (it has 2)\nmay contain only letters, digits, '_' and '-'");
        assertThat(robot.lookup("#workspaces-create").query().isDisabled()).isTrue();
        assertThat(name.getPseudoClassStates()).contains(Styles.STATE_DANGER);
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(studio.workspaces.list()).as("nothing created").hasSize(2);

        robot.push(KeyCode.CONTROL, KeyCode.A).write("ml-dev");
        waitUntil(() -> text(robot, "#workspaces-name-message").isEmpty());
        assertThat(name.getPseudoClassStates()).doesNotContain(Styles.STATE_DANGER);
        assertThat(robot.lookup("#workspaces-resource-group").queryAs(TextField.class).getPromptText())
                .isEqualTo("rg-ml-dev");
        robot.clickOn("#workspaces-create");

        waitUntil(() -> tableNames(robot).contains("ml-dev"));
        waitUntil(() -> "ml-dev".equals(selectedRow(robot)));
        assertThat(robot.lookup("#workspaces-form").query().isVisible()).isFalse();
        assertThat(text(robot, "#workspaces-details-title")).isEqualTo("ml-dev");
        assertThat(robot.lookup("#workspaces-resource-id-value").queryTextInputControl().getText())
                .isEqualTo(studio.workspaces.show("ml-dev").resourceId());
        waitUntil(() -> "ml-dev".equals(picker(robot).getValue()));

        robot.clickOn("#workspaces-copy-resource-id");
        assertThat(text(robot, "#workspaces-notice")).isEqualTo("Resource id copied to the clipboard.");
        assertThat(WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get())
                .isEqualTo(studio.workspaces.show("ml-dev").resourceId());

        robot.push(KeyCode.CONTROL, KeyCode.L).write("keep");
        robot.clickOn("#locks-add");
        waitUntil(() -> robot.lookup("#lock-remove-keep").tryQuery().isPresent());
        assertThat(text(robot, "#locks-summary")).startsWith("Locked: a lock on the resource group stops the"
                + " clusters from scaling (they stay \"Resizing 0 -> 0\"");
        assertThat(robot.lookup(".lock-blocks").queryLabeled().getText())
                .isEqualTo("Blocks deleting the workspace and its compute, and stops the clusters from scaling.");
        assertThat(studio.locks.list("ml-dev")).extracting(ResourceLock::name).containsExactly("keep");

        confirmDelete(robot);
        waitUntil(() -> robot.lookup("#workspaces-delete-error").query().isVisible());
        assertThat(robot.lookup("#workspaces-delete-error").queryAs(Message.class).getDescription())
                .isEqualTo("workspace 'ml-dev' cannot be deleted: its resource group has a CanNotDelete lock 'keep';"
                        + " delete the lock first");
        assertThat(tableNames(robot)).contains("ml-dev");
        assertThat(studio.workspaces.list()).extracting(Workspace::name).contains("ml-dev");

        robot.clickOn("#lock-remove-keep");
        waitUntil(() -> robot.lookup("#lock-remove-keep").tryQuery().isEmpty());
        assertThat(text(robot, "#locks-summary")).startsWith("No locks");

        confirmDelete(robot);
        waitUntil(() -> !tableNames(robot).contains("ml-dev"));
        assertThat(studio.workspaces.list()).extracting(Workspace::name).containsExactly("ml-prod", WS);
        waitUntil(() -> !picker(robot).getItems().contains("ml-dev"));
    }

    @Test
    void aTakenNameIsShownInTheForm(FxRobot robot) throws Exception {
        ConflictException taken = catchThrowableOfType(ConflictException.class,
                () -> studio.workspaces.create(WS, null, null));
        waitUntil(() -> tableNames(robot).size() == 2);
        robot.clickOn("#workspaces-new").write(WS);
        robot.clickOn("#workspaces-create");

        String expected = "a workspace named '" + WS + "' already exists";
        if ("name".equals(taken.field())) {
            // At the field the service names.
            waitUntil(() -> text(robot, "#workspaces-name-message").equals(expected));
        } else {
            waitUntil(() -> robot.lookup("#workspaces-form-error").query().isVisible());
            assertThat(robot.lookup("#workspaces-form-error").queryAs(Message.class).getDescription())
                    .isEqualTo(expected);
        }
        assertThat(robot.lookup("#workspaces-form").query().isVisible()).isTrue();

        robot.type(KeyCode.ESCAPE);
        assertThat(robot.lookup("#workspaces-form").query().isVisible()).isFalse();
    }

    @Test
    void tableAndPickerFollowEachOtherAndLiveRefreshKeepsTheSelection(FxRobot robot) throws Exception {
        waitUntil(() -> tableNames(robot).size() == 2 && selectedRow(robot) != null);
        assertThat(selectedRow(robot)).isEqualTo(picker(robot).getValue()).isEqualTo("ml-prod");

        robot.clickOn(robot.lookup("#workspaces-table .table-cell").match(LabeledMatchers.hasText(WS))
                .queryAs(Node.class));
        waitUntil(() -> WS.equals(picker(robot).getValue()));
        assertThat(text(robot, "#workspaces-details-title")).isEqualTo(WS);
        readWorkspacesAgain();
        assertThat(picker(robot).getValue()).as("the picker still shows it after the shell read its list again")
                .isEqualTo(WS);

        robot.clickOn("#workspace-picker").clickOn(robot.lookup(".list-cell")
                .match(LabeledMatchers.hasText("ml-prod")).queryAs(Node.class));
        waitUntil(() -> "ml-prod".equals(selectedRow(robot)));

        // As the command line would, while the screen is open.
        studio.workspaces.create("aa-first", null, null);
        studio.locks.create("ml-prod", "freeze", LockLevel.READ_ONLY, "audit");
        waitUntil(() -> tableNames(robot).contains("aa-first"));
        waitUntil(() -> robot.lookup("#lock-remove-freeze").tryQuery().isPresent());
        assertThat(selectedRow(robot)).isEqualTo("ml-prod");
        waitUntil(() -> picker(robot).getItems().contains("aa-first"));
        assertThat(picker(robot).getValue()).isEqualTo("ml-prod");
        assertThat(text(robot, "#locks-summary")).endsWith("A ReadOnly lock also blocks every change: compute can be"
                + " neither created nor updated.");
    }

    @Test
    void inANarrowWindowTheLockFieldsKeepTheirWidthAndNoButtonNorLockCutsItsName(FxRobot robot) throws Exception {
        waitUntil(() -> "ml-prod".equals(selectedRow(robot)));
        // As wide as the screen beside the narration panel on a 1024 px projector, in the longer language.
        WaitForAsyncUtils.asyncFx(() -> {
            shell.setLanguage(Locale.forLanguageTag("pt-BR"));
            robot.window(0).setWidth(680);
        }).get();
        WaitForAsyncUtils.waitForFxEvents();

        double em = robot.lookup("#locks-name").queryAs(TextField.class).getFont().getSize();
        for (String field : List.of("#locks-name", "#locks-notes")) {
            assertThat(robot.lookup(field).queryAs(TextField.class).getWidth()).as(field).isGreaterThanOrEqualTo(10 * em);
        }
        studio.locks.create("ml-prod", "keep-prod", LockLevel.CAN_NOT_DELETE, null);
        waitUntil(() -> robot.lookup("#lock-remove-keep-prod").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        for (String label : List.of("keep-prod", "Não excluir (CanNotDelete)")) {
            assertThat(robot.lookup(".lock-heading .label").queryAllAs(Label.class)).as(label)
                    .anySatisfy(shown -> assertThat(robot.from(shown).lookup(".text").queryText().getText())
                            .isEqualTo(label));
        }
        for (String button : List.of("#workspaces-new", "#workspaces-delete", "#locks-add", "#lock-remove-keep-prod")) {
            Button shown = robot.lookup(button).queryButton();
            assertThat(robot.from(shown).lookup(".text").queryText().getText()).as(button).isEqualTo(shown.getText());
        }
    }

    @Test
    void aWorkspaceADemoMakesAgainIsTheOneTheTableTheDetailsAndThePickerShow(FxRobot robot) throws Exception {
        waitUntil(() -> "ml-prod".equals(selectedRow(robot)));
        ShellLink demo = new ShellLink(shell);
        for (int play = 1; play <= 2; play++) {
            // As a demo (re)starts: its workspace is removed if left over, made again, then selected.
            if (studio.workspaces.list().stream().anyMatch(workspace -> workspace.name().equals("demo-autoscale"))) {
                studio.workspaces.delete("demo-autoscale");
                readWorkspacesAgain();
            }
            studio.workspaces.create("demo-autoscale", null, null);
            robot.interact(() -> demo.showWorkspace("demo-autoscale"));

            waitUntil(() -> "demo-autoscale".equals(picker(robot).getValue())
                    && "demo-autoscale".equals(selectedRow(robot))
                    && "demo-autoscale".equals(text(robot, "#workspaces-details-title")));
            robot.clickOn(robot.lookup("#workspaces-table .table-cell").match(LabeledMatchers.hasText("ml-prod"))
                    .queryAs(Node.class));
            waitUntil(() -> "ml-prod".equals(text(robot, "#workspaces-details-title")));
        }
    }

    @Test
    void theDeleteKeyAsksFirstAndCancelKeepsTheWorkspace(FxRobot robot) throws Exception {
        waitUntil(() -> "ml-prod".equals(selectedRow(robot)));
        robot.clickOn(robot.lookup("#workspaces-table .table-cell").match(LabeledMatchers.hasText("ml-prod"))
                .queryAs(Node.class));

        robot.type(KeyCode.DELETE);
        waitUntil(() -> robot.lookup("#workspaces-delete-cancel").tryQuery().isPresent());
        assertThat(robot.lookup("#workspaces-delete-dialog .header-panel .label").queryLabeled().getText())
                .isEqualTo("Delete the workspace 'ml-prod'?");
        robot.clickOn("#workspaces-delete-cancel");

        WaitForAsyncUtils.waitForFxEvents();
        assertThat(tableNames(robot)).contains("ml-prod");
        assertThat(studio.workspaces.list()).hasSize(2);
    }

    /** One more read of the shell's list, finished: it was asked on the FX thread, read in the background, shown on the FX thread. */
    private void readWorkspacesAgain() throws Exception {
        WaitForAsyncUtils.asyncFx(shell::refreshWorkspaces).get();
        background.submit(() -> { }).get();
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void confirmDelete(FxRobot robot) throws TimeoutException {
        robot.clickOn("#workspaces-delete");
        waitUntil(() -> robot.lookup("#workspaces-delete-confirm").tryQuery().isPresent());
        robot.clickOn("#workspaces-delete-confirm");
    }

    @SuppressWarnings("unchecked")
    private static TableView<Workspace> table(FxRobot robot) {
        return robot.lookup("#workspaces-table").queryAs(TableView.class);
    }

    private static List<String> tableNames(FxRobot robot) {
        return table(robot).getItems().stream().map(Workspace::name).toList();
    }

    private static String selectedRow(FxRobot robot) {
        Workspace selected = table(robot).getSelectionModel().getSelectedItem();
        return selected == null ? null : selected.name();
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<String> picker(FxRobot robot) {
        return robot.lookup("#workspace-picker").queryAs(ComboBox.class);
    }

    /** What a label shows; a label that shows nothing reads as empty. */
    private static String text(FxRobot robot, String query) {
        return Objects.requireNonNullElse(robot.lookup(query).queryAs(Label.class).getText(), "");
    }

    private static void waitUntil(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS,
                () -> WaitForAsyncUtils.asyncFx(condition).get());
    }
}
