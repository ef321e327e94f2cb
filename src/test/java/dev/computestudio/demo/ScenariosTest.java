package dev.computestudio.demo;

import dev.computestudio.app.AppContext;
import dev.computestudio.engine.EngineSettings;
import dev.computestudio.infra.persistence.Database;
import dev.computestudio.infra.runner.ProcessNodeRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every scenario of assets/demos played headless at 20x with the real engine, local processes and
 * an H2 file: its checks must hold and the clean-up must leave nothing behind.
 */
class ScenariosTest {

    static final Path SCENARIOS = Path.of("assets", "demos");

    @TempDir
    Path folder;
    private AppContext studio;

    @AfterEach
    void close() {
        if (studio != null) {
            studio.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"autoscale", "low-priority", "managed-identity", "quota", "resource-lock"})
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void playsAtTwentyTimesWithAllChecksHoldingAndLeavesNothingBehind(String id) {
        studio = openAtTwentyTimes(folder);
        Scenario scenario = ScenarioLibrary.load(SCENARIOS).find(id).orElseThrow();
        List<String> said = new ArrayList<>();
        ScenarioRunner runner = new ScenarioRunner(scenario, services(studio), Locale.ENGLISH,
                new ScenarioRunner.Listener() {
                    @Override
                    public void narration(int index, String text) {
                        said.add(text);
                    }

                    @Override
                    public void result(StepResult result) {
                        System.out.println(id + " step " + (result.index() + 1) + ": " + result.message());
                    }
                });

        ScenarioRunner.Outcome outcome = runner.runAll();
        outcome.cleanUp().messages().forEach(message -> System.out.println(id + " clean-up: " + message));

        assertThat(outcome.results()).as(outcome.toString()).hasSize(scenario.steps().size())
                .allSatisfy(result -> assertThat(result.ok()).as(result.message()).isTrue());
        assertThat(outcome.cleanUp().complete()).as(outcome.cleanUp().messages().toString()).isTrue();
        assertThat(outcome.passed()).isTrue();
        assertThat(said).hasSize(scenario.steps().size());
        assertThat(studio.workspaces().list()).as("workspaces left").isEmpty();
    }

    /**
     * The trainer explains after every step for longer than the job's whole run would take on a
     * running demo clock: the job is still held for the preemption, and attempt 2 completes.
     */
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aPauseAfterEveryStepLongerThanTheJobChangesNothing() throws InterruptedException {
        studio = openAtTwentyTimes(folder);
        Scenario scenario = ScenarioLibrary.load(SCENARIOS).find("low-priority").orElseThrow();
        ScenarioRunner runner = new ScenarioRunner(scenario, services(studio), Locale.ENGLISH,
                ScenarioRunner.Listener.NONE);
        List<StepResult> results = new ArrayList<>();

        results.add(runner.runNext());
        while (!runner.finished()) {
            Instant paused = studio.clock().instant();
            // 1.5 s at 20x would be 30 s of demo time: five times the job's 6 s.
            Thread.sleep(1_500);
            assertThat(studio.clock().instant()).as("the demo clock stands still between steps").isEqualTo(paused);
            results.add(runner.runNext());
        }

        assertThat(results).allSatisfy(result -> assertThat(result.ok()).as(result.message()).isTrue());
        assertThat(results.stream().filter(r -> r.step().isCheck()).map(StepResult::message))
                .anyMatch(message -> message.matches("Check holds after [1-9]\\d* s on the demo clock: .*"));
        assertThat(studio.jobs().show(scenario.workspace(), "train-lowpri").attempt()).isEqualTo(2);
        assertThat(runner.cleanUp().complete()).isTrue();
        assertThat(studio.clock().paused()).as("the clock runs again after the clean-up").isFalse();
    }

    @Test
    void fiveScenariosEachWithEveryTextInEnglishAndBrazilianPortuguese() {
        List<Scenario> scenarios = ScenarioLibrary.load(SCENARIOS).scenarios();

        assertThat(scenarios).extracting(Scenario::id)
                .containsExactly("autoscale", "low-priority", "managed-identity", "quota", "resource-lock");
        for (Scenario scenario : scenarios) {
            List<Text> texts = new ArrayList<>(List.of(scenario.title(), scenario.summary()));
            scenario.steps().forEach(step -> texts.add(step.say()));
            assertThat(texts).as(scenario.id()).allSatisfy(text ->
                    assertThat(text.byLanguage()).containsOnlyKeys("en", "pt-BR"));
            assertThat(scenario.checkCount()).as(scenario.id()).isGreaterThanOrEqualTo(2);
            assertThat(scenario.workspace()).startsWith("demo-");
        }
        assertThat(scenarios).extracting(Scenario::workspace).doesNotHaveDuplicates();
    }

    @Test
    void thePortugueseNarrationNamesAWorkspaceAsTheStudioDoes() {
        for (Scenario scenario : ScenarioLibrary.load(SCENARIOS).scenarios()) {
            List<Text> texts = new ArrayList<>(List.of(scenario.title(), scenario.summary()));
            scenario.steps().forEach(step -> texts.add(step.say()));
            assertThat(texts).as(scenario.id()).extracting(text -> text.in(Locale.forLanguageTag("pt-BR")))
                    .noneMatch(said -> said.toLowerCase(Locale.ROOT).contains("workspace"));
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aCheckThatCannotHoldFailsWithWhatWasSeenInsteadOfHanging() {
        studio = openAtTwentyTimes(folder);
        Scenario scenario = ScenarioLibrary.parse(yaml("""
                id: never
                workspace: demo-never
                steps:
                  - do: create_workspace
                  - do: create_cluster
                    cluster: cpu-cluster
                    size: Standard_DS1_v2
                  - do: wait
                    until: nodes
                    cluster: cpu-cluster
                    at_least: 1
                    within: 2
                """), "never.yaml");

        ScenarioRunner.Outcome outcome = new ScenarioRunner(scenario, services(studio), Locale.ENGLISH,
                ScenarioRunner.Listener.NONE).runAll();

        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.results().get(2).message()).contains("Check failed").contains("cpu-cluster has 0 node(s)");
        assertThat(outcome.cleanUp().complete()).isTrue();
        assertThat(studio.workspaces().list()).isEmpty();
    }

    @Test
    void stepResultsAreInBrazilianPortugueseWhenAsked() {
        studio = openAtTwentyTimes(folder);
        Scenario scenario = ScenarioLibrary.load(SCENARIOS).find("quota").orElseThrow();
        List<String> said = new ArrayList<>();
        ScenarioRunner runner = new ScenarioRunner(scenario, services(studio), Locale.forLanguageTag("pt-BR"),
                new ScenarioRunner.Listener() {
                    @Override
                    public void narration(int index, String text) {
                        said.add(text);
                    }
                });

        StepResult first = runner.runNext();

        assertThat(said).containsExactly("Um espaço de trabalho novo para esta demonstração.");
        assertThat(first.message()).isEqualTo("Espaço de trabalho demo-quota criado para este cenário");
        assertThat(runner.cleanUp().complete()).isTrue();
    }

    static AppContext openAtTwentyTimes(Path folder) {
        AppContext context = AppContext.over(folder, Database.openFile(folder), new ProcessNodeRunner(folder),
                Clock.systemUTC(), EngineSettings.defaults().withTick(Duration.ofMillis(100)), "demo test");
        context.clock().setSpeed(20);
        context.engine().start();
        return context;
    }

    static DemoServices services(AppContext context) {
        return new DemoServices(context.workspaces(), context.compute(), context.jobs(), context.quota(),
                context.locks(), context.identities(), context.clock());
    }

    private static com.fasterxml.jackson.databind.JsonNode yaml(String text) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper(
                    new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
