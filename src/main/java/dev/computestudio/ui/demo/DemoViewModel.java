package dev.computestudio.ui.demo;

import dev.computestudio.demo.DemoServices;
import dev.computestudio.demo.Focus;
import dev.computestudio.demo.Scenario;
import dev.computestudio.demo.ScenarioLibrary;
import dev.computestudio.demo.ScenarioRunner;
import dev.computestudio.demo.StepResult;
import dev.computestudio.demo.Text;
import dev.computestudio.domain.ScaledClock;
import dev.computestudio.ui.common.FieldProblems;
import dev.computestudio.ui.common.Messages;
import dev.computestudio.ui.common.Refusal;
import dev.computestudio.ui.common.ServiceCalls;
import dev.computestudio.ui.common.UiThreads;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The Demos screen's state: the scenarios, the one being played, its narration and results, and
 * the demo clock's speed. Steps run one at a time on the {@code player} executor (a scenario can
 * take minutes, so it does not hold the shared background threads); the studio follows each step
 * to the screen it is about. Titles, narration and results follow the studio's language, also
 * while a scenario plays.
 */
public final class DemoViewModel {

    /** What the demo asks of the studio around it; called on the FX thread. */
    public interface Studio {
        void showScreen(String screenId);

        void showWorkspace(String workspace);

        /** Selects what a step talks about on the screen it is about. */
        void show(Focus focus);

        Studio NONE = new Studio() {
            @Override
            public void showScreen(String screenId) {
            }

            @Override
            public void showWorkspace(String workspace) {
            }

            @Override
            public void show(Focus focus) {
            }
        };
    }

    private static final Logger LOG = LoggerFactory.getLogger(DemoViewModel.class);
    /** However busy the FX thread, a step does not wait longer than this for its words to show. */
    private static final Duration SHOWN_WITHIN = Duration.ofSeconds(2);

    private final Supplier<ScenarioLibrary> library;
    private final DemoServices services;
    private final ServiceCalls calls;
    /** Like {@link #calls}, with the work on the player thread. */
    private final ServiceCalls playerCalls;
    private final ObservableValue<Locale> language;
    private final Messages messages;
    private final Studio studio;
    private final Duration readingTime;
    private List<Scenario> loaded = List.of();
    private volatile ScenarioRunner runner;
    private volatile boolean playing;

    // Properties
    private final ObservableList<ScenarioRow> scenarios = FXCollections.observableArrayList();
    private final ObjectProperty<ScenarioRow> selected = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<Text> titleText = new ReadOnlyObjectWrapper<>(Text.NONE);
    private final ReadOnlyObjectWrapper<Text> narrationText = new ReadOnlyObjectWrapper<>(Text.NONE);
    private final StringBinding title;
    private final StringBinding narration;
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
    private final StringBinding lastResult;
    private final ReadOnlyIntegerWrapper speed = new ReadOnlyIntegerWrapper(1);
    private final FieldProblems problems;
    private final StringBinding problem;
    private final BooleanBinding playDisabled;
    private final BooleanBinding pauseDisabled;
    private final BooleanBinding nextDisabled;
    private final BooleanBinding cleanUpDisabled;

    /**
     * @param language the studio's language, which {@code messages} follows too
     */
    public DemoViewModel(Supplier<ScenarioLibrary> library, DemoServices services, UiThreads threads, Executor player,
                         ObservableValue<Locale> language, Messages messages, Studio studio, Duration readingTime) {
        this.library = library;
        this.services = services;
        this.calls = new ServiceCalls(threads);
        this.playerCalls = new ServiceCalls(new UiThreads(player, threads.fx()));
        this.language = language;
        this.messages = messages;
        this.studio = studio;
        this.readingTime = readingTime;
        title = Bindings.createStringBinding(() -> titleText.get().in(language.getValue()), titleText, language);
        narration = Bindings.createStringBinding(() -> narrationText.get().in(language.getValue()), narrationText,
                language);
        lastResult = Bindings.createStringBinding(() -> results.isEmpty() ? ""
                : messages.format(results.get(results.size() - 1).text()), results, messages.bundleProperty());
        problems = new FieldProblems(messages, field -> null);
        problem = problems.general();
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
        calls.call(() -> library.get().scenarios(), read -> {
            loaded = read;
            showScenarios();
        }, problems::show);
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
        playerCalls.call(() -> {
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
            return row;
        }, played -> playingProperty.set(false), refusal -> {
            playingProperty.set(false);
            showProblem(refusal);
        });
    }

    /** Stops after the step under way; the demo clock stands still between steps. */
    public void pause() {
        playing = false;
        playingProperty.set(false);
    }

    /** Runs one step of the selected scenario. */
    public void next() {
        if (nextDisabled.get()) {
            return;
        }
        ScenarioRow row = selected.get();
        working.set(true);
        playerCalls.call(() -> {
            ensureRunner(row);
            if (!runner.finished()) {
                step();
            }
            return row;
        }, stepped -> { }, this::showProblem);
    }

    /** Removes what the scenario made, then plays it again from the start. */
    public void restart() {
        if (selected.get() == null) {
            return;
        }
        stopPlaying();
        ScenarioRow row = selected.get();
        playerCalls.call(() -> {
            cleanUpNow();
            runner = null;
            return row;
        }, again -> {
            selected.set(again);
            play();
        }, this::showProblem);
    }

    /** Removes everything the scenario made: locks, jobs, clusters (once their nodes are gone), identities, workspace. */
    public void cleanUp() {
        if (runner == null) {
            return;
        }
        stopPlaying();
        playerCalls.call(() -> {
            cleanUpNow();
            return true;
        }, cleaned -> active.set(false), this::showProblem);
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
                // Worded here rather than taken as the runner said it: the language may change while it plays.
                Text said = scenario.steps().get(index).say();
                // The class reads what a step does before it happens: the step waits until the words are shown.
                shown(() -> {
                    narrationText.set(said);
                    stepNumber.set(index + 1);
                });
            }

            @Override
            public void screen(String screen) {
                shown(() -> studio.showScreen(screen));
            }

            @Override
            public void focus(Focus focus) {
                calls.fx(() -> studio.show(focus));
            }

            @Override
            public void workspace(String workspace) {
                calls.fx(() -> studio.showWorkspace(workspace));
            }
        });
        calls.fx(() -> {
            titleText.set(scenario.title());
            narrationText.set(scenario.summary());
            stepNumber.set(0);
            stepCount.set(scenario.steps().size());
            results.clear();
            finished.set(false);
            passed.set(false);
            active.set(true);
        });
    }

    private StepResult step() {
        calls.fx(() -> working.set(true));
        StepResult result = runner.runNext();
        boolean done = runner.finished();
        calls.fx(() -> {
            stepNumber.set(result.index() + 1);
            if (result.text() != null) {
                results.add(new ResultLine(result.text(), result.ok()));
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
        calls.fx(() -> working.set(true));
        ScenarioRunner.CleanUp cleanUp = current.cleanUp();
        calls.fx(() -> {
            cleanUp.texts().forEach(text -> results.add(new ResultLine(text, cleanUp.complete())));
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
    }

    /** Runs a change on the FX thread and waits (briefly) until it is done, so that it shows before what follows. */
    private void shown(Runnable change) {
        CountDownLatch done = new CountDownLatch(1);
        calls.fx(() -> {
            try {
                change.run();
            } finally {
                done.countDown();
            }
        });
        try {
            if (!done.await(SHOWN_WITHIN.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.debug("the FX thread did not show a narration within {}", SHOWN_WITHIN);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A failure on the player thread is shown, not lost with the thread's task. */
    private void showProblem(Refusal refusal) {
        problems.show(refusal);
        working.set(false);
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

    /** The loaded scenario's title in the studio's language. */
    public StringBinding titleProperty() {
        return title;
    }

    /** What to say now, in the studio's language: the scenario's summary, then each step's words. */
    public StringBinding narrationProperty() {
        return narration;
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

    /** A result line in the studio's language. */
    public StringBinding text(ResultLine line) {
        return messages.text(line.text());
    }

    /** The latest result line in the studio's language; empty before the first. */
    public StringBinding lastResultProperty() {
        return lastResult;
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

    /** Why the scenarios could not be read or a step could not run; null when nothing went wrong. */
    public StringBinding problemProperty() {
        return problem;
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
