package dev.computestudio.engine;

import dev.computestudio.domain.Job;
import dev.computestudio.domain.JobStatus;
import dev.computestudio.domain.Node;
import dev.computestudio.domain.NodeState;
import dev.computestudio.testing.FakeNodeRunner;
import dev.computestudio.testing.StudioFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.computestudio.testing.StudioFixture.DS3;
import static dev.computestudio.testing.StudioFixture.WS;
import static dev.computestudio.testing.StudioFixture.dedicated;
import static dev.computestudio.testing.StudioFixture.lowPriority;
import static org.assertj.core.api.Assertions.assertThat;

/** After an engine stops mid-work, the next one cleans what is orphaned and requeues what was lost. */
class RecoveryTest {

    private static final String CPU = "cpu-cluster";

    @TempDir
    Path dataFolder;
    private StudioFixture studio;

    @BeforeEach
    void openStudio() {
        studio = new StudioFixture(dataFolder);
        studio.createCluster(CPU, dedicated(DS3, 0, 2));
    }

    @AfterEach
    void closeStudio() {
        studio.close();
    }

    @Test
    void aRestartedEngineStopsWhatTheOldOneLeftRunningAndRunsTheLostJobAgain() {
        studio.submit("job-a", CPU);
        studio.pass();
        Node node = studio.nodes(CPU).get(0);
        String oldRank = node.jobHandle();
        assertThat(oldRank).isNotNull();

        // The old process is gone; a new one finds its rank and a stray one nobody recorded.
        FakeNodeRunner newRunner = new FakeNodeRunner();
        newRunner.pretendRunning(oldRank, "4242@1700000000000", node.runnerHandle());
        Reconciler restarted = studio.newReconciler(newRunner, EngineSettings.defaults());
        studio.advanceSeconds(5);

        restarted.recover();

        assertThat(newRunner.stoppedJobHandles()).contains(oldRank, "4242@1700000000000")
                .as("the node itself is adopted, not stopped").doesNotContain(node.runnerHandle());
        assertThat(newRunner.stoppedNodeIds()).isEmpty();
        Job requeued = studio.job("job-a");
        assertThat(requeued.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(requeued.error().english()).contains("engine restarted");
        assertThat(studio.nodes(CPU)).singleElement().satisfies(n -> {
            assertThat(n.state()).isEqualTo(NodeState.IDLE);
            assertThat(n.currentJob()).isNull();
        });

        restarted.reconcile();

        Job again = studio.job("job-a");
        assertThat(again.status()).isEqualTo(JobStatus.RUNNING);
        assertThat(again.attempt()).isEqualTo(2);
        assertThat(again.nodeIds()).containsExactly(node.id());
        assertThat(newRunner.launchesOf("job-a")).singleElement()
                .satisfies(launch -> assertThat(launch.attempt()).isEqualTo(2));
        assertThat(studio.status(CPU).currentNodeCount()).as("no extra node").isEqualTo(1);
    }

    @Test
    void nodesCaughtHalfwayByACrashAreFinishedOnRestart() {
        studio.createCluster("warm-cluster", dedicated(DS3, 2, 2));
        studio.pass();
        Node leaving = studio.nodes("warm-cluster").get(0);
        Node preparing = studio.nodes("warm-cluster").get(1);
        // The old engine died after marking one node leaving and while bringing another up.
        studio.stores.nodes().update(leaving.withState(NodeState.LEAVING, StudioFixture.T0));
        studio.stores.nodes().update(beforeItCameUp(preparing));
        FakeNodeRunner newRunner = new FakeNodeRunner();
        Reconciler restarted = studio.newReconciler(newRunner, EngineSettings.defaults());

        restarted.recover();
        restarted.reconcile();

        assertThat(newRunner.stoppedNodeIds()).containsExactly(leaving.id());
        assertThat(studio.nodes("warm-cluster")).extracting(Node::id).doesNotContain(leaving.id())
                .contains(preparing.id());
        assertThat(studio.nodeStates("warm-cluster")).containsExactly(NodeState.IDLE, NodeState.IDLE);
        assertThat(studio.status("warm-cluster").currentNodeCount()).as("min_instances is met again").isEqualTo(2);
    }

    @Test
    void aPreemptedNodeWhoseContainerWentWithTheOldEngineStaysPreemptedUntilItIsReclaimed() {
        studio.createCluster("low-cluster", lowPriority(DS3, 0, 1));
        studio.submit("job-a", "low-cluster");
        studio.pass();
        Node preempted = studio.compute.preempt(WS, "low-cluster", null);
        FakeNodeRunner newRunner = new FakeNodeRunner();
        newRunner.stopNode(preempted);
        Reconciler restarted = studio.newReconciler(newRunner, EngineSettings.defaults());

        restarted.recover();

        assertThat(studio.nodes("low-cluster")).singleElement().satisfies(node -> {
            assertThat(node.state()).isEqualTo(NodeState.PREEMPTED);
            assertThat(node.currentJob()).isNull();
        });
        studio.advanceSeconds(EngineSettings.defaults().preemptedNodeLinger().toSeconds());
        restarted.reconcile();
        assertThat(studio.nodeHistory(preempted.id())).doesNotContain("UNUSABLE")
                .endsWith("PREEMPTED", "LEAVING", "GONE");
    }

    /** The row of a node as an engine wrote it before bringing the node up: what was stored, not a move. */
    private static Node beforeItCameUp(Node node) {
        return new Node(node.id(), node.workspace(), node.cluster(), NodeState.PREPARING, node.privateIpAddress(),
                node.sshPort(), null, node.createdAt(), node.createdAt(), null, null);
    }
}
