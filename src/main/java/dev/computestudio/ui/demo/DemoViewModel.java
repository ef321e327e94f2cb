package dev.computestudio.ui.demo;

import dev.computestudio.demo.DemoServices;
import dev.computestudio.demo.Scenario;
import dev.computestudio.demo.ScenarioLibrary;
import dev.computestudio.demo.ScenarioRunner;
import dev.computestudio.demo.StepResult;
import dev.computestudio.domain.ScaledClock;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The Demos screen's state: the scenarios, the one being played, its narration and results, and
 * the demo clock's speed. Steps run one at a time on the {@code player} executor (a scenario can
 * take minutes, so it does not hold the shared background threads); the studio follows each step
 * to the screen it is about.
 */
public final class DemoViewModel {

    /** What the demo asks of the studio around it; called on the FX thread. */
    public interface Studio {
        void showScreen(String screenId);

        void showWorkspace(String workspace);

        Studio NONE = new Studio() {
            @Override
            public void showScreen(String screenId) {
            }

            @Override
            public void showWorkspace(String workspace) {
            }
        };
    }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DemoViewModel.class);

    private final Supplier<ScenarioLibrary> library;
    private final DemoServices services;
    private final Executor background;
    private final Executor fx;
    private final Executor player;
    private final ObservableValue<Locale> language;
    private final Studio studio;
    private final Duration readingTime;
    private List<Scenario> loaded = List.of();
    private volatile ScenarioRunner runner;
    private volatile boolean playing;

    // Properties
    private final ObservableList<ScenarioRow> scenarios = FXCollections.observableArrayList();
    private final ObjectProperty<ScenarioRow> selected = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper narration = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper stepNumber = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyIntegerWrapper stepCount = new ReadOnlyIntegerWrapper(0);
    private final ObservableList<ResultLine> results = FXCollections.observableArrayList();
    // One read-only view each: a view made per call would drop listeners when it is collected.
    private final ObservableList<ResultLine> resultsView = FXCollections.unmodifiableObservableList(results);
    private final ObservableList<ScenarioRow> scenariosView;
    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper playingProperty = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper working = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper finished = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper passed = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyIntegerWrapper speed = new ReadOnlyIntegerWrapper(1);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final BooleanBinding playDisabled;
    private final BooleanBinding pauseDisabled;
    private final BooleanBinding nextDisabled;
    private final BooleanBinding cleanUpDisabled;

    public DemoViewModel(Supplier<ScenarioLibrary> library, DemoServices services,
                         dev.computestudio.ui.common.UiThreads threads, Executor player,
                         ObservableValue<Locale> language, Studio studio, Duration readingTime) {
        this.library = library;
        this.services = services;
        this.background = threads.background();
        this.fx = threads.fx();
        this.player = player;
        this.language = language;
        this.studio = studio;
        this.readingTime = readingTime;
        speed.set(services.clock().speed());
        scenariosView = FXCollections.unmodifiableObservableList(scenarios);
        playDisabled = selected.isNull().or(playingProperty).or(working.and(playingProperty.not()));
        pauseDisabled = playingProperty.not();
        nextDisabled = selected.isNull().or(working).or(playingProperty)
                .or(active.and(finished));
        cleanUpDisabled = active.not().or(working).or(playingProperty);
        language.addListener((observable, old, now) -> showScenarios());
    }

    // Commands

    /** Reads the scenarios; call once when the screen is first shown. */
    public void load() {
        background.execute(() -> {
            try {
                List<Scenario> read = library.get().scenarios();
                fx.execute(() -> {
                    loaded = read;
                    showScenarios();
                });
            } catch (RuntimeException e) {
                fx.execute(() -> problem.set(e.getMessage()));
            }
        });
    }

    /** Nothing to read every second: the runner reports as it goes. */
    public void refresh() {
        // The narration and results arrive from the runner; the other screens show the live state.
    }

    /** Plays the selected scenario from where it stands (from the start when another one is selected). */
    public void play() {
        if (playDisabled.get()) {
            return;
        }
        ScenarioRow row = selected.get();
        playing = true;
        playingProperty.set(true);
        services.clock().resume();
        player.execute(guarded(() -> {
            try {
                ensureRunner(row);
                while (playing && !runner.finished()) {
                    StepResult result = step();
                    if (!result.ok()) {
                        playing = false;
                        break;
                    }
                    if (!result.step().say().isEmpty() && !readingTime.isZero()) {
                        pauseFor(readingTime);
                    }
                }
            } finally {
                fx.execute(() -> playingProperty.set(false));
            }
        }));
    }

    /** Stops after the step under way; the demo clock stands still meanwhile. */
    public void pause() {
        playing = false;
        playingProperty.set(false);
        services.clock().pause();
    }

    /** Runs one step of the selected scenario. */
    public void next() {
        if (nextDisabled.get()) {
            return;
        }
        ScenarioRow row = selected.get();
        services.clock().resume();
        working.set(true);
        player.execute(guarded(() -> {
            ensureRunner(row);
            if (!runner.finished()) {
                step();
            }
        }));
    }

    /** Removes what the scenario made, then plays it again from the start. */
    public void restart() {
        if (selected.get() == null) {
            return;
        }
        stopPlaying();
        ScenarioRow row = selected.get();
        player.execute(() -> {
            cleanUpNow();
            runner = null;
            fx.execute(() -> {
                selected.set(row);
                play();
            });
        });
    }

    /** Removes everything the scenario made: locks, jobs, clusters (once their nodes are gone), identities, workspace. */
    public void cleanUp() {
        if (runner == null) {
            return;
        }
        stopPlaying();
        player.execute(() -> {
            cleanUpNow();
            fx.execute(() -> active.set(false));
        });
    }

    public void setSpeed(int newSpeed) {
        services.clock().setSpeed(newSpeed);
        speed.set(newSpeed);
    }

    // Work on the player thread

    private void ensureRunner(ScenarioRow row) {
        ScenarioRunner current = runner;
        if (current != null && current.scenario().id().equals(row.id())) {
            return;
        }
        if (current != null) {
            cleanUpNow();
        }
        Scenario scenario = loaded.stream().filter(s -> s.id().equals(row.id())).findFirst().orElseThrow();
        Locale locale = language.getValue();
        runner = new ScenarioRunner(scenario, services, locale, new ScenarioRunner.Listener() {
            @Override
            public void narration(int index, String text) {
                fx.execute(() -> {
                    narration.set(text);
                    stepNumber.set(index + 1);
                });
            }

            @Override
            public void screen(String screen) {
                fx.execute(() -> studio.showScreen(screen));
            }

            @Override
            public void workspace(String workspace) {
                fx.execute(() -> studio.showWorkspace(workspace));
            }
        });
        fx.execute(() -> {
            title.set(scenario.title().in(locale));
            narration.set(scenario.summary().in(locale));
            stepNumber.set(0);
            stepCount.set(scenario.steps().size());
            results.clear();
            finished.set(false);
            passed.set(false);
            active.set(true);
        });
    }

    private StepResult step() {
        fx.execute(() -> working.set(true));
        StepResult result = runner.runNext();
        boolean done = runner.finished();
        fx.execute(() -> {
            stepNumber.set(result.index() + 1);
            if (!result.message().isBlank()) {
                results.add(new ResultLine(result.message(), result.ok()));
            }
            boolean allOk = results.stream().allMatch(ResultLine::ok);
            finished.set(done || !result.ok());
            passed.set(done && allOk);
            working.set(false);
        });
        return result;
    }

    private void cleanUpNow() {
        ScenarioRunner current = runner;
        if (current == null) {
            return;
        }
        fx.execute(() -> working.set(true));
        ScenarioRunner.CleanUp cleanUp = current.cleanUp();
        fx.execute(() -> {
            cleanUp.messages().forEach(message -> results.add(new ResultLine(message, cleanUp.complete())));
            working.set(false);
        });
    }

    private void stopPlaying() {
        playing = false;
        playingProperty.set(false);
        ScenarioRunner current = runner;
        if (current != null) {
            current.stop();
        }
        services.clock().resume();
    }

    /** A failure on the player thread is shown, not lost with the thread's task. */
    private Runnable guarded(Runnable work) {
        return () -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                LOG.warn("demo step failed", e);
                fx.execute(() -> {
                    problem.set(String.valueOf(e.getMessage()));
                    working.set(false);
                });
            }
        };
    }

    private void pauseFor(Duration duration) {
        long end = System.nanoTime() + duration.toNanos();
        while (playing && System.nanoTime() < end) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void showScenarios() {
        Locale locale = language.getValue();
        String keep = selected.get() == null ? null : selected.get().id();
        scenarios.setAll(loaded.stream().map(s -> new ScenarioRow(s.id(), s.title().in(locale),
                s.summary().in(locale), s.checkCount())).toList());
        selected.set(scenarios.stream().filter(row -> row.id().equals(keep)).findFirst()
                .orElse(scenarios.isEmpty() ? null : scenarios.get(0)));
    }

    // Read-only views

    public ObservableList<ScenarioRow> scenarios() {
        return scenariosView;
    }

    public ObjectProperty<ScenarioRow> selectedProperty() {
        return selected;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty narrationProperty() {
        return narration.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty stepNumberProperty() {
        return stepNumber.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty stepCountProperty() {
        return stepCount.getReadOnlyProperty();
    }

    public ObservableList<ResultLine> results() {
        return resultsView;
    }

    /** A scenario is loaded (playing, paused or finished) and not cleaned up yet. */
    public ReadOnlyBooleanProperty activeProperty() {
        return active.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty playingProperty() {
        return playingProperty.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty workingProperty() {
        return working.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty finishedProperty() {
        return finished.getReadOnlyProperty();
    }

    /** Every step ran and every check held. */
    public ReadOnlyBooleanProperty passedProperty() {
        return passed.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty speedProperty() {
        return speed.getReadOnlyProperty();
    }

    public List<Integer> speeds() {
        return ScaledClock.SPEEDS;
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public BooleanBinding playDisabledProperty() {
        return playDisabled;
    }

    public BooleanBinding pauseDisabledProperty() {
        return pauseDisabled;
    }

    public BooleanBinding nextDisabledProperty() {
        return nextDisabled;
    }

    public BooleanBinding cleanUpDisabledProperty() {
        return cleanUpDisabled;
    }
}
