package dev.computestudio.infra.runner;

import dev.computestudio.domain.JobFiles;
import dev.computestudio.domain.Node;
import dev.computestudio.domain.NodeState;
import dev.computestudio.domain.port.JobLaunch;
import dev.computestudio.domain.port.NodeRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The contract of the {@link NodeRunner} port, run against every runner: what the engine relies
 * on whatever brings its nodes up and runs its jobs. Runners that really run a job's command
 * also meet {@link CommandRunnerContractTest}. Each test starts with a new runner over an empty
 * data folder; what a test leaves running is stopped after it.
 */
public abstract class NodeRunnerContractTest {

    /** Long enough for a container engine under load; a local process ends in milliseconds. */
    protected static final Duration PATIENCE = Duration.ofSeconds(60);
    protected static final String WS = "ws-contract";
    protected static final String CLUSTER = "cpu";
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    @TempDir
    protected Path dataFolder;

    private NodeRunner runner;
    private final List<Node> startedNodes = new ArrayList<>();
    private final List<String> startedRanks = new ArrayList<>();

    /** A new runner of the kind under test, for this data folder. */
    protected abstract NodeRunner openRunner(Path dataFolder);

    @BeforeEach
    void openRunnerOverEmptyDataFolder() {
        runner = openRunner(dataFolder);
    }

    @AfterEach
    void stopWhatIsLeft() {
        startedRanks.forEach(runner::stopJob);
        startedNodes.forEach(runner::stopNode);
        runner.findRunning().forEach(runner::stopJob);
    }

    protected NodeRunner runner() {
        return runner;
    }

    /** A node the runner brought up, idle, with the handle the runner gave it (null for a slot). */
    protected Node startedNode() {
        // Unique per run: a container engine keeps the names of other runs' containers.
        Node preparing = new Node("tvm-" + UUID.randomUUID().toString().substring(0, 8) + "-20260302t090000z", WS,
                CLUSTER, NodeState.PREPARING, null, 0, null, T0, T0, null, null);
        Node idle = preparing.withRunnerHandle(runner.startNode(preparing)).withState(NodeState.IDLE, T0);
        startedNodes.add(idle);
        return idle;
    }

    /** Rank 0 of attempt 1 of a job on one node, with its folders where the engine puts them. */
    protected JobLaunch launch(Node node, String jobName, String command, Map<String, String> environment) {
        JobFiles files = new JobFiles(dataFolder);
        return new JobLaunch(WS, jobName, 1, node.id(), node.runnerHandle(), 0, 1, command, null, environment,
                files.workingDirectory(WS, jobName, 1), files.logFile(WS, jobName, 1, 0), null);
    }

    protected Rank start(JobLaunch launch) {
        Rank rank = new Rank(launch);
        rank.handle = runner.startJob(launch, rank::heard);
        startedRanks.add(rank.handle);
        return rank;
    }

    /** A started rank and what its listener heard. */
    protected static final class Rank {

        private final JobLaunch launch;
        private final List<JobLaunch> endedLaunches = new CopyOnWriteArrayList<>();
        private final List<Integer> exitCodes = new CopyOnWriteArrayList<>();
        private final CompletableFuture<Integer> firstExit = new CompletableFuture<>();
        private String handle;

        private Rank(JobLaunch launch) {
            this.launch = launch;
        }

        private void heard(JobLaunch ended, int exitCode) {
            endedLaunches.add(ended);
            exitCodes.add(exitCode);
            firstExit.complete(exitCode);
        }

        protected JobLaunch launch() {
            return launch;
        }

        protected String handle() {
            return handle;
        }

        /** The exit code of the rank, once it ended. */
        protected int exitCode() throws InterruptedException, ExecutionException, TimeoutException {
            return firstExit.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        }

        /** Every exit heard so far, in order. */
        protected List<Integer> exitCodes() {
            return List.copyOf(exitCodes);
        }

        protected List<JobLaunch> endedLaunches() {
            return List.copyOf(endedLaunches);
        }
    }

    @Test
    void namesItselfInOneWordAndCanRunNow() {
        assertThat(runner().name()).matches("[a-z]+");
        assertThat(runner().healthProblem()).isNull();
    }

    @Test
    void aStartedNodeIsASlotOrSomethingAliveTheRunnerFindsAgain() {
        Node node = startedNode();

        assertThat(Optional.ofNullable(node.runnerHandle()).stream()).allSatisfy(handle -> {
            assertThat(runner().isAlive(handle)).isTrue();
            assertThat(runner().findRunning()).contains(handle);
        });
    }

    @Test
    void aStoppedNodeLeavesNothingOfItRunning() {
        Node node = startedNode();

        runner().stopNode(node);

        assertThat(Optional.ofNullable(node.runnerHandle()).filter(runner()::isAlive)).isEmpty();
        assertThat(runner().findRunning()).isEmpty();
    }

    @Test
    void aRankIsHeardToEndOnceWithItsLaunchAndThenNothingOfItRuns() throws Exception {
        Rank rank = start(launch(startedNode(), "job-ok", "exit 0", Map.of()));

        assertThat(rank.exitCode()).isZero();
        assertThat(rank.handle()).isNotBlank();
        assertThat(rank.endedLaunches()).containsExactly(rank.launch());
        await().atMost(PATIENCE).until(() -> !runner().isAlive(rank.handle()));
        assertThat(runner().findRunning()).doesNotContain(rank.handle());
    }

    @Test
    void stoppingARankThatEndedChangesNothing() throws Exception {
        Rank rank = start(launch(startedNode(), "job-done", "exit 0", Map.of()));
        rank.exitCode();

        runner().stopJob(rank.handle());

        assertThat(rank.exitCodes()).containsExactly(0);
        assertThat(runner().isAlive(rank.handle())).isFalse();
    }

    @Test
    void aHandleNoRunnerGaveIsNotAliveAndStoppingItIsHarmless() {
        runner().stopJob("no-such-handle");

        assertThat(runner().isAlive("no-such-handle")).isFalse();
        assertThat(runner().findRunning()).isEmpty();
    }
}
