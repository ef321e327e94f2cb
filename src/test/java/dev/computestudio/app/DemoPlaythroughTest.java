package dev.computestudio.app;

import dev.computestudio.demo.Action;
import dev.computestudio.demo.Scenario;
import dev.computestudio.demo.ScenarioLibrary;
import dev.computestudio.demo.Step;
import dev.computestudio.domain.ComputeCluster;
import dev.computestudio.domain.Job;
import dev.computestudio.domain.NotFoundException;
import dev.computestudio.service.PreferencesService;
import dev.computestudio.ui.demo.ResultLine;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A trainer plays every scenario through the Demos screen of the whole studio, pausing at random
 * moments for random lengths of time as a class asks questions, at the demo clock's 1x and 20x,
 * in English and in Portuguese: every check holds every time, each step's words appear before it
 * acts, and the studio ends on what the last step talked about.
 */
@ExtendWith(ApplicationExtension.class)
class DemoPlaythroughTest {

    private static final Locale PORTUGUESE = PreferencesService.BRAZILIAN_PORTUGUESE;
    /** The table and the row the last step of each scenario talks about. */
    private static final Map<String, List<String>> LAST_SHOWN = Map.of(
            "autoscale", List.of("#compute-table", "cpu-cluster"),
            "low-priority", List.of("#jobs-table", "train-lowpri"),
            "managed-identity", List.of("#identity-clusters", "id-cluster"),
            "quota", List.of("#jobs-table", "train-gpu"),
            "resource-lock", List.of("#jobs-table", "blocked-job"));

    private final Random random = new Random();
    /** What existed in the scenario's workspace when each narration appeared. */
    private final Map<String, Set<String>> existingWhenSaid = new ConcurrentHashMap<>();
    private StudioWindow studio;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void close() throws InterruptedException {
        if (studio != null) {
            studio.close();
        }
    }

    /** Every scenario at both speeds; each speed in both languages, alternating. */
    static Stream<Arguments> plays() {
        List<Arguments> plays = new ArrayList<>();
        List<Scenario> scenarios = ScenarioLibrary.load(Path.of("assets", "demos")).scenarios();
        for (int i = 0; i < scenarios.size(); i++) {
            String id = scenarios.get(i).id();
            plays.add(Arguments.of(id, 20, i % 2 == 0 ? Locale.ENGLISH : PORTUGUESE));
            plays.add(Arguments.of(id, 1, i % 2 == 0 ? PORTUGUESE : Locale.ENGLISH));
        }
        return plays.stream();
    }

    @ParameterizedTest(name = "{0} at {1}x in {2}")
    @MethodSource("plays")
    void everyCheckHoldsWhateverThePausesBetweenSteps(String id, int speed, Locale language, FxRobot robot)
            throws Exception {
        Scenario scenario = ScenarioLibrary.load(Path.of("assets", "demos")).find(id).orElseThrow();
        long seed = random.nextLong();
        Random pauses = new Random(seed);
        studio = new StudioWindow("demo-playthrough");
        studio.context.clock().setSpeed(speed);
        WaitForAsyncUtils.asyncFx(() -> studio.show(stage, language)).get();
        robot.clickOn("#nav-demos");
        recordWhatExistsWhenEachNarrationAppears(robot, scenario.workspace());
        robot.clickOn(scenario.title().in(language));

        robot.clickOn("#demo-play");
        while (!playedToTheEnd(robot)) {
            // The trainer lets it play a little, pauses, talks for a while, and plays on.
            Thread.sleep(pauses.nextInt(1_500));
            if (!button(robot, "#demo-narration-pause").isDisabled()) {
                robot.clickOn("#demo-narration-pause");
            }
            Thread.sleep(pauses.nextInt(2_500));
            if (!playedToTheEnd(robot)) {
                robot.clickOn("#demo-narration-play");
            }
        }

        String played = id + " at " + speed + "x in " + language + " (pauses seeded " + seed + ")";
        robot.clickOn("#nav-demos");
        List<ResultLine> results = List.copyOf(robot.lookup("#demo-results").<ResultLine>queryListView().getItems());
        assertThat(results).as(played).isNotEmpty().allMatch(ResultLine::ok);
        assertThat(robot.lookup("#demo-outcome").queryAs(Label.class).getText()).as(played)
                .isEqualTo(language == Locale.ENGLISH ? "All checks hold" : "Todas as verificações foram atendidas");
        assertThat(results.stream().filter(line -> line.text().code().startsWith("demo.result.wait")))
                .as("each check says how long it took on the demo clock").hasSize((int) scenario.checkCount())
                .allMatch(line -> List.of("demo.result.waitOk", "demo.result.waitAtOnce").contains(line.text().code()));
        assertTheWordsCameBeforeTheirStep(scenario, language, played);

        List<String> last = LAST_SHOWN.get(id);
        String lastScreen = scenario.steps().stream().map(Step::screen).filter(s -> s != null)
                .reduce((a, b) -> b).orElseThrow();
        robot.clickOn("#nav-" + lastScreen);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(selectedName(robot, last.get(0)))
                .as(played + ": the studio shows what the last step talked about").isEqualTo(last.get(1)));

        robot.clickOn("#nav-demos");
        robot.clickOn("#demo-clean");
        await().atMost(Duration.ofSeconds(90)).until(() -> studio.context.workspaces().list().stream()
                .noneMatch(w -> w.name().equals(scenario.workspace())));
    }

    /** Idle (neither playing nor running a step) with no step left. */
    private static boolean playedToTheEnd(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        await().atMost(Duration.ofSeconds(600)).until(() -> !button(robot, "#demo-narration-play").isDisabled()
                || !button(robot, "#demo-narration-pause").isDisabled());
        boolean idle = !button(robot, "#demo-narration-play").isDisabled();
        return idle && button(robot, "#demo-narration-next").isDisabled();
    }

    private static Button button(FxRobot robot, String query) {
        return robot.lookup(query).queryButton();
    }

    private void recordWhatExistsWhenEachNarrationAppears(FxRobot robot, String workspace) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> robot.lookup("#demo-narration").queryAs(Label.class).textProperty()
                .addListener((observable, old, said) -> existingWhenSaid.put(said, existing(workspace)))).get();
    }

    private Set<String> existing(String workspace) {
        Set<String> names = new HashSet<>();
        try {
            studio.context.compute().list(workspace).stream().map(ComputeCluster::name).forEach(names::add);
            studio.context.jobs().list(workspace).stream().map(Job::name).forEach(names::add);
        } catch (NotFoundException noWorkspaceYet) {
            // The first step makes it.
        }
        return names;
    }

    private void assertTheWordsCameBeforeTheirStep(Scenario scenario, Locale language, String played) {
        for (Step step : scenario.steps()) {
            String made = step.action() == Action.CREATE_CLUSTER ? step.param("cluster")
                    : step.action() == Action.SUBMIT_JOB ? step.param("job") : null;
            String said = step.say().in(language);
            if (made != null && !said.isBlank()) {
                assertThat(existingWhenSaid).as(played + ": the words of the step that makes " + made)
                        .containsKey(said);
                assertThat(existingWhenSaid.get(said)).as(played + ": " + made + " existed before its step was told")
                        .doesNotContain(made);
            }
        }
    }

    private static String selectedName(FxRobot robot, String table) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            Object row = robot.lookup(table).queryAs(TableView.class).getSelectionModel().getSelectedItem();
            if (row == null) {
                return null;
            }
            var name = row.getClass().getMethod("name");
            name.setAccessible(true);
            return (String) name.invoke(row);
        }).get();
    }
}
