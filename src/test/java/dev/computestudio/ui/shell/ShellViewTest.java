package dev.computestudio.ui.shell;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.computestudio.domain.Workspace;
import dev.computestudio.infra.persistence.Database;
import dev.computestudio.service.PreferencesService;
import dev.computestudio.ui.common.Messages;
import javafx.application.Application;
import dev.computestudio.ui.common.UiThreads;
import dev.computestudio.testing.TestStage;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.stage.Window;
import javafx.scene.control.MenuButton;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.ToggleButton;
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
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The shell on a real (headless) stage over a real H2 file, wired as the studio wires it: storage off the FX thread. */
@ExtendWith(ApplicationExtension.class)
class ShellViewTest {

    private static double fontSize(FxRobot robot, String query) {
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup(query).queryAs(Labeled.class).getFont().getSize();
    }

    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private Path dataFolder;
    private Database database;
    private ShellViewModel shell;
    private TextZoom zoom;

    @Start
    void start(Stage stage) throws IOException {
        dataFolder = Files.createTempDirectory("shell-view-test");
        database = Database.openFile(dataFolder);
        database.workspaces().insert(workspace("ml-dev"));
        database.workspaces().insert(workspace("ml-prod"));
        shell = new ShellViewModel(new PreferencesService(database.settings(), Locale.US), database.workspaces()::list,
                new ShellViewModel.RunStatus(dataFolder, "process", EngineStatus.NOT_RUNNING),
                new UiThreads(background, Platform::runLater));
        TestStage.setScene(stage, new ShellView(shell, new Messages(shell.languageProperty())), 1200, 760);
        shell.refreshWorkspaces();
        stage.show();
        zoom = TextZoom.follow(shell);
    }

    @AfterEach
    void closeEverything(FxRobot robot) throws InterruptedException {
        robot.interact(zoom::stop);
        background.shutdown();
        background.awaitTermination(5, TimeUnit.SECONDS);
        database.close();
    }

    @Test
    void navigationShowsTheChosenScreensEmptyState(FxRobot robot) {
        assertThat(text(robot, "#screen-title")).isEqualTo("Workspaces");

        robot.clickOn("#nav-compute");

        assertThat(text(robot, "#screen-title")).isEqualTo("Compute");
        assertThat(text(robot, ".empty-state-title")).isEqualTo("Not available in this version yet");
        assertThat(text(robot, ".empty-state-message")).contains("compute clusters");
        assertThat(robot.lookup("#nav-compute").queryAs(ToggleButton.class).isSelected()).isTrue();

        robot.clickOn("#nav-compute");
        assertThat(robot.lookup("#nav-compute").queryAs(ToggleButton.class).isSelected())
                .as("clicking the shown entry keeps it highlighted").isTrue();

        robot.clickOn("#nav-demos");

        assertThat(text(robot, "#screen-title")).isEqualTo("Demos");
        assertThat(text(robot, ".empty-state-message")).contains("preemption");
        assertThat(shell.selectedScreen()).isEqualTo(Screen.DEMOS);
    }

    @Test
    void themeToggleSwitchesTheStudioToDarkAndRemembersIt(FxRobot robot) throws TimeoutException {
        assertThat(Application.getUserAgentStylesheet()).isEqualTo(new PrimerLight().getUserAgentStylesheetBSS());

        robot.clickOn("#theme-toggle");

        assertThat(Application.getUserAgentStylesheet()).isEqualTo(new PrimerDark().getUserAgentStylesheetBSS());
        assertThat(shell.isDarkTheme()).isTrue();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> database.settings().get("studio.theme").equals(Optional.of("dark")));

        robot.clickOn("#theme-toggle");

        assertThat(Application.getUserAgentStylesheet()).isEqualTo(new PrimerLight().getUserAgentStylesheetBSS());
    }

    @Test
    void inTheDarkThemeTheSettingsMenuFillsItsWholePopupWindow(FxRobot robot) {
        robot.clickOn("#theme-toggle").clickOn("#settings-menu");

        // A margin around the menu would be transparent, and a desktop without transparency paints it white.
        ContextMenu menu = Window.getWindows().stream().filter(window -> window instanceof ContextMenu)
                .map(ContextMenu.class::cast).filter(ContextMenu::isShowing).findFirst().orElseThrow();
        Region drawn = (Region) menu.getSkin().getNode();
        assertThat(drawn.getWidth()).isCloseTo(menu.getWidth(), within(1.0));
        assertThat(drawn.getHeight()).isCloseTo(menu.getHeight(), within(1.0));
        assertThat(drawn.getBackground()).as("the menu's own background, the theme's").isNotNull();
        robot.type(KeyCode.ESCAPE).clickOn("#theme-toggle");
    }

    @Test
    void aDialogOfTheStudioShowsDisabledButtonsAsTheMainWindowDoes(FxRobot robot) throws Exception {
        Button inWindow = new Button("off");
        Alert dialog = WaitForAsyncUtils.asyncFx(() -> {
            inWindow.setDisable(true);
            ((Pane) robot.lookup("#status-engine").queryAs(Node.class).getParent()).getChildren().add(inWindow);
            Alert alert = new Alert(Alert.AlertType.CONFIRMATION);
            alert.initOwner(robot.window(0));
            alert.getDialogPane().lookupButton(ButtonType.OK).setDisable(true);
            alert.show();
            return alert;
        }).get();
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(dialog.getDialogPane().lookupButton(ButtonType.OK).getOpacity()).isEqualTo(inWindow.getOpacity())
                .isGreaterThan(0.4);
        robot.interact(dialog::close);
    }

    @Test
    void ctrlEqualsEnlargesTheTextOfTheWholeStudioAndCtrlZeroBringsItBack(FxRobot robot) {
        double normal = fontSize(robot, "#app-title");
        double status = fontSize(robot, "#status-engine");

        robot.press(KeyCode.CONTROL).type(KeyCode.EQUALS).type(KeyCode.EQUALS).release(KeyCode.CONTROL);

        assertThat(shell.textSizeProperty().get()).isEqualTo(150);
        assertThat(fontSize(robot, "#app-title")).isCloseTo(normal * 1.5, within(0.5));
        assertThat(fontSize(robot, "#status-engine")).isCloseTo(status * 1.5, within(0.5));

        robot.press(KeyCode.CONTROL).type(KeyCode.MINUS).release(KeyCode.CONTROL);
        assertThat(fontSize(robot, "#app-title")).isCloseTo(normal * 1.25, within(0.5));

        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT0).release(KeyCode.CONTROL);

        assertThat(shell.textSizeProperty().get()).isEqualTo(100);
        assertThat(fontSize(robot, "#app-title")).isCloseTo(normal, within(0.01));
    }

    @Test
    void theTextSizeChosenInTheSettingsMenuIsShownAndRemembered(FxRobot robot) throws TimeoutException {
        double normal = fontSize(robot, "#app-title");

        robot.clickOn("#settings-menu").clickOn("200 %");

        assertThat(fontSize(robot, "#app-title")).isCloseTo(normal * 2, within(0.5));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> database.settings().get("studio.textSize").equals(Optional.of("200")));

        robot.press(KeyCode.CONTROL).type(KeyCode.MINUS).release(KeyCode.CONTROL);
        robot.clickOn("#settings-menu");
        assertThat(robot.lookup("175 %").queryAs(Node.class)).isNotNull();
        RadioMenuItem checked = (RadioMenuItem) robot.lookup("#settings-menu").queryAs(MenuButton.class).getItems()
                .stream().filter(item -> item instanceof RadioMenuItem radio && radio.isSelected()
                        && "text-size-175".equals(radio.getId())).findFirst().orElse(null);
        assertThat(checked).as("the menu checks the size the keys chose").isNotNull();
        robot.type(KeyCode.ESCAPE);
    }

    @Test
    void statusBarShowsTheDataFolderRunnerAndEngineState(FxRobot robot) {
        assertThat(text(robot, "#status-data-folder")).isEqualTo("Data folder: " + dataFolder);
        assertThat(text(robot, "#status-runner")).isEqualTo("Runner: process");
        assertThat(text(robot, "#status-engine")).isEqualTo("Engine: not running");
    }

    @Test
    void workspacePickerOffersTheStoredWorkspaces(FxRobot robot) throws TimeoutException {
        ComboBox<?> picker = robot.lookup("#workspace-picker").queryComboBox();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> picker.getItems().size() == 2);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(picker.getValue()).isEqualTo("ml-dev");

        robot.clickOn("#workspace-picker").clickOn("ml-prod");

        assertThat(shell.selectedWorkspace()).isEqualTo("ml-prod");
    }

    @Test
    void switchingToPortugueseTranslatesTheShellAndRemembersIt(FxRobot robot) throws TimeoutException {
        robot.clickOn("#settings-menu").clickOn("#language-pt-BR");

        assertThat(text(robot, "#nav-workspaces")).isEqualTo("Espaços de trabalho");
        assertThat(text(robot, "#screen-title")).isEqualTo("Espaços de trabalho");
        assertThat(text(robot, ".empty-state-title")).isEqualTo("Ainda não disponível nesta versão");
        assertThat(text(robot, "#status-engine")).isEqualTo("Mecanismo: não está em execução");
        assertThat(text(robot, "#status-runner")).isEqualTo("Executor: processos locais");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> database.settings().get("studio.language").equals(Optional.of("pt-BR")));
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Labeled.class).getText();
    }

    private static Workspace workspace(String name) {
        return new Workspace(name, Workspace.DEFAULT_LOCATION, "00000000-0000-0000-0000-000000000000", "rg-ml",
                Instant.parse("2025-01-01T00:00:00Z"));
    }
}
