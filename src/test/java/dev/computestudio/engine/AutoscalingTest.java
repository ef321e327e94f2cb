package dev.computestudio.engine;

import dev.computestudio.domain.AllocationState;
import dev.computestudio.domain.ClusterStatus;
import dev.computestudio.domain.EventKind;
import dev.computestudio.domain.Job;
import dev.computestudio.domain.JobStatus;
import dev.computestudio.domain.Node;
import dev.computestudio.domain.NodeState;
import dev.computestudio.domain.NodeStateCounts;
import dev.computestudio.domain.port.JobLaunch;
import dev.computestudio.service.ComputeService;
import dev.computestudio.testing.StudioFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static dev.computestudio.testing.StudioFixture.DS3;
import static dev.computestudio.testing.StudioFixture.WS;
import static dev.computestudio.testing.StudioFixture.dedicated;
import static org.assertj.core.api.Assertions.assertThat;

/** Scaling from zero and back, and placing jobs on whole nodes in arrival order. */
class AutoscalingTest {

    private static final String CPU = "cpu-cluster";

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
    void aSubmittedJobScalesAnEmptyClusterToOneNodeAndRunsOnItInTheSamePass() {
        studio.createCluster(CPU, dedicated(DS3, 0, 4));
        studio.submit("job-a", CPU);
        assertThat(studio.status(CPU).currentNodeCount()).isZero();

        studio.pass();

        ClusterStatus status = studio.status(CPU);
        assertThat(status.currentNodeCount()).isEqualTo(1);
        assertThat(status.targetNodeCount()).isEqualTo(1);
        assertThat(status.allocationState()).isEqualTo(AllocationState.STEADY);
        assertThat(status.nodeStateCounts()).isEqualTo(new NodeStateCounts(0, 1, 0, 0, 0, 0));
        assertThat(status.errors()).isEmpty();
        Node node = studio.nodes(CPU).get(0);
        assertThat(node.state()).isEqualTo(NodeState.RUNNING);
        assertThat(node.currentJob()).isEqualTo("job-a");
        Job job = studio.job("job-a");
        assertThat(job.status()).isEqualTo(JobStatus.RUNNING);
        assertThat(job.attempt()).isEqualTo(1);
        assertThat(job.nodeIds()).containsExactly(node.id());
        assertThat(studio.runner.launchesOf("job-a")).singleElement()
                .satisfies(launch -> assertThat(launch.nodeId()).isEqualTo(node.id()));
    }

    @Test
    void aClusterWithNothingToDoStaysAtZeroNodes() {
        studio.createCluster(CPU, dedicated(DS3, 0, 4));

        studio.pass();
        studio.advanceSeconds(600);
        studio.pass();

        assertThat(studio.status(CPU).currentNodeCount()).isZero();
        assertThat(studio.status(CPU).allocationState()).isEqualTo(AllocationState.STEADY);
        assertThat(studio.runner.startedNodes()).isEmpty();
    }

    @Test
    void jobsRunInSubmissionOrderWhenTheyMustShareOneNode() {
        studio.createCluster(CPU, dedicated(DS3, 0, 1));
        for (String name : List.of("job-first", "job-second", "job-third")) {
            studio.submit(name, CPU);
            studio.advanceSeconds(1);
        }

        studio.pass();
        assertThat(studio.job("job-first").status()).isEqualTo(JobStatus.RUNNING);
        assertThat(studio.job("job-second").status()).isEqualTo(JobStatus.QUEUED);
        assertThat(studio.job("job-third").status()).isEqualTo(JobStatus.QUEUED);
        assertThat(studio.status(CPU).currentNodeCount()).isEqualTo(1);

        studio.runner.exit("job-first", 0, 0);
        studio.pass();
        assertThat(studio.job("job-first").status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(studio.job("job-second").status()).isEqualTo(JobStatus.RUNNING);
        assertThat(studio.job("job-third").status()).isEqualTo(JobStatus.QUEUED);

        studio.runner.exit("job-second", 0, 0);
        studio.pass();
        assertThat(studio.job("job-third").status()).isEqualTo(JobStatus.RUNNING);
        assertThat(studio.runner.launches()).extracting(JobLaunch::jobName)
                .containsExactly("job-first", "job-second", "job-third");
        assertThat(studio.runner.startedNodes()).hasSize(1);
    }

    @Test
    void aJobOfTwoInstancesWaitsUntilTwoNodesAreIdleAndLaunchesBothRanks() {
        studio.createCluster(CPU, dedicated(DS3, 0, 2));
        studio.submit("job-small", CPU);
        studio.advanceSeconds(1);
        studio.submit("job-gang", CPU, 2);

        studio.pass();

        assertThat(studio.status(CPU).currentNodeCount()).isEqualTo(2);
        assertThat(studio.job("job-small").status()).isEqualTo(JobStatus.RUNNING);
        assertThat(studio.job("job-gang").status()).as("one idle node is not enough").isEqualTo(JobStatus.QUEUED);
        assertThat(studio.runner.launchesOf("job-gang")).isEmpty();

        studio.runner.exit("job-small", 0, 0);
        studio.pass();

        Job gang = studio.job("job-gang");
        assertThat(gang.status()).isEqualTo(JobStatus.RUNNING);
        assertThat(gang.nodeIds()).hasSize(2).doesNotHaveDuplicates();
        List<JobLaunch> ranks = studio.runner.launchesOf("job-gang");
        assertThat(ranks).extracting(JobLaunch::rank).containsExactly(0, 1);
        assertThat(ranks).extracting(launch -> launch.environment().get("NODE_RANK")).containsExactly("0", "1");
        assertThat(ranks).extracting(launch -> launch.environment().get("NODE_COUNT")).containsExactly("2", "2");
        assertThat(ranks).extracting(JobLaunch::nodeId).containsExactlyElementsOf(gang.nodeIds());
        assertThat(studio.nodeStates(CPU)).containsExactly(NodeState.RUNNING, NodeState.RUNNING);
    }

    @Test
    void aLaterSmallJobDoesNotOvertakeAWaitingLargerOne() {
        studio.createCluster(CPU, dedicated(DS3, 0, 2));
        studio.submit("job-small", CPU);
        studio.advanceSeconds(1);
        studio.submit("job-gang", CPU, 2);
        studio.advanceSeconds(1);
        studio.submit("job-later", CPU);

        studio.pass();

        assertThat(studio.nodeStates(CPU)).containsExactlyInAnyOrder(NodeState.RUNNING, NodeState.IDLE);
        assertThat(studio.job("job-later").status()).as("waits behind job-gang").isEqualTo(JobStatus.QUEUED);

        studio.runner.exit("job-small", 0, 0);
        studio.pass();
        assertThat(studio.job("job-gang").status()).isEqualTo(JobStatus.RUNNING);
        assertThat(studio.job("job-later").status()).isEqualTo(JobStatus.QUEUED);
        assertThat(studio.runner.launches()).extracting(JobLaunch::jobName)
                .containsExactly("job-small", "job-gang", "job-gang");
    }

    @Test
    void aJobOfTwoInstancesCompletesOnlyWhenBothRanksExitWithZero() {
        studio.createCluster(CPU, dedicated(DS3, 0, 2));
        studio.submit("job-gang", CPU, 2);
        studio.pass();
        assertThat(studio.job("job-gang").status()).isEqualTo(JobStatus.RUNNING);

        studio.runner.exit("job-gang", 0, 0);
        studio.pass();
        assertThat(studio.job("job-gang").status()).as("rank 1 still runs").isEqualTo(JobStatus.RUNNING);
        assertThat(studio.nodeStates(CPU)).containsExactlyInAnyOrder(NodeState.IDLE, NodeState.RUNNING);

        studio.runner.exit("job-gang", 1, 0);
        studio.pass();
        Job done = studio.job("job-gang");
        assertThat(done.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(done.exitCode()).isZero();
        assertThat(done.error()).isNull();
        assertThat(studio.nodeStates(CPU)).containsExactly(NodeState.IDLE, NodeState.IDLE);
        assertThat(studio.runner.stoppedJobHandles()).as("no rank had to be stopped").isEmpty();
    }

    @Test
    void aJobOfTwoInstancesFailsAtTheFirstNonZeroRankAndTheOtherRankIsStopped() {
        studio.createCluster(CPU, dedicated(DS3, 0, 2));
        studio.submit("job-gang", CPU, 2);
        studio.pass();
        String rankZero = studio.runner.handleOf("job-gang", 0);

        studio.runner.exit("job-gang", 1, 3);
        studio.pass();

        Job failed = studio.job("job-gang");
        assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
        assertThat(failed.exitCode()).isEqualTo(3);
        assertThat(failed.error().english()).contains("exited with code 3");
        assertThat(studio.runner.stoppedJobHandles()).containsExactly(rankZero);
        assertThat(studio.nodeStates(CPU)).containsExactly(NodeState.IDLE, NodeState.IDLE);
        assertThat(studio.nodes(CPU)).allSatisfy(node -> assertThat(node.currentJob()).isNull());

        studio.pass(); // rank 0's exit after being stopped arrives late and changes nothing
        assertThat(studio.job("job-gang").status()).isEqualTo(JobStatus.FAILED);
        assertThat(studio.job("job-gang").exitCode()).isEqualTo(3);
    }

    @Test
    void aJobNeedingMoreNodesThanTheClusterMaximumFailsAtOnceWithTheReason() {
        studio.createCluster(CPU, dedicated(DS3, 0, 2));
        studio.submit("job-huge", CPU, 3);

        studio.pass();

        Job job = studio.job("job-huge");
        assertThat(job.status()).isEqualTo(JobStatus.FAILED);
        assertThat(job.error().english()).contains("needs 3 nodes").contains("at most 2").contains("max_instances");
        assertThat(studio.status(CPU).currentNodeCount()).as("no node is added for a job that can never run")
                .isZero();
        assertThat(studio.runner.launches()).isEmpty();
    }

    @Test
    void idleNodesAreRemovedOnceTheIdleTimeHasPassedAndNotBefore() {
        studio.createCluster(CPU, dedicated(DS3, 0, 4));
        studio.submit("job-a", CPU);
        studio.pass();
        studio.runner.exit("job-a", 0, 0);
        studio.pass();
        Node node = studio.nodes(CPU).get(0);
        assertThat(node.state()).isEqualTo(NodeState.IDLE);

        studio.advanceSeconds(119);
        studio.pass();
        assertThat(studio.nodeStates(CPU)).as("idle 119 s of 120").containsExactly(NodeState.IDLE);
        assertThat(studio.status(CPU).currentNodeCount()).isEqualTo(1);

        studio.advanceSeconds(1);
        studio.pass();
        assertThat(studio.nodes(CPU)).isEmpty();
        ClusterStatus status = studio.status(CPU);
        assertThat(status.currentNodeCount()).isZero();
        assertThat(status.targetNodeCount()).isZero();
        assertThat(status.allocationState()).isEqualTo(AllocationState.STEADY);
        assertThat(studio.runner.stoppedNodeIds()).containsExactly(node.id());
        assertThat(studio.events()).filteredOn(e -> e.kind() == EventKind.CLUSTER && e.state().equals("SCALE_DOWN"))
                .singleElement()
                .satisfies(e -> assertThat(e.reason().english()).contains(node.id()).contains("idle for 120 s"));
    }

    @Test
    void aNodeThatRunsAgainStartsItsIdleTimeOver() {
        studio.createCluster(CPU, dedicated(DS3, 0, 4));
        studio.submit("job-a", CPU);
        studio.pass();
        studio.runner.exit("job-a", 0, 0);
        studio.pass();

        studio.advanceSeconds(100);
        studio.submit("job-b", CPU);
        studio.pass();
        studio.runner.exit("job-b", 0, 0);
        studio.pass();
        studio.advanceSeconds(100);
        studio.pass();

        assertThat(studio.nodeStates(CPU)).as("idle 100 s since job-b").containsExactly(NodeState.IDLE);
        assertThat(studio.runner.startedNodes()).hasSize(1);
    }

    @Test
    void scalingDownNeverGoesBelowMinInstances() {
        studio.createCluster(CPU, dedicated(DS3, 1, 3));
        studio.pass();
        studio.submit("job-a", CPU);
        studio.submit("job-b", CPU);
        studio.pass();
        assertThat(studio.status(CPU).currentNodeCount()).isEqualTo(2);
        studio.runner.exit("job-a", 0, 0);
        studio.runner.exit("job-b", 0, 0);
        studio.pass();

        studio.advanceSeconds(120);
        studio.pass();
        studio.advanceSeconds(3600);
        studio.pass();

        assertThat(studio.nodeStates(CPU)).containsExactly(NodeState.IDLE);
        assertThat(studio.status(CPU).currentNodeCount()).isEqualTo(1);
        assertThat(studio.status(CPU).targetNodeCount()).isEqualTo(1);
    }

    @Test
    void minInstancesKeepNodesWarmWithoutAnyJob() {
        studio.createCluster(CPU, dedicated(DS3, 2, 4));

        studio.pass();
        studio.advanceSeconds(3600);
        studio.pass();

        ClusterStatus status = studio.status(CPU);
        assertThat(status.currentNodeCount()).isEqualTo(2);
        assertThat(status.targetNodeCount()).isEqualTo(2);
        assertThat(status.nodeStateCounts().idle()).isEqualTo(2);
        assertThat(status.allocationState()).isEqualTo(AllocationState.STEADY);
        assertThat(studio.runner.startedNodes()).hasSize(2);
        assertThat(studio.runner.stoppedNodeIds()).isEmpty();
    }

    @Test
    void loweringMaxInstancesRemovesTheIdleNodesAboveItAtOnceAndTheRestAfterTheIdleTime() {
        studio.createCluster(CPU, dedicated(DS3, 0, 3));
        List.of("job-a", "job-b", "job-c").forEach(name -> studio.submit(name, CPU));
        studio.pass();
        List.of("job-a", "job-b", "job-c").forEach(name -> studio.runner.exit(name, 0, 0));
        studio.pass();
        assertThat(studio.nodeStates(CPU)).containsExactly(NodeState.IDLE, NodeState.IDLE, NodeState.IDLE);

        studio.compute.update(WS, CPU, new ComputeService.Update(null, 1, null, null, false));
        studio.advanceSeconds(1);
        studio.pass();

        ClusterStatus status = studio.status(CPU);
        assertThat(status.currentNodeCount()).isEqualTo(1);
        assertThat(status.targetNodeCount()).isEqualTo(1);
        assertThat(studio.runner.stoppedNodeIds()).hasSize(2);
        assertThat(studio.events()).filteredOn(e -> e.kind() == EventKind.CLUSTER && e.state().equals("SCALE_DOWN"))
                .hasSize(2).allSatisfy(e -> assertThat(e.reason().english()).contains("above max_instances 1"));

        studio.advanceSeconds(119);
        studio.pass();
        assertThat(studio.status(CPU).currentNodeCount()).as("the last node only idles for its idle time").isZero();
    }

    @Test
    void aNodeThatFailsToStartIsShownUnusableAndThenReplaced() {
        studio.createCluster(CPU, dedicated(DS3, 0, 1));
        studio.runner.failNodeStarts(1);
        studio.submit("job-a", CPU);

        studio.pass();
        ClusterStatus status = studio.status(CPU);
        assertThat(status.nodeStateCounts().unusable()).isEqualTo(1);
        assertThat(status.allocationState()).isEqualTo(AllocationState.RESIZING);
        assertThat(studio.job("job-a").status()).isEqualTo(JobStatus.QUEUED);
        String broken = studio.nodes(CPU).get(0).id();
        assertThat(studio.events()).filteredOn(e -> broken.equals(e.nodeId()) && e.state().equals("UNUSABLE"))
                .singleElement().satisfies(e -> assertThat(e.reason().english()).contains("node setup failed"));

        studio.pass();
        assertThat(studio.job("job-a").status()).isEqualTo(JobStatus.RUNNING);
        assertThat(studio.nodes(CPU)).singleElement().satisfies(node -> {
            assertThat(node.id()).isNotEqualTo(broken);
            assertThat(node.state()).isEqualTo(NodeState.RUNNING);
        });
        assertThat(studio.nodeHistory(broken)).containsExactly("PREPARING", "UNUSABLE", "LEAVING", "GONE");
    }

    @Test
    void nodeEventsFormOneCoherentHistoryPerNode() {
        studio.createCluster(CPU, dedicated(DS3, 0, 1));
        studio.submit("job-a", CPU);
        studio.pass();
        String nodeId = studio.nodes(CPU).get(0).id();
        studio.advanceSeconds(30);
        studio.runner.exit("job-a", 0, 0);
        studio.pass();
        studio.advanceSeconds(120);
        studio.pass();

        assertThat(studio.nodeHistory(nodeId))
                .containsExactly("PREPARING", "IDLE", "RUNNING", "IDLE", "LEAVING", "GONE");
        assertThat(studio.events()).filteredOn(e -> nodeId.equals(e.nodeId()) && e.state().equals("RUNNING"))
                .singleElement().satisfies(e -> {
                    assertThat(e.jobName()).isEqualTo("job-a");
                    assertThat(e.at()).isEqualTo(StudioFixture.T0);
                });
        assertThat(studio.events()).filteredOn(e -> nodeId.equals(e.nodeId()))
                .extracting(e -> e.at()).isSorted();
        assertThat(studio.stores.events().forJob(WS, "job-a")).filteredOn(e -> e.kind() == EventKind.JOB)
                .extracting(e -> e.state())
                .containsExactly("QUEUED", "PREPARING", "RUNNING", "COMPLETED");
    }
}
