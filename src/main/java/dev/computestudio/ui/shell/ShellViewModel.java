package dev.computestudio.ui.shell;

import dev.computestudio.domain.Workspace;
import dev.computestudio.service.PreferencesService;
import dev.computestudio.service.Theme;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * State and commands of the studio's frame: which screen is shown, theme, language, the workspace
 * picker and the status bar. Storage is only touched on the {@code background} executor; results
 * come back through {@code fxThread}, so properties only change on the thread that owns them.
 */
public final class ShellViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(ShellViewModel.class);

    private final PreferencesService preferences;
    private final WorkspaceSource workspaceSource;
    private final Executor background;
    private final Executor fxThread;

    // Properties
    private final ReadOnlyObjectWrapper<Screen> selectedScreen = new ReadOnlyObjectWrapper<>(Screen.WORKSPACES);
    private final ReadOnlyBooleanWrapper darkTheme = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Locale> language = new ReadOnlyObjectWrapper<>();
    private final ObservableList<String> workspaces = FXCollections.observableArrayList();
    private final ObservableList<String> workspacesView = FXCollections.unmodifiableObservableList(workspaces);
    private final ReadOnlyStringWrapper selectedWorkspace = new ReadOnlyStringWrapper();
    private final ReadOnlyObjectWrapper<WorkspaceListState> workspaceListState =
            new ReadOnlyObjectWrapper<>(WorkspaceListState.LOADING);
    private final ReadOnlyStringWrapper dataFolder;
    private final ReadOnlyStringWrapper runner;
    private final ReadOnlyStringWrapper engineState;

    /**
     * Reads the saved theme and language at once, so build this off the FX thread (it may hit storage).
     *
     * @param status     what the status bar reports about this run
     * @param background runs storage calls ({@link WorkspaceSource#list}, saving preferences)
     * @param fxThread   delivers their results; {@code Platform::runLater} in the studio
     */
    public ShellViewModel(PreferencesService preferences, WorkspaceSource workspaceSource, RunStatus status,
                          Executor background, Executor fxThread) {
        this.preferences = Objects.requireNonNull(preferences, "preferences");
        this.workspaceSource = Objects.requireNonNull(workspaceSource, "workspaceSource");
        this.background = Objects.requireNonNull(background, "background");
        this.fxThread = Objects.requireNonNull(fxThread, "fxThread");
        darkTheme.set(preferences.theme() == Theme.DARK);
        language.set(preferences.language());
        dataFolder = new ReadOnlyStringWrapper(status.dataFolder().toString());
        runner = new ReadOnlyStringWrapper(status.runner());
        engineState = new ReadOnlyStringWrapper(status.engineState());
    }

    // Commands

    /**
     * The engine changed state (running, waiting for the lease, stopped): shown in the status bar.
     * Call it on the FX thread.
     */
    public void engineStateChanged(String state) {
        engineState.set(Objects.requireNonNull(state, "state"));
    }

    public void select(Screen screen) {
        selectedScreen.set(Objects.requireNonNull(screen, "screen"));
    }

    public void toggleTheme() {
        darkTheme.set(!darkTheme.get());
        Theme theme = darkTheme.get() ? Theme.DARK : Theme.LIGHT;
        background.execute(() -> save("theme", () -> preferences.setTheme(theme)));
    }

    /** @throws IllegalArgumentException when the studio has no translation for the language */
    public void setLanguage(Locale newLanguage) {
        if (!PreferencesService.isSupported(newLanguage)) {
            throw new IllegalArgumentException("no translation for language " + newLanguage);
        }
        language.set(newLanguage);
        background.execute(() -> save("language", () -> preferences.setLanguage(newLanguage)));
    }

    /** @throws IllegalArgumentException when the name is not one of {@link #workspaces()} */
    public void selectWorkspace(String name) {
        if (!workspaces.contains(name)) {
            throw new IllegalArgumentException("no workspace named '" + name + "' in " + workspaces);
        }
        selectedWorkspace.set(name);
    }

    /** Reads the workspaces again; the selection is kept when that workspace still exists. */
    public void refreshWorkspaces() {
        if (workspaces.isEmpty()) {
            workspaceListState.set(WorkspaceListState.LOADING);
        }
        CompletableFuture.supplyAsync(workspaceSource::list, background)
                .whenComplete((list, failure) -> fxThread.execute(() -> showWorkspaces(list, failure)));
    }

    private void showWorkspaces(List<Workspace> list, Throwable failure) {
        if (failure != null) {
            LOG.warn("Could not read the workspaces", failure);
            workspaces.clear();
            selectedWorkspace.set(null);
            workspaceListState.set(WorkspaceListState.FAILED);
            return;
        }
        List<String> names = list.stream().map(Workspace::name).toList();
        // Changed in place: the list is read about once a second, and replacing it would make the
        // picker drop the workspace it shows.
        workspaces.removeIf(name -> !names.contains(name));
        for (int i = 0; i < names.size(); i++) {
            if (i >= workspaces.size() || !workspaces.get(i).equals(names.get(i))) {
                workspaces.remove(names.get(i));
                workspaces.add(i, names.get(i));
            }
        }
        if (!names.contains(selectedWorkspace.get())) {
            selectedWorkspace.set(names.isEmpty() ? null : names.get(0));
        }
        workspaceListState.set(names.isEmpty() ? WorkspaceListState.EMPTY : WorkspaceListState.READY);
    }

    private static void save(String what, Runnable write) {
        try {
            write.run();
        } catch (RuntimeException e) {
            // The choice still applies to this run; only remembering it failed.
            LOG.warn("Could not save the {} preference", what, e);
        }
    }

    // Read-only views

    public ReadOnlyObjectProperty<Screen> selectedScreenProperty() {
        return selectedScreen.getReadOnlyProperty();
    }

    public Screen selectedScreen() {
        return selectedScreen.get();
    }

    public ReadOnlyBooleanProperty darkThemeProperty() {
        return darkTheme.getReadOnlyProperty();
    }

    public boolean isDarkTheme() {
        return darkTheme.get();
    }

    public ReadOnlyObjectProperty<Locale> languageProperty() {
        return language.getReadOnlyProperty();
    }

    public Locale language() {
        return language.get();
    }

    public List<Locale> supportedLanguages() {
        return PreferencesService.SUPPORTED_LANGUAGES;
    }

    /** Workspace names, by name; unmodifiable. */
    public ObservableList<String> workspaces() {
        return workspacesView;
    }

    public ReadOnlyStringProperty selectedWorkspaceProperty() {
        return selectedWorkspace.getReadOnlyProperty();
    }

    public String selectedWorkspace() {
        return selectedWorkspace.get();
    }

    public ReadOnlyObjectProperty<WorkspaceListState> workspaceListStateProperty() {
        return workspaceListState.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty dataFolderProperty() {
        return dataFolder.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty runnerProperty() {
        return runner.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty engineStateProperty() {
        return engineState.getReadOnlyProperty();
    }

    /** What the status bar reports about this run of the studio. */
    public record RunStatus(Path dataFolder, String runner, String engineState) {

        public RunStatus {
            Objects.requireNonNull(dataFolder, "dataFolder");
            Objects.requireNonNull(runner, "runner");
            Objects.requireNonNull(engineState, "engineState");
        }
    }
}
