package dev.computestudio.infra.runner.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import dev.computestudio.app.AppContext;
import dev.computestudio.domain.ClusterError;
import dev.computestudio.domain.ClusterSpec;
import dev.computestudio.domain.ComputeCluster;
import dev.computestudio.domain.Job;
import dev.computestudio.domain.JobFiles;
import dev.computestudio.domain.JobSpec;
import dev.computestudio.domain.JobStatus;
import dev.computestudio.domain.Node;
import dev.computestudio.domain.NodeState;
import dev.computestudio.domain.VmCatalog;
import dev.computestudio.engine.EngineSettings;
import dev.computestudio.infra.persistence.Database;
import dev.computestudio.testing.UnixSocketProxy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The Docker runner against a real engine: nodes and jobs as containers of a tiny image this
 * test makes itself from Debian's busybox-static, with no registry. Skipped, saying why, where
 * no engine answers.
 */
class DockerRunnerIntegrationTest {

    private static final String IMAGE = "compute-studio-test/busybox:1";
    private static final String WS = "ws1";
    private static final String CPU = "cpu";
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static DockerEngine engine;

    @TempDir
    Path folder;

    private final List<AppContext> contexts = new ArrayList<>();
    private UnixSocketProxy proxy;

    @BeforeAll
    static void engineAndImage() throws Exception {
        DockerEngine local = DockerEngine.fromEnvironment();
        assumeTrue(local.answers(), "no Docker engine answers at " + local.host()
                + ": the Docker runner tests are skipped (CI starts one in .ci/run)");
        engine = local;
        Process importing = new ProcessBuilder("assets/docker/import-busybox.sh", IMAGE).inheritIO().start();
        assertThat(importing.waitFor()).as("importing the test image").isZero();
    }

    @AfterEach
    void cleanUp() throws IOException {
        if (proxy != null && !proxy.isRunning()) {
            proxy.start(); // so that closing the studio can still reach the engine
        }
        contexts.forEach(AppContext::close);
        if (proxy != null) {
            proxy.close();
        }
        DockerClient client = engine.client();
        for (Container container : ourContainers()) {
            client.removeContainerCmd(container.getId()).withForce(true).exec();
        }
        client.listNetworksCmd().withNameFilter("computestudio-" + WS + "-" + CPU).exec().stream()
                .filter(network -> folder.toString().equals(network.getLabels().get(DockerNodeRunner.LABEL_DATA)))
                .forEach(network -> client.removeNetworkCmd(network.getId()).exec());
    }

    @Test
    void aJobRunsInAContainerOnItsNodeAndItsOutputAndExitCodeReachTheUser() throws Exception {
        AppContext studio = open(engine, 0, 2);

        Job failed = runToEnd(studio, "fails", "echo out; echo err >&2; exit 3", null);
        Job done = runToEnd(studio, "works", "echo hello rank $NODE_RANK on $(hostname) in $(pwd)", null);

        assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
        assertThat(failed.exitCode()).isEqualTo(3);
        assertThat(log(failed)).contains("out\n").contains("err\n");
        assertThat(done.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(log(done)).matches("hello rank 0 on tvm-\\d+_\\d+-\\d{8}t\\d{6}z in /workspace\n");
    }

    @Test
    void twoJobsRunAtOnceOnTwoNodeContainersWhichGoAfterTheIdleTime() throws Exception {
        AppContext studio = open(engine, 0, 2);
        studio.jobs().submit(WS, job("first", "sleep 3", null));
        studio.jobs().submit(WS, job("second", "sleep 3", null));

        await().atMost(PATIENCE).until(() -> status(studio, "first") == JobStatus.RUNNING
                && status(studio, "second") == JobStatus.RUNNING);
        assertThat(nodeContainers()).hasSize(2);

        await().atMost(PATIENCE).until(() -> status(studio, "first") == JobStatus.COMPLETED
                && status(studio, "second") == JobStatus.COMPLETED);
        await().atMost(PATIENCE).until(() -> nodeContainers().isEmpty()
                && cluster(studio).status().currentNodeCount() == 0);
    }

    @Test
    void cancelingARunningJobRemovesItsContainer() throws Exception {
        AppContext studio = open(engine, 0, 1);
        studio.jobs().submit(WS, job("long", "sleep 300", null));
        await().atMost(PATIENCE).until(() -> status(studio, "long") == JobStatus.RUNNING);
        assertThat(jobContainers("long")).hasSize(1);

        studio.jobs().cancel(WS, "long");

        await().atMost(PATIENCE).until(() -> status(studio, "long") == JobStatus.CANCELED);
        await().atMost(PATIENCE).until(() -> jobContainers("long").isEmpty());
    }

    @Test
    void aMissingImageFailsTheJobSayingHowToGetIt() throws Exception {
        AppContext studio = open(engine, 0, 1);

        Job job = runToEnd(studio, "no-image", "true", "compute-studio-test/missing:1");

        assertThat(job.status()).isEqualTo(JobStatus.FAILED);
        assertThat(job.error().english()).contains("image 'compute-studio-test/missing:1' is not on the Docker engine")
                .contains("docker pull").contains("docker load").contains("docker import");
    }

    @Test
    void aNewEngineAdoptsTheNodeContainersItKnowsAndRemovesTheOnesItDoesNot() throws Exception {
        AppContext first = open(engine, 1, 1);
        await().atMost(PATIENCE).until(() -> idleNodes(first).size() == 1);
        Node warm = idleNodes(first).get(0);
        String stray = engine.client().createContainerCmd(IMAGE).withCmd("sleep", "300")
                .withLabels(Map.of(DockerNodeRunner.LABEL_DATA, folder.toString())).exec().getId();
        engine.client().startContainerCmd(stray).exec();
        first.close();
        contexts.remove(first);

        AppContext second = start(engine);

        await().atMost(PATIENCE).until(() -> ourContainers().stream().noneMatch(c -> c.getId().equals(stray)));
        assertThat(idleNodes(second)).extracting(Node::id, Node::runnerHandle)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(warm.id(), warm.runnerHandle()));
        assertThat(nodeContainers()).extracting(Container::getId).containsExactly(warm.runnerHandle());
    }

    @Test
    void whenTheEngineGoesAwayNodesBecomeUnusableJobsWaitAndTheClusterHealsWhenItReturns() throws Exception {
        Path engineSocket = UnixSocketProxy.socketOf(engine.host()).orElse(null);
        assumeTrue(engineSocket != null, "the engine at " + engine.host() + " is not on a Unix socket to put a proxy before");
        proxy = new UnixSocketProxy(folder.resolve("docker.sock"), engineSocket);
        proxy.start();
        AppContext studio = open(DockerEngine.at(proxy.dockerHost()), 0, 1);
        studio.jobs().submit(WS, job("survivor", "sleep 300", null));
        await().atMost(PATIENCE).until(() -> status(studio, "survivor") == JobStatus.RUNNING);

        proxy.stop();

        await().atMost(PATIENCE).until(() -> cluster(studio).status().errors().stream()
                .anyMatch(error -> error.code().equals(ClusterError.RUNNER_UNAVAILABLE)));
        Job waiting = studio.jobs().show(WS, "survivor");
        assertThat(waiting.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(waiting.error().english()).startsWith("node lost: the Docker engine at " + proxy.dockerHost());
        assertThat(studio.compute().listNodes(WS, CPU)).extracting(Node::state).containsOnly(NodeState.UNUSABLE);

        proxy.start();

        await().atMost(PATIENCE).until(() -> status(studio, "survivor") == JobStatus.RUNNING
                && studio.jobs().show(WS, "survivor").attempt() == 2);
        assertThat(cluster(studio).status().errors()).isEmpty();
        await().atMost(PATIENCE).until(() -> jobContainers("survivor").size() == 1);
    }

    private AppContext open(DockerEngine docker, int min, int max) {
        AppContext studio = start(docker);
        studio.workspaces().create(WS, null, null);
        studio.compute().create(WS, CPU, ClusterSpec.defaults("Standard_DS1_v2").withScale(min, max,
                Duration.ofSeconds(1)));
        return studio;
    }

    private AppContext start(DockerEngine docker) {
        VmCatalog catalog = VmCatalog.standard();
        DockerNodeRunner runner = new DockerNodeRunner(docker, folder,
                node -> catalog.find("Standard_DS1_v2").orElseThrow(), () -> new DockerImages(IMAGE, IMAGE));
        AppContext studio = AppContext.over(folder, Database.openFile(folder), runner,
                Clock.systemUTC(), EngineSettings.defaults().withTick(Duration.ofMillis(200)), "docker test");
        contexts.add(studio);
        studio.engine().start();
        return studio;
    }

    private Job runToEnd(AppContext studio, String name, String command, String image) {
        studio.jobs().submit(WS, job(name, command, image));
        await().atMost(PATIENCE).until(() -> status(studio, name).isFinal());
        return studio.jobs().show(WS, name);
    }

    private static JobSpec job(String name, String command, String image) {
        return new JobSpec(name, null, null, CPU, command, image, 1, Map.of(), null, null);
    }

    private static JobStatus status(AppContext studio, String name) {
        return studio.jobs().show(WS, name).status();
    }

    private static ComputeCluster cluster(AppContext studio) {
        return studio.compute().show(WS, CPU);
    }

    private static List<Node> idleNodes(AppContext studio) {
        return studio.compute().listNodes(WS, CPU).stream().filter(n -> n.state() == NodeState.IDLE).toList();
    }

    private String log(Job job) throws IOException {
        return Files.readString(new JobFiles(folder).logFile(WS, job.name(), job.attempt(), 0));
    }

    private List<Container> ourContainers() {
        return engine.client().listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(DockerNodeRunner.LABEL_DATA, folder.toString())).exec();
    }

    private List<Container> nodeContainers() {
        return engine.client().listContainersCmd()
                .withLabelFilter(Map.of(DockerNodeRunner.LABEL_DATA, folder.toString(),
                        DockerNodeRunner.LABEL_CLUSTER, CPU)).exec();
    }

    private List<Container> jobContainers(String job) {
        return engine.client().listContainersCmd()
                .withLabelFilter(Map.of(DockerNodeRunner.LABEL_DATA, folder.toString(),
                        DockerNodeRunner.LABEL_JOB, job)).exec();
    }
}
