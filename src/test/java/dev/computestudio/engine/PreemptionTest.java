package dev.computestudio.engine;

import dev.computestudio.domain.ConflictException;
import dev.computestudio.domain.EventKind;
import dev.computestudio.domain.Job;
import dev.computestudio.domain.JobStatus;
import dev.computestudio.domain.LockLevel;
import dev.computestudio.domain.LogEvent;
import dev.computestudio.domain.Node;
import dev.computestudio.domain.NodeState;
import dev.computestudio.domain.port.JobLaunch;
import dev.computestudio.testing.StudioFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.computestudio.testing.StudioFixture.DS3;
import static dev.computestudio.testing.StudioFixture.WS;
import static dev.computestudio.testing.StudioFixture.dedicated;
import static dev.computestudio.testing.StudioFixture.lowPriority;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** Low-priority nodes can be taken back; their job goes back to the queue and starts over elsewhere. */
class PreemptionTest {

    private static final String LOW = "lowpri-cluster";
    private static final String CPU = "cpu-cluster";
    private static final String PREEMPTION_ERROR = "PreemptionError: Nodes of this job got pre-empted.";

    @TempDir
    Path dataFolder;
    private StudioFixture studio;

    @BeforeEach
    void openStudio() {
        studio = new StudioFixture(dataFolder);
    }

    @AfterEach
    void closeStudio() {
        studio.close();
    }

    @Test
    void aPreemptedJobIsRequeuedAndRunsAgainOnAnotherNodeAsItsSecondAttempt() {
        studio.createCluster(LOW, lowPriority(DS3, 0, 2));
        studio.submit("job-a", LOW);
        studio.pass();
        Node first = studio.nodes(LOW).get(0);
        String firstRank = studio.runner.handleOf("job-a", 0);

        Node preempted = studio.compute.preempt(WS, LOW, null);
        assertThat(preempted.id()).as("the busy node is picked").isEqualTo(first.id());
        studio.advanceSeconds(1);
        studio.pass();

        Node stillShown = studio.nodes(LOW).stream().filter(n -> n.id().equals(first.id())).findFirst().orElseThrow();
        assertThat(stillShown.state()).isEqualTo(NodeState.PREEMPTED);
        assertThat(stillShown.currentJob()).isNull();
        assertThat(studio.status(LOW).nodeStateCounts().preempted()).isEqualTo(1);
        assertThat(studio.runner.stoppedJobHandles()).contains(firstRank);

        Job job = studio.job("job-a");
        assertThat(job.status()).isEqualTo(JobStatus.RUNNING);
        assertThat(job.attempt()).isEqualTo(2);
        assertThat(job.nodeIds()).singleElement().isNotEqualTo(first.id());
        assertThat(studio.runner.launchesOf("job-a")).extracting(JobLaunch::attempt).containsExactly(1, 2);
        assertThat(studio.runner.launchesOf("job-a").get(1).environment()).containsEntry("AZUREML_ATTEMPT", "2");

        List<LogEvent> history = studio.stores.events().forJob(WS, "job-a").stream()
                .filter(e -> e.kind() == EventKind.JOB).toList();
        assertThat(history).extracting(LogEvent::state, LogEvent::attempt).containsExactly(
                tuple("QUEUED", 0), tuple("PREPARING", 1), tuple("RUNNING", 1),
                tuple("QUEUED", 1), tuple("PREPARING", 2), tuple("RUNNING", 2));
        assertThat(history.get(3).reason().english()).isEqualTo(PREEMPTION_ERROR);
    }

    @Test
    void aPreemptedJobWaitsInTheQueueWithThePreemptionErrorWhileNoNodeCanBeAdded() {
        studio.createCluster(LOW, lowPriority(DS3, 0, 1));
        studio.submit("job-a", LOW);
        studio.pass();
        studio.locks.create(WS, "keep-it", LockLevel.CAN_NOT_DELETE, null); // no replacement node can come

        studio.compute.preempt(WS, LOW, null);
        studio.pass();

        Job waiting = studio.job("job-a");
        assertThat(waiting.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(waiting.error().english()).isEqualTo(PREEMPTION_ERROR);
        assertThat(waiting.attempt()).isEqualTo(1);
        assertThat(waiting.nodeIds()).isEmpty();

        studio.locks.delete(WS, "keep-it");
        studio.pass();
        assertThat(studio.job("job-a").status()).isEqualTo(JobStatus.RUNNING);
        assertThat(studio.job("job-a").attempt()).isEqualTo(2);
    }

    @Test
    void aPreemptedNodeIsReclaimedAfterAShortWhile() {
        studio.createCluster(LOW, lowPriority(DS3, 0, 2));
        studio.submit("job-a", LOW);
        studio.pass();
        Node preempted = studio.compute.preempt(WS, LOW, null);
        studio.pass();

        studio.advanceSeconds(10);
        studio.pass();

        assertThat(studio.nodes(LOW)).extracting(Node::id).doesNotContain(preempted.id());
        assertThat(studio.nodeHistory(preempted.id()))
                .startsWith("PREPARING", "IDLE", "RUNNING", "PREEMPTED")
                .endsWith("PREEMPTED", "LEAVING", "GONE");
        assertThat(studio.status(LOW).nodeStateCounts().preempted()).isZero();
    }

    @Test
    void dedicatedNodesCannotBePreempted() {
        studio.createCluster(CPU, dedicated(DS3, 0, 2));
        studio.submit("job-a", CPU);
        studio.pass();

        assertThatThrownBy(() -> studio.compute.preempt(WS, CPU, null))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("dedicated").hasMessageContaining("only low-priority nodes");
        studio.pass();
        assertThat(studio.nodeStates(CPU)).containsExactly(NodeState.RUNNING);
        assertThat(studio.job("job-a").attempt()).isEqualTo(1);
    }

    @Test
    void randomPreemptionTakesOnlyLowPriorityNodes() {
        studio.close();
        // Half the nodes per 1 s tick: in ten ticks a low-priority node is all but sure to be taken.
        studio = new StudioFixture(dataFolder, EngineSettings.defaults().withPreemptionsPerNodeHour(1800));
        studio.createCluster(CPU, dedicated(DS3, 2, 2));
        studio.createCluster(LOW, lowPriority(DS3, 2, 2));
        studio.submit("job-dedicated", CPU);
        studio.submit("job-low", LOW);

        for (int tick = 0; tick < 10; tick++) {
            studio.pass();
            studio.advanceSeconds(1);
        }

        Set<String> preemptedClusters = studio.events().stream()
                .filter(e -> e.kind() == EventKind.NODE && e.state().equals("PREEMPTED"))
                .map(LogEvent::cluster).collect(Collectors.toSet());
        assertThat(preemptedClusters).containsExactly(LOW);
        assertThat(studio.runner.startedNodes()).filteredOn(node -> node.cluster().equals(CPU)).hasSize(2);
        assertThat(studio.nodeStates(CPU)).containsOnly(NodeState.IDLE, NodeState.RUNNING).hasSize(2);
        assertThat(studio.job("job-dedicated").attempt()).isEqualTo(1);
        assertThat(studio.job("job-dedicated").status()).isEqualTo(JobStatus.RUNNING);
    }

    @Test
    void randomPreemptionIsOffByDefault() {
        studio.createCluster(LOW, lowPriority(DS3, 2, 2));

        for (int tick = 0; tick < 20; tick++) {
            studio.pass();
            studio.advanceSeconds(1);
        }

        assertThat(studio.events()).noneMatch(e -> e.state().equals("PREEMPTED"));
        assertThat(studio.runner.startedNodes()).hasSize(2);
    }
}
