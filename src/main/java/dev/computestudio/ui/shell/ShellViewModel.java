package dev.computestudio.ui.shell;

import dev.computestudio.domain.Workspace;
import dev.computestudio.service.PreferencesService;
import dev.computestudio.service.Theme;
import dev.computestudio.ui.common.Messages;
import dev.computestudio.ui.common.ServiceCalls;
import dev.computestudio.ui.common.StudioObject;
import dev.computestudio.ui.common.UiThreads;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * State and commands of the studio's frame: which screen is shown, theme, text size, language (and the
 * studio's texts in it), the workspace picker and the status bar. Storage is only touched through
 * {@link ServiceCalls}, so properties only change on the thread that owns them, and a refresh that
 * comes as the studio closes is dropped.
 */
public final class ShellViewModel {

    private static final String RUNNER_NAME = "status.runner.";

    private final PreferencesService preferences;
    private final WorkspaceSource workspaceSource;
    private final ServiceCalls calls;

    // Properties
    private final ReadOnlyObjectWrapper<Screen> selectedScreen = new ReadOnlyObjectWrapper<>(Screen.WORKSPACES);
    private final ReadOnlyBooleanWrapper darkTheme = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Locale> language = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyIntegerWrapper textSize = new ReadOnlyIntegerWrapper();
    private final ObservableList<String> workspaces = FXCollections.observableArrayList();
    private final ObservableList<String> workspacesView = FXCollections.unmodifiableObservableList(workspaces);
    private final ReadOnlyStringWrapper selectedWorkspace = new ReadOnlyStringWrapper();
    private final ReadOnlyObjectWrapper<WorkspaceListState> workspaceListState =
            new ReadOnlyObjectWrapper<>(WorkspaceListState.LOADING);
    private final ReadOnlyStringWrapper dataFolder;
    private final ReadOnlyStringWrapper runner;
    private final ReadOnlyObjectWrapper<EngineStatus> engineStatus;
    private final Messages messages;
    private final StringBinding workspacePrompt;
    private final StringBinding dataFolderText;
    private final StringBinding runnerText;
    private final StringBinding engineText;
    private final List<Consumer<StudioObject>> openers = new ArrayList<>();

    /**
     * Reads the saved theme, text size and language at once, so build this off the FX thread (it may hit storage).
     *
     * @param status  what the status bar reports about this run
     * @param threads storage calls ({@link WorkspaceSource#list}, saving preferences) run on its
     *                background executor; their results come back on its FX executor
     */
    public ShellViewModel(PreferencesService preferences, WorkspaceSource workspaceSource, RunStatus status,
                          UiThreads threads) {
        this.preferences = Objects.requireNonNull(preferences, "preferences");
        this.workspaceSource = Objects.requireNonNull(workspaceSource, "workspaceSource");
        this.calls = new ServiceCalls(Objects.requireNonNull(threads, "threads"));
        darkTheme.set(preferences.theme() == Theme.DARK);
        language.set(preferences.language());
        textSize.set(preferences.textSize());
        messages = new Messages(language.getReadOnlyProperty());
        dataFolder = new ReadOnlyStringWrapper(status.dataFolder().toString());
        runner = new ReadOnlyStringWrapper(status.runner());
        engineStatus = new ReadOnlyObjectWrapper<>(status.engine());
        workspacePrompt = Bindings.createStringBinding(() -> messages.get(promptKey(workspaceListState.get())),
                workspaceListState, messages.bundleProperty());
        dataFolderText = messages.format("status.dataFolder", dataFolder);
        runnerText = Bindings.createStringBinding(() -> messages.render("status.runner", runnerName(runner.get())),
                runner, messages.bundleProperty());
        engineText = Bindings.createStringBinding(
                () -> messages.render("status.engine", messages.get(engineStatus.get().textKey())),
                engineStatus, messages.bundleProperty());
    }

    // Commands

    /** The engine changed state (running, waiting for the lease, stopped). Call it on the FX thread. */
    public void engineStatusChanged(EngineStatus status) {
        engineStatus.set(Objects.requireNonNull(status, "status"));
    }

    public void select(Screen screen) {
        selectedScreen.set(Objects.requireNonNull(screen, "screen"));
    }

    /**
     * Goes to an object (a notice's): its workspace when it is still listed, the screen that shows it,
     * and there it is selected by the screen that {@link #whenOpened listens}.
     */
    public void open(StudioObject object) {
        if (workspaces.contains(object.workspace())) {
            selectWorkspace(object.workspace());
        }
        // Selecting the screen builds it the first time, and it starts listening before it is told.
        select(screenOf(object));
        show(object);
    }

    /**
     * Selects an object on every screen that lists such things, staying on the screen shown (a demo
     * step chooses its own screen: a cluster on Compute, Identity or the timeline).
     */
    public void show(StudioObject object) {
        openers.forEach(opener -> opener.accept(object));
    }

    /** The screen that shows an object. */
    static Screen screenOf(StudioObject object) {
        return switch (object.kind()) {
            case CLUSTER, NODE -> Screen.COMPUTE;
            case JOB -> Screen.JOBS;
            case IDENTITY -> Screen.IDENTITY;
            case QUOTA -> Screen.QUOTA;
            case LOCK -> Screen.WORKSPACES;
        };
    }

    /** From now on, {@code opener} is told of each object {@link #open opened} (after its screen is selected) or {@link #show shown}. */
    public void whenOpened(Consumer<StudioObject> opener) {
        openers.add(Objects.requireNonNull(opener, "opener"));
    }

    public void toggleTheme() {
        darkTheme.set(!darkTheme.get());
        Theme theme = darkTheme.get() ? Theme.DARK : Theme.LIGHT;
        remember(() -> preferences.setTheme(theme));
    }

    /** @throws IllegalArgumentException when the studio has no translation for the language */
    public void setLanguage(Locale newLanguage) {
        if (!PreferencesService.isSupported(newLanguage)) {
            throw new IllegalArgumentException("no translation for language " + newLanguage);
        }
        language.set(newLanguage);
        remember(() -> preferences.setLanguage(newLanguage));
    }

    /** @throws IllegalArgumentException when the size is not one of {@link #textSizes()}; the size stays */
    public void setTextSize(int percent) {
        if (!PreferencesService.TEXT_SIZES.contains(percent)) {
            throw new IllegalArgumentException("no text size of " + percent + " %; sizes: "
                    + PreferencesService.TEXT_SIZES);
        }
        if (percent != textSize.get()) {
            textSize.set(percent);
            remember(() -> preferences.setTextSize(percent));
        }
    }

    /** The next larger text size; the largest stays. */
    public void enlargeText() {
        List<Integer> sizes = PreferencesService.TEXT_SIZES;
        setTextSize(sizes.get(Math.min(sizes.indexOf(textSize.get()) + 1, sizes.size() - 1)));
    }

    /** The next smaller text size; the normal size stays. */
    public void reduceText() {
        List<Integer> sizes = PreferencesService.TEXT_SIZES;
        setTextSize(sizes.get(Math.max(sizes.indexOf(textSize.get()) - 1, 0)));
    }

    public void resetTextSize() {
        setTextSize(PreferencesService.NORMAL_TEXT_SIZE);
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
        calls.call(workspaceSource::list, this::showWorkspaces, refusal -> showUnreadable());
    }

    private void showUnreadable() {
        workspaces.clear();
        selectedWorkspace.set(null);
        workspaceListState.set(WorkspaceListState.FAILED);
    }

    private void showWorkspaces(List<Workspace> list) {
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

    /** Saves a choice for the next run. When that fails (logged), the choice still applies to this run. */
    private void remember(Runnable write) {
        calls.call(() -> {
            write.run();
            return true;
        }, saved -> { }, refusal -> { });
    }

    private static String promptKey(WorkspaceListState state) {
        return "workspace.picker." + state.name().toLowerCase(Locale.ROOT);
    }

    /** A runner by the name the engine gives it (e.g. process), in the user's words when the studio has them. */
    private String runnerName(String name) {
        return messages.contains(RUNNER_NAME + name) ? messages.get(RUNNER_NAME + name) : name;
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

    /** The text size in percent of the normal size. */
    public ReadOnlyIntegerProperty textSizeProperty() {
        return textSize.getReadOnlyProperty();
    }

    public List<Integer> textSizes() {
        return PreferencesService.TEXT_SIZES;
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

    /** The node runner in use, by the name the engine gives it, e.g. {@code process}. */
    public ReadOnlyStringProperty runnerProperty() {
        return runner.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<EngineStatus> engineStatusProperty() {
        return engineStatus.getReadOnlyProperty();
    }

    /** The studio's texts in the chosen language. */
    public Messages messages() {
        return messages;
    }

    /** What the workspace picker says while it shows no workspace. */
    public StringBinding workspacePromptProperty() {
        return workspacePrompt;
    }

    public StringBinding dataFolderTextProperty() {
        return dataFolderText;
    }

    public StringBinding runnerTextProperty() {
        return runnerText;
    }

    public StringBinding engineTextProperty() {
        return engineText;
    }

    /** What the status bar reports about this run of the studio. */
    public record RunStatus(Path dataFolder, String runner, EngineStatus engine) {

        public RunStatus {
            Objects.requireNonNull(dataFolder, "dataFolder");
            Objects.requireNonNull(runner, "runner");
            Objects.requireNonNull(engine, "engine");
        }
    }
}
