package dev.computestudio.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringWriter;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code demo list} and {@code demo run} through the real command line, engine and processes. */
class DemoCommandsTest {

    @TempDir
    Path folder;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        InProcessCli.Result result = new InProcessCli(folder).run(args);
        out.write(result.out());
        err.write(result.err());
        return result.exitCode();
    }

    @Test
    void listsTheFiveScenariosWithTheirSummaries() {
        assertThat(run("demo", "list", "--language", "pt-BR")).isZero();

        assertThat(out.toString()).contains("autoscale", "low-priority", "managed-identity", "quota", "resource-lock")
                .contains("Cota - um cluster de GPU bloqueado em 0 núcleos");
    }

    @Test
    void runsTheResourceLockScenarioPrintingNarrationAndResultsAndExitsZero() {
        int code = run("demo", "run", "resource-lock", "--speed", "20");

        assertThat(code).as(out + "\n" + err).isZero();
        assertThat(out.toString())
                .contains("[5/9] The symptom from the article: the cluster is stuck Resizing (0 -> 0).")
                .containsPattern("ok   Check holds (after \\d+ s on the demo clock|at once)").contains("cpu-cluster is Resizing (0 -> 0)")
                .contains("clean-up: Removed workspace demo-lock")
                .contains("All 4 checks of 'resource-lock' hold.");
    }

    @Test
    void anUnknownScenarioIsNotFoundAndABadSpeedIsBadInput() {
        assertThat(run("demo", "run", "nope")).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(err.toString()).contains("known: autoscale, low-priority");
        assertThat(run("demo", "run", "quota", "--speed", "7")).isEqualTo(ExitCodes.BAD_INPUT);
    }
}
