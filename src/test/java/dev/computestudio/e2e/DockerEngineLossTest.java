package dev.computestudio.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.computestudio.infra.runner.docker.DockerEngine;
import dev.computestudio.testing.UnixSocketProxy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The Docker engine goes away under a running {@code serve --runner docker} and comes back,
 * without touching the real engine: {@code serve} reaches it through DOCKER_HOST pointing at a
 * Unix-socket proxy of the test's own, and closing the proxy is the engine going away. Skipped,
 * saying why, where no engine answers.
 */
class DockerEngineLossTest {

    private static final String IMAGE = "compute-studio-test/busybox:1";
    private static final String CPU = "cpu";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static Path engineSocket;

    @TempDir
    Path data;

    /** Unique per run: the workspace label tells this test's containers from any other's. */
    private final String workspace = "loss-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    private UnixSocketProxy proxy;
    private ServeProcess serve;

    @BeforeAll
    static void engineAndImage() throws Exception {
        DockerEngine local = DockerEngine.fromEnvironment();
        assumeTrue(local.answers(), "no Docker engine answers at " + local.host()
                + ": the engine-loss test is skipped (CI starts one in .ci/run)");
        engineSocket = UnixSocketProxy.socketOf(local.host()).orElse(null);
        assumeTrue(engineSocket != null, "the Docker engine at " + local.host()
                + " is not on a Unix socket, so no proxy can stand in front of it: the engine-loss test is skipped");
        Process importing = new ProcessBuilder("assets/docker/import-busybox.sh", IMAGE).inheritIO().start();
        assertThat(importing.waitFor()).as("importing the test image").isZero();
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (serve != null) {
            serve.destroy();
            System.err.println("--- serve said:\n" + serve.output());
        }
        if (proxy != null) {
            proxy.close();
        }
        for (String id : ourContainers()) {
            docker("rm", "-f", id);
        }
        for (String network : docker("network", "ls", "-q", "--filter", "label=computestudio.data=" + data)) {
            docker("network", "rm", network);
        }
    }

    @Test
    void whenTheEngineGoesAwayTheJobIsRequeuedAndWhenItReturnsTheClusterHealsAndTheJobCompletes() throws Exception {
        CliRunner cli = new CliRunner(data);
        createWorkspaceAndCluster(cli);
        proxy = new UnixSocketProxy(data.resolve("docker.sock"), engineSocket);
        proxy.start();
        serve = ServeProcess.start(cli.with("docker", Map.of("DOCKER_HOST", proxy.dockerHost())), "serve")
                .awaitRunning(PATIENCE);
        assertThat(serve.output()).contains("runner docker");
        expectSuccess(cli.run("job", "create", "-w", workspace, "--compute", CPU, "--name", "survivor", "--command",
                "echo attempt $AZUREML_ATTEMPT; if [ \"$AZUREML_ATTEMPT\" = 1 ]; then sleep 300; fi; echo finished"));
        await().atMost(PATIENCE).until(() -> job(cli).get("status").asText().equals("Running"));
        assertThat(ourContainers()).as("a node container and the job's container").hasSize(2);
        String lostNode = job(cli).get("nodeIds").get(0).asText();

        proxy.stop();

        await().atMost(PATIENCE).until(() -> errorCodes(cluster(cli)).contains("RunnerUnavailable"));
        JsonNode lost = cluster(cli);
        assertThat(lost.get("errors").get(0).get("message").asText())
                .contains("the Docker engine at " + proxy.dockerHost()).contains("does not answer");
        assertThat(nodeStates(cli)).containsOnly("unusable");
        JsonNode waiting = job(cli);
        assertThat(waiting.get("status").asText()).isEqualTo("Queued");
        assertThat(waiting.get("attempt").asInt()).isEqualTo(1);

        proxy.start();

        await().atMost(PATIENCE).until(() -> job(cli).get("status").asText().equals("Completed"));
        JsonNode completed = job(cli);
        assertThat(completed.get("attempt").asInt()).isEqualTo(2);
        assertThat(completed.get("nodeIds").get(0).asText()).as("the node of attempt 2").isNotEqualTo(lostNode);
        assertThat(Files.readString(data.resolve("jobs/" + workspace + "/survivor/attempt-2/std_log_process_0.txt")))
                .isEqualTo("attempt 2\nfinished\n");
        JsonNode healed = cluster(cli);
        assertThat(healed.get("errors")).as("errors once the engine answers again").isEmpty();
        await().atMost(PATIENCE).alias("the cluster back to zero nodes after its idle time")
                .until(() -> cluster(cli).get("currentNodeCount").asInt() == 0);
        assertThat(ourContainers()).as("containers of this workspace left on the engine").isEmpty();
        serve.stop();
    }

    private void createWorkspaceAndCluster(CliRunner cli) throws Exception {
        expectSuccess(cli.run("workspace", "create", "--name", workspace));
        expectSuccess(cli.run("config", "set", "--key", "docker.node-image", "--value", IMAGE));
        expectSuccess(cli.run("config", "set", "--key", "docker.job-image", "--value", IMAGE));
        expectSuccess(cli.run("compute", "create", "-w", workspace, "--name", CPU, "--size", "Standard_DS1_v2",
                "--min-instances", "0", "--max-instances", "1", "--idle-time-before-scale-down", "2"));
    }

    private JsonNode job(CliRunner cli) throws Exception {
        return json(cli.run("job", "show", "-w", workspace, "--name", "survivor", "-o", "json"));
    }

    private JsonNode cluster(CliRunner cli) throws Exception {
        return json(cli.run("compute", "show", "-w", workspace, "--name", CPU, "-o", "json"));
    }

    private List<String> nodeStates(CliRunner cli) throws Exception {
        List<String> states = new ArrayList<>();
        json(cli.run("compute", "list-nodes", "-w", workspace, "--name", CPU, "-o", "json"))
                .forEach(node -> states.add(node.get("nodeState").asText()));
        return states;
    }

    private static List<String> errorCodes(JsonNode cluster) {
        List<String> codes = new ArrayList<>();
        cluster.get("errors").forEach(error -> codes.add(error.get("code").asText()));
        return codes;
    }

    /** What {@code docker ps -a --filter label=...} shows a user for this workspace and data folder. */
    private List<String> ourContainers() throws Exception {
        return docker("ps", "-a", "-q", "--filter", "label=computestudio.workspace=" + workspace,
                "--filter", "label=computestudio.data=" + data);
    }

    /** The docker command line against the real engine (not the proxy); its output lines. */
    private static List<String> docker(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("docker", "--host", "unix://" + engineSocket));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + ":\n" + out).isZero();
        return out.lines().filter(line -> !line.isBlank()).toList();
    }

    private static JsonNode json(CliRunner.Result result) throws IOException {
        expectSuccess(result);
        return JSON.readTree(result.out());
    }

    private static void expectSuccess(CliRunner.Result result) {
        assertThat(result.exitCode()).as(result.err()).isZero();
    }
}
