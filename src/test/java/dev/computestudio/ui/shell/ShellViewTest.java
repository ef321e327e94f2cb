package dev.computestudio.ui.shell;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.computestudio.domain.Workspace;
import dev.computestudio.domain.port.SettingsRepository;
import dev.computestudio.service.PreferencesService;
import dev.computestudio.ui.common.Messages;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
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

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/** The shell on a real (headless) stage, wired as the studio wires it: storage off the FX thread. */
@ExtendWith(ApplicationExtension.class)
class ShellViewTest {

    private static final Path DATA_FOLDER = Path.of("/home/ana/.compute-studio");

    private final Map<String, String> settings = new ConcurrentHashMap<>();
    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private ShellViewModel shell;

    @Start
    void start(Stage stage) {
        shell = new ShellViewModel(new PreferencesService(new MapSettings(settings), Locale.US),
                () -> List.of(workspace("ml-dev"), workspace("ml-prod")),
                new ShellViewModel.RunStatus(DATA_FOLDER, "process", "not running"),
                background, Platform::runLater);
        stage.setScene(new Scene(new ShellView(shell, new Messages(shell.languageProperty())), 1200, 760));
        shell.refreshWorkspaces();
        stage.show();
    }

    @AfterEach
    void stopBackground() {
        background.shutdownNow();
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
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> "dark".equals(settings.get("studio.theme")));

        robot.clickOn("#theme-toggle");

        assertThat(Application.getUserAgentStylesheet()).isEqualTo(new PrimerLight().getUserAgentStylesheetBSS());
    }

    @Test
    void statusBarShowsTheDataFolderRunnerAndEngineState(FxRobot robot) {
        assertThat(text(robot, "#status-data-folder")).isEqualTo("Data folder: " + DATA_FOLDER);
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
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> "pt-BR".equals(settings.get("studio.language")));
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Labeled.class).getText();
    }

    private static Workspace workspace(String name) {
        return new Workspace(name, Workspace.DEFAULT_LOCATION, "00000000-0000-0000-0000-000000000000", "rg-ml",
                Instant.parse("2025-01-01T00:00:00Z"));
    }

    /** In memory; the JDBC repository is not in this branch. */
    private record MapSettings(Map<String, String> values) implements SettingsRepository {

        @Override
        public Optional<String> get(String key) {
            return Optional.ofNullable(values.get(key));
        }

        @Override
        public void put(String key, String value) {
            values.put(key, value);
        }
    }
}
