package dev.computestudio.cli;

import dev.computestudio.domain.Message;
import dev.computestudio.demo.DemoServices;
import dev.computestudio.demo.Scenario;
import dev.computestudio.demo.ScenarioLibrary;
import dev.computestudio.demo.ScenarioRunner;
import dev.computestudio.demo.StepResult;
import dev.computestudio.domain.NotFoundException;
import dev.computestudio.domain.ScaledClock;
import dev.computestudio.domain.ValidationException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Collectors;

/** {@code demo list|run}: the studio's demo scenarios, played headless with the real engine. */
@Command(name = "demo", description = "Play the demo scenarios for training classes without the window.",
        mixinStandardHelpOptions = true)
final class DemoCommands {

    private final GlobalContext context;

    DemoCommands(GlobalContext context) {
        this.context = context;
    }

    @Command(name = "list", description = "List the scenarios with a one-line summary.", mixinStandardHelpOptions = true)
    int list(@Option(names = "--language", paramLabel = "TAG", defaultValue = "en",
                     description = "en or pt-BR (default: ${DEFAULT-VALUE}).") String language,
             @Option(names = "--scenarios", paramLabel = "DIR", description = "Read scenarios from this folder.")
             Path folder) {
        Locale locale = Locale.forLanguageTag(language);
        Table table = new Table("Name", "Title", "Checks", "Summary");
        for (Scenario scenario : library(folder).scenarios()) {
            table.row(scenario.id(), scenario.title().in(locale), String.valueOf(scenario.checkCount()),
                    scenario.summary().in(locale));
        }
        table.print(context.out());
        return ExitCodes.OK;
    }

    @Command(name = "run", description = "Run a scenario in its own workspace, printing the narration and each "
            + "step's result, then remove what it made. Exits 0 when all its checks hold.",
            mixinStandardHelpOptions = true)
    int run(@Parameters(paramLabel = "NAME", description = "The scenario, as 'demo list' names it.") String name,
            @Option(names = "--speed", paramLabel = "N", defaultValue = "20",
                    description = "How many times faster the engine's clock runs: 1, 5 or 20 (default: "
                            + "${DEFAULT-VALUE}).") int speed,
            @Option(names = "--language", paramLabel = "TAG", defaultValue = "en",
                    description = "en or pt-BR (default: ${DEFAULT-VALUE}).") String language,
            @Option(names = "--scenarios", paramLabel = "DIR", description = "Read scenarios from this folder.")
            Path folder) throws InterruptedException {
        if (!ScaledClock.SPEEDS.contains(speed)) {
            throw ValidationException.of("speed", "demo-speed",
                    Message.of("invalid.demo.speed", String.valueOf(ScaledClock.SPEEDS), speed));
        }
        ScenarioLibrary library = library(folder);
        Scenario scenario = library.find(name).orElseThrow(() -> new NotFoundException("name",
                Message.of("notfound.demo-scenario", name, library.scenarios().stream().map(Scenario::id)
                        .collect(Collectors.joining(", ")))));
        Backend backend = context.backend();
        ScaledClock clock = backend.clock();
        clock.setSpeed(speed);
        Locale locale = Locale.forLanguageTag(language);
        PrintWriter out = context.out();
        out.printf("%s - %s%n  (workspace %s, clock %dx)%n", scenario.id(), scenario.title().in(locale),
                scenario.workspace(), speed);
        out.flush();
        DemoServices services = new DemoServices(backend.workspaces(), backend.compute(), backend.jobs(),
                backend.quota(), backend.locks(), backend.identities(), clock);
        int total = scenario.steps().size();
        ScenarioRunner runner = new ScenarioRunner(scenario, services, locale, new ScenarioRunner.Listener() {
            @Override
            public void narration(int index, String text) {
                out.printf("%n[%d/%d] %s%n", index + 1, total, text);
                out.flush();
            }

            @Override
            public void result(StepResult result) {
                if (!result.message().isBlank()) {
                    out.printf("      %s %s%n", result.ok() ? "ok  " : "FAIL", result.message());
                    out.flush();
                }
            }
        });
        ScenarioRunner.Outcome outcome;
        try (EngineSession session = new EngineSession(backend.engine())) {
            session.awaitUntil(() -> session.engine().state() != dev.computestudio.engine.Engine.State.STOPPED,
                    java.time.Duration.ofSeconds(5));
            if (!session.engine().holdsLease() && session.awaitUntil(session.engine()::holdsLease,
                    java.time.Duration.ofSeconds(2)) == false) {
                context.err().println("note: another process holds the engine lease; the scenario runs at that "
                        + "process's clock speed, not " + speed + "x");
            }
            outcome = runner.runAll();
        }
        out.println();
        outcome.cleanUp().messages().forEach(message -> out.println("  clean-up: " + message));
        long checks = outcome.results().stream().filter(r -> r.step().isCheck() && r.ok()).count();
        if (outcome.passed()) {
            out.printf("All %d checks of '%s' hold.%n", checks, scenario.id());
            return ExitCodes.OK;
        }
        out.printf("'%s' did not pass: %d of %d checks held%s.%n", scenario.id(), checks, scenario.checkCount(),
                outcome.cleanUp().complete() ? "" : ", and the clean-up is incomplete");
        return ExitCodes.FAILURE;
    }

    private static ScenarioLibrary library(Path folder) {
        return folder == null ? ScenarioLibrary.installed() : ScenarioLibrary.load(folder);
    }
}
