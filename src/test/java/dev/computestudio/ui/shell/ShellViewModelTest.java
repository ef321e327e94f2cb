package dev.computestudio.ui.shell;

import dev.computestudio.domain.Workspace;
import dev.computestudio.domain.port.SettingsRepository;
import dev.computestudio.domain.port.WorkspaceRepository;
import dev.computestudio.service.PreferencesService;
import dev.computestudio.ui.common.StudioObject;
import dev.computestudio.ui.common.UiThreads;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShellViewModelTest {

    private static final ShellViewModel.RunStatus STATUS =
            new ShellViewModel.RunStatus(Path.of("/home/ana/.compute-studio"), "process", EngineStatus.NOT_RUNNING);

    private final InMemorySettings settings = new InMemorySettings();
    private final InMemoryWorkspaces workspaces = new InMemoryWorkspaces();

    @Test
    void opensOnTheWorkspacesScreenAndShowsTheSelectedEntry() {
        ShellViewModel shell = shell();
        assertThat(shell.selectedScreen()).isEqualTo(Screen.WORKSPACES);

        shell.select(Screen.COMPUTE);
        assertThat(shell.selectedScreenProperty().get()).isEqualTo(Screen.COMPUTE);

        shell.select(Screen.TIMELINE);
        assertThat(shell.selectedScreen()).isEqualTo(Screen.TIMELINE);
    }

    @Test
    void togglingTheThemeSwitchesToDarkAndRemembersIt() {
        ShellViewModel shell = shell();
        assertThat(shell.isDarkTheme()).isFalse();

        shell.toggleTheme();

        assertThat(shell.darkThemeProperty().get()).isTrue();
        assertThat(settings.values).containsEntry("studio.theme", "dark");
        assertThat(shell().isDarkTheme()).as("next run").isTrue();

        shell.toggleTheme();

        assertThat(shell.isDarkTheme()).isFalse();
        assertThat(settings.values).containsEntry("studio.theme", "light");
    }

    @Test
    void changingTheLanguageRemembersIt() {
        ShellViewModel shell = shell();
        assertThat(shell.language()).isEqualTo(Locale.ENGLISH);

        shell.setLanguage(PreferencesService.BRAZILIAN_PORTUGUESE);

        assertThat(shell.languageProperty().get()).isEqualTo(PreferencesService.BRAZILIAN_PORTUGUESE);
        assertThat(settings.values).containsEntry("studio.language", "pt-BR");
        assertThat(shell().language()).as("next run").isEqualTo(PreferencesService.BRAZILIAN_PORTUGUESE);
    }

    @Test
    void theTextSizeGrowsAndShrinksByStepsWithinItsBoundsAndIsRemembered() {
        ShellViewModel shell = shell();
        assertThat(shell.textSizeProperty().get()).isEqualTo(100);

        shell.enlargeText();
        shell.enlargeText();

        assertThat(shell.textSizeProperty().get()).isEqualTo(150);
        assertThat(shell().textSizeProperty().get()).as("next run").isEqualTo(150);

        shell.enlargeText();
        shell.enlargeText();
        shell.enlargeText();
        assertThat(shell.textSizeProperty().get()).as("the largest stays").isEqualTo(200);

        shell.resetTextSize();
        shell.reduceText();
        assertThat(shell.textSizeProperty().get()).as("the normal size is the smallest").isEqualTo(100);
        assertThat(settings.values).containsEntry("studio.textSize", "100");
    }

    @Test
    void refusesATextSizeThatIsNotOneOfTheStepsAndKeepsTheOneItHas() {
        ShellViewModel shell = shell();
        shell.setTextSize(175);

        assertThatThrownBy(() -> shell.setTextSize(350))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("350");
        assertThatThrownBy(() -> shell.setTextSize(90)).isInstanceOf(IllegalArgumentException.class);

        assertThat(shell.textSizeProperty().get()).isEqualTo(175);
        assertThat(shell().textSizeProperty().get()).as("next run").isEqualTo(175);
    }

    @Test
    void refusesALanguageWithoutTranslation() {
        ShellViewModel shell = shell();

        assertThatThrownBy(() -> shell.setLanguage(Locale.JAPANESE)).isInstanceOf(IllegalArgumentException.class);
        assertThat(shell.language()).isEqualTo(Locale.ENGLISH);
        assertThat(settings.values).doesNotContainKey("studio.language");
    }

    @Test
    void loadsTheWorkspacesInTheBackgroundAndHandsThemToTheFxThread() {
        workspaces.insert(workspace("ml-prod"));
        workspaces.insert(workspace("ml-dev"));
        QueuedExecutor background = new QueuedExecutor();
        QueuedExecutor fxThread = new QueuedExecutor();
        ShellViewModel shell = new ShellViewModel(preferences(), workspaces::list, STATUS,
                new UiThreads(background, fxThread));

        shell.refreshWorkspaces();
        assertThat(shell.workspaceListStateProperty().get()).isEqualTo(WorkspaceListState.LOADING);
        assertThat(workspaces.listCalls).as("nothing read on the caller's thread").isZero();

        background.runAll();
        assertThat(workspaces.listCalls).isEqualTo(1);
        assertThat(shell.workspaces()).as("not published before the FX thread runs").isEmpty();

        fxThread.runAll();
        assertThat(shell.workspaces()).containsExactly("ml-dev", "ml-prod");
        assertThat(shell.selectedWorkspace()).isEqualTo("ml-dev");
        assertThat(shell.workspaceListStateProperty().get()).isEqualTo(WorkspaceListState.READY);
    }

    @Test
    void keepsTheChosenWorkspaceWhenTheListIsReadAgain() {
        workspaces.insert(workspace("ml-dev"));
        workspaces.insert(workspace("ml-prod"));
        ShellViewModel shell = shell();
        shell.refreshWorkspaces();
        shell.selectWorkspace("ml-prod");

        workspaces.insert(workspace("ml-audit"));
        shell.refreshWorkspaces();

        assertThat(shell.workspaces()).containsExactly("ml-audit", "ml-dev", "ml-prod");
        assertThat(shell.selectedWorkspaceProperty().get()).isEqualTo("ml-prod");
    }

    @Test
    void openingAnObjectGoesToItsWorkspaceAndScreenThenTellsTheScreen() {
        workspaces.insert(workspace("ml-dev"));
        workspaces.insert(workspace("ml-prod"));
        ShellViewModel shell = shell();
        shell.refreshWorkspaces();
        List<String> told = new ArrayList<>();
        shell.whenOpened(object -> told.add(shell.selectedScreen() + " " + shell.selectedWorkspace() + " "
                + object.name()));

        shell.open(StudioObject.cluster("ml-prod", "gpu-cluster"));
        shell.open(StudioObject.job("ml-dev", "train-1"));
        shell.open(StudioObject.of(StudioObject.Kind.LOCK, "ml-prod", "keep"));

        assertThat(told).containsExactly("COMPUTE ml-prod gpu-cluster", "JOBS ml-dev train-1",
                "WORKSPACES ml-prod keep");
    }

    @Test
    void openingAnObjectOfAWorkspaceNoLongerListedStillGoesToItsScreen() {
        workspaces.insert(workspace("ml-dev"));
        ShellViewModel shell = shell();
        shell.refreshWorkspaces();

        shell.open(StudioObject.job("deleted-ws", "train-1"));

        assertThat(shell.selectedScreen()).isEqualTo(Screen.JOBS);
        assertThat(shell.selectedWorkspace()).isEqualTo("ml-dev");
    }

    @Test
    void selectsAnotherWorkspaceWhenTheChosenOneIsGone() {
        workspaces.insert(workspace("ml-dev"));
        workspaces.insert(workspace("ml-prod"));
        ShellViewModel shell = shell();
        shell.refreshWorkspaces();
        shell.selectWorkspace("ml-prod");

        workspaces.delete("ml-prod");
        shell.refreshWorkspaces();

        assertThat(shell.selectedWorkspace()).isEqualTo("ml-dev");
    }

    @Test
    void refusesToSelectAWorkspaceThatIsNotListed() {
        workspaces.insert(workspace("ml-dev"));
        ShellViewModel shell = shell();
        shell.refreshWorkspaces();

        assertThatThrownBy(() -> shell.selectWorkspace("nope")).isInstanceOf(IllegalArgumentException.class);
        assertThat(shell.selectedWorkspace()).isEqualTo("ml-dev");
    }

    @Test
    void saysWhenThereAreNoWorkspaces() {
        ShellViewModel shell = shell();

        shell.refreshWorkspaces();

        assertThat(shell.workspaces()).isEmpty();
        assertThat(shell.selectedWorkspace()).isNull();
        assertThat(shell.workspaceListStateProperty().get()).isEqualTo(WorkspaceListState.EMPTY);
    }

    @Test
    void saysWhenTheWorkspacesCouldNotBeRead() {
        ShellViewModel shell = new ShellViewModel(preferences(), () -> {
            throw new IllegalStateException("database is locked");
        }, STATUS, UiThreads.direct());

        shell.refreshWorkspaces();

        assertThat(shell.workspaces()).isEmpty();
        assertThat(shell.workspaceListStateProperty().get()).isEqualTo(WorkspaceListState.FAILED);
    }

    @Test
    void reportsWhatTheCallerSaysAboutThisRun() {
        ShellViewModel shell = shell();

        assertThat(shell.dataFolderProperty().get()).isEqualTo(Path.of("/home/ana/.compute-studio").toString());
        assertThat(shell.runnerProperty().get()).isEqualTo("process");
        assertThat(shell.engineStatusProperty().get()).isEqualTo(EngineStatus.NOT_RUNNING);
        assertThat(shell.dataFolderTextProperty().get())
                .isEqualTo("Data folder: " + Path.of("/home/ana/.compute-studio"));
        assertThat(shell.runnerTextProperty().get()).isEqualTo("Runner: process");
        assertThat(shell.engineTextProperty().get()).isEqualTo("Engine: not running");

        shell.engineStatusChanged(EngineStatus.WAITING_FOR_LEASE);

        assertThat(shell.engineTextProperty().get()).isEqualTo("Engine: waiting for another process");
    }

    @Test
    void theStatusBarsWordsFollowTheLanguageBothWays() {
        ShellViewModel shell = shell();
        shell.engineStatusChanged(EngineStatus.RUNNING);

        shell.setLanguage(PreferencesService.BRAZILIAN_PORTUGUESE);

        assertThat(shell.runnerTextProperty().get()).isEqualTo("Executor: processos locais");
        assertThat(shell.engineTextProperty().get()).isEqualTo("Mecanismo: em execução");
        assertThat(shell.workspacePromptProperty().get()).isEqualTo("Carregando espaços de trabalho…");

        shell.setLanguage(Locale.ENGLISH);

        assertThat(shell.runnerTextProperty().get()).isEqualTo("Runner: process");
        assertThat(shell.engineTextProperty().get()).isEqualTo("Engine: running");
        assertThat(shell.workspacePromptProperty().get()).isEqualTo("Loading workspaces…");
    }

    @Test
    void workAskedForWhileTheStudioClosesIsDroppedWithoutAnError() {
        workspaces.insert(workspace("ml-dev"));
        ExecutorService closed = Executors.newSingleThreadExecutor();
        closed.shutdown();
        ShellViewModel shell = new ShellViewModel(preferences(), workspaces::list, STATUS,
                new UiThreads(closed, Runnable::run));

        shell.refreshWorkspaces();
        shell.toggleTheme();

        assertThat(workspaces.listCalls).isZero();
        assertThat(shell.workspaces()).isEmpty();
        assertThat(shell.isDarkTheme()).as("still applies to this run").isTrue();
    }

    @Test
    void stillAppliesAThemeThatCouldNotBeSaved() {
        settings.failWrites = true;
        ShellViewModel shell = shell();

        shell.toggleTheme();

        assertThat(shell.isDarkTheme()).isTrue();
    }

    private ShellViewModel shell() {
        return new ShellViewModel(preferences(), workspaces::list, STATUS, UiThreads.direct());
    }

    private PreferencesService preferences() {
        return new PreferencesService(settings, Locale.US);
    }

    private static Workspace workspace(String name) {
        return new Workspace(name, Workspace.DEFAULT_LOCATION, "00000000-0000-0000-0000-000000000000", "rg-ml",
                Instant.parse("2025-01-01T00:00:00Z"));
    }

    /** Runs tasks only when asked, so a test can see the state between the two threads' work. */
    private static final class QueuedExecutor implements Executor {
        private final Queue<Runnable> tasks = new ArrayDeque<>();

        @Override
        public void execute(Runnable task) {
            tasks.add(task);
        }

        void runAll() {
            while (!tasks.isEmpty()) {
                tasks.remove().run();
            }
        }
    }

    private static final class InMemorySettings implements SettingsRepository {
        final Map<String, String> values = new HashMap<>();
        boolean failWrites;

        @Override
        public Optional<String> get(String key) {
            return Optional.ofNullable(values.get(key));
        }

        @Override
        public void put(String key, String value) {
            if (failWrites) {
                throw new IllegalStateException("disk full");
            }
            values.put(key, value);
        }
    }

    private static final class InMemoryWorkspaces implements WorkspaceRepository {
        private final Map<String, Workspace> byName = new TreeMap<>();
        int listCalls;

        @Override
        public void insert(Workspace workspace) {
            byName.put(workspace.name(), workspace);
        }

        @Override
        public Optional<Workspace> find(String name) {
            return Optional.ofNullable(byName.get(name));
        }

        @Override
        public List<Workspace> list() {
            listCalls++;
            return List.copyOf(byName.values());
        }

        @Override
        public boolean delete(String name) {
            return byName.remove(name) != null;
        }
    }
}
