package dev.computestudio.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The command line as a user runs it: separate JVMs over one real H2 file, jobs as real
 * processes, {@code serve} as a real background process.
 */
class CommandLineEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    private CliRunner cli;
    private final List<Process> background = new ArrayList<>();

    @BeforeEach
    void createWorkspaceAndCluster() throws Exception {
        cli = new CliRunner(data);
        assertThat(cli.run("workspace", "create", "--name", "ws1").exitCode()).isZero();
        CliRunner.Result created = cli.run("compute", "create", "-w", "ws1", "--name", "cpu", "--min-instances", "0",
                "--max-instances", "2", "--idle-time-before-scale-down", "5");
        assertThat(created.exitCode()).as(created.err()).isZero();
    }

    @AfterEach
    void stopBackgroundProcesses() throws IOException {
        background.forEach(Process::destroyForcibly);
        // Left in the build output so that a failure here can be understood afterwards.
        for (String log : List.of("serve-1.err", "serve-2.err")) {
            Path file = data.resolve(log);
            if (Files.exists(file)) {
                System.err.println("--- " + log + "\n" + Files.readString(file));
            }
        }
    }

    @Test
    void streamingAJobPrintsItsOutputAndExitsZeroWhenItCompletes() throws Exception {
        CliRunner.Result result = cli.run("job", "create", "-w", "ws1", "--compute", "cpu", "--name", "hello",
                "--command", "echo hello from rank $NODE_RANK of $AZUREML_RUN_ID", "--stream");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo("hello from rank 0 of hello\n");
        assertThat(result.err()).contains("[hello] Queued").contains("[hello] Completed, exit code 0");
        JsonNode job = json(cli.run("job", "show", "-w", "ws1", "--name", "hello", "-o", "json"));
        assertThat(job.get("status").asText()).isEqualTo("Completed");
        assertThat(job.get("attempt").asInt()).isEqualTo(1);
    }

    @Test
    void streamingAFailingJobExitsOne() throws Exception {
        CliRunner.Result result = cli.run("job", "create", "-w", "ws1", "--compute", "cpu", "--name", "broken",
                "--command", "echo about to fail; exit 3", "--stream");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).isEqualTo("about to fail\n");
        assertThat(result.err()).contains("Failed, exit code 3");
    }

    @Test
    void badInputNamesTheFieldAndTheRuleWithoutATraceAndChangesNothing() throws Exception {
        CliRunner.Result result = cli.run("compute", "create", "-w", "ws1", "--name", "cpu-cluster-1",
                "--min-instances", "3", "--max-instances", "2");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err())
                .contains("error: name: must not end with '-' followed by digits (rule: suffix)")
                .contains("error: max_instances: must not be below min_instances (2 < 3) (rule: not-below-min)")
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(json(cli.run("compute", "list", "-w", "ws1", "-o", "json"))).hasSize(1);
    }

    @Test
    void exitCodesTellNotFoundFromConflict() throws Exception {
        assertThat(cli.run("compute", "show", "-w", "ws1", "--name", "nope").exitCode()).isEqualTo(3);
        assertThat(cli.run("workspace", "create", "--name", "ws1").exitCode()).isEqualTo(4);
        String resource = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg"
                + "/providers/Microsoft.MachineLearningServices/workspaces/other/computes/shared";
        assertThat(cli.run("compute", "attach", "-w", "ws1", "--name", "first", "--resource-id", resource).exitCode())
                .isZero();
        CliRunner.Result second = cli.run("compute", "attach", "-w", "ws1", "--name", "second",
                "--resource-id", resource);
        assertThat(second.exitCode()).isEqualTo(4);
        assertThat(second.err()).contains("already attached").contains("'first'").contains("detach 'first' first");
    }

    @Test
    void withServeRunningTheClusterScalesFromZeroToOneAndBack() throws Exception {
        startServe("serve-1");
        List<Integer> seen = new ArrayList<>(List.of(clusterJson().get("currentNodeCount").asInt()));
        CliRunner.Result submitted = cli.run("job", "create", "-w", "ws1", "--compute", "cpu", "--name", "nap",
                "--command", "sleep 2");
        assertThat(submitted.exitCode()).as(submitted.err()).isZero();

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .alias("node counts seen " + seen).until(() -> {
            int current = clusterJson().get("currentNodeCount").asInt();
            if (seen.isEmpty() || seen.get(seen.size() - 1) != current) {
                seen.add(current);
            }
            return seen.contains(1) && current == 0;
        });

        assertThat(seen).startsWith(0).containsSubsequence(0, 1, 0);
        JsonNode cluster = clusterJson();
        assertThat(cluster.get("allocationState").asText()).isEqualTo("Steady");
        assertThat(cluster.get("nodeStateCounts").get("idleNodeCount").asInt()).isZero();
        assertThat(json(cli.run("job", "show", "-w", "ws1", "--name", "nap", "-o", "json")).get("status").asText())
                .isEqualTo("Completed");
    }

    @Test
    void killingServeMidJobLosesNothingAndLeavesNoOrphan() throws Exception {
        Process serve = startServe("serve-1");
        cli.run("job", "create", "-w", "ws1", "--compute", "cpu", "--name", "long",
                "--command", "echo started; if [ \"$AZUREML_ATTEMPT\" = 1 ]; then sleep 120; fi; echo finished");
        await().atMost(Duration.ofSeconds(60)).until(() -> jobStatus("long").equals("Running"));
        Path firstLog = data.resolve("jobs/ws1/long/attempt-1/std_log_process_0.txt");
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(firstLog)
                && Files.readString(firstLog).contains("started"));

        serve.destroyForcibly().waitFor();
        startServe("serve-2");

        await().atMost(Duration.ofSeconds(60)).until(() -> jobStatus("long").equals("Completed"));
        JsonNode job = json(cli.run("job", "show", "-w", "ws1", "--name", "long", "-o", "json"));
        assertThat(job.get("attempt").asInt()).isEqualTo(2);
        assertThat(Files.readString(data.resolve("jobs/ws1/long/attempt-2/std_log_process_0.txt")))
                .isEqualTo("started\nfinished\n");
        assertThat(Files.readString(firstLog)).doesNotContain("finished");
        assertThat(MarkedProcesses.pids(data)).isEmpty();
    }

    @Test
    void stoppingServeWithSigtermHandsItsRunningJobBackAndStopsItsProcess() throws Exception {
        Process serve = startServe("serve-1");
        cli.run("job", "create", "-w", "ws1", "--compute", "cpu", "--name", "long", "--command", "sleep 300");
        await().atMost(Duration.ofSeconds(60)).until(() -> jobStatus("long").equals("Running"));
        assertThat(MarkedProcesses.pids(data)).as("the job's processes").isNotEmpty();

        serve.destroy();

        assertThat(serve.waitFor(60, TimeUnit.SECONDS)).as("serve stopped within 60 s of SIGTERM").isTrue();
        assertThat(Files.readString(data.resolve("serve-1.err"))).contains("Stopping the engine")
                .doesNotContain("Exception");
        assertThat(MarkedProcesses.pids(data)).as("job processes left running").isEmpty();
        JsonNode job = json(cli.run("job", "show", "-w", "ws1", "--name", "long", "-o", "json"));
        assertThat(job.get("status").asText()).isEqualTo("Queued");
        assertThat(job.get("error").asText()).contains("the engine restarted");
    }

    @Test
    void stoppingTheStudioWithSigtermHandsItsRunningJobBackAndStopsItsProcess() throws Exception {
        CliRunner headless = new CliRunner(data, List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless",
                "-Dprism.order=sw", "-Djava.awt.headless=true"));
        Path studioLog = data.resolve("studio.err");
        Process studio = headless.startInBackground(data.resolve("studio.out"), studioLog);
        background.add(studio);
        cli.run("job", "create", "-w", "ws1", "--compute", "cpu", "--name", "long", "--command", "sleep 300");
        // Running means the studio is up: its engine is the only one over this data folder.
        await().atMost(Duration.ofSeconds(60)).until(() -> jobStatus("long").equals("Running"));
        assertThat(MarkedProcesses.pids(data)).as("the job's processes").isNotEmpty();

        studio.destroy();

        assertThat(studio.waitFor(60, TimeUnit.SECONDS)).as("the studio stopped within 60 s of SIGTERM").isTrue();
        assertThat(Files.readString(studioLog)).doesNotContain("Exception");
        assertThat(MarkedProcesses.pids(data)).as("job processes left running").isEmpty();
        JsonNode job = json(cli.run("job", "show", "-w", "ws1", "--name", "long", "-o", "json"));
        assertThat(job.get("status").asText()).isEqualTo("Queued");
        assertThat(job.get("error").asText()).contains("the engine restarted");
    }

    private Process startServe(String name) throws IOException {
        Process serve = cli.startInBackground(data.resolve(name + ".out"), data.resolve(name + ".err"), "serve");
        background.add(serve);
        return serve;
    }

    private JsonNode clusterJson() throws Exception {
        return json(cli.run("compute", "show", "-w", "ws1", "--name", "cpu", "-o", "json"));
    }

    private String jobStatus(String name) throws Exception {
        return json(cli.run("job", "show", "-w", "ws1", "--name", name, "-o", "json")).get("status").asText();
    }

    private static JsonNode json(CliRunner.Result result) throws IOException {
        assertThat(result.exitCode()).as(result.err()).isZero();
        return JSON.readTree(result.out());
    }
}
