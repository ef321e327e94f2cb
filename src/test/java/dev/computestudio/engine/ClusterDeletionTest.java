package dev.computestudio.engine;

import dev.computestudio.domain.ConflictException;
import dev.computestudio.domain.EventKind;
import dev.computestudio.domain.JobStatus;
import dev.computestudio.domain.Node;
import dev.computestudio.domain.NodeState;
import dev.computestudio.domain.NotFoundException;
import dev.computestudio.domain.ProvisioningState;
import dev.computestudio.domain.QuotaUsage;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Deleting a cluster: Deleting first; the engine fails its jobs and stops its nodes, which leave,
 * and once they have drained removes them and the cluster.
 */
class ClusterDeletionTest {

    private static final String CPU = "cpu-cluster";

    @TempDir
    Path dataFolder;
    private StudioFixture studio;

    @BeforeEach
    void openStudio() {
        studio = new StudioFixture(dataFolder);
        studio.createCluster(CPU, dedicated(DS3, 0, 1));
    }

    @AfterEach
    void closeStudio() {
        studio.close();
    }

    @Test
    void aClusterWithNodesStaysDeletingWhileItsNodesLeaveThenGoes() {
        studio.submit("job-running", CPU);
        studio.submit("job-queued", CPU);
        studio.pass();
        List<Node> nodes = studio.nodes(CPU);
        String rank = studio.runner.handleOf("job-running", 0);
        assertThat(usedVCpus()).isEqualTo(4);

        boolean gone = studio.compute.delete(WS, CPU);

        assertThat(gone).isFalse();
        assertThat(studio.compute.show(WS, CPU).status().provisioningState()).isEqualTo(ProvisioningState.DELETING);
        assertThatThrownBy(() -> studio.submit("job-late", CPU))
                .isInstanceOf(ConflictException.class).hasMessageContaining("being deleted");

        studio.pass();

        assertThat(studio.compute.show(WS, CPU).status().provisioningState()).as("draining")
                .isEqualTo(ProvisioningState.DELETING);
        assertThat(studio.compute.show(WS, CPU).status().nodeStateCounts().leaving()).isEqualTo(nodes.size());
        assertThat(studio.compute.listNodes(WS, CPU)).extracting(Node::state).containsOnly(NodeState.LEAVING);
        assertThat(studio.runner.stoppedNodeIds()).containsExactlyElementsOf(nodes.stream().map(Node::id).toList());
        assertThat(studio.job("job-running").status()).isEqualTo(JobStatus.FAILED);

        studio.advanceSeconds(Reconciler.DELETION_DRAIN.toSeconds() - 1);
        studio.pass();

        assertThat(studio.compute.listNodes(WS, CPU)).as("still draining").extracting(Node::state)
                .containsOnly(NodeState.LEAVING);

        studio.advanceSeconds(1);
        studio.pass();

        assertThatThrownBy(() -> studio.compute.show(WS, CPU)).isInstanceOf(NotFoundException.class);
        assertThat(studio.compute.list(WS)).isEmpty();
        assertThat(studio.runner.stoppedNodeIds()).containsExactlyElementsOf(nodes.stream().map(Node::id).toList());
        assertThat(studio.runner.stoppedJobHandles()).containsExactly(rank);
        for (String job : List.of("job-running", "job-queued")) {
            assertThat(studio.job(job).status()).as(job).isEqualTo(JobStatus.FAILED);
            assertThat(studio.job(job).error().english()).as(job).isEqualTo("compute 'cpu-cluster' was deleted");
        }
        assertThat(studio.quota.usage(WS)).extracting(QuotaUsage::currentValue).containsOnly(0L);
        assertThat(studio.nodeHistory(nodes.get(0).id())).endsWith("LEAVING", "GONE");
        assertThat(studio.events()).filteredOn(e -> e.kind() == EventKind.CLUSTER).extracting(e -> e.state())
                .endsWith("DELETED");
    }

    @Test
    void aClusterWithoutNodesIsDeletedAtOnce() {
        assertThat(studio.compute.delete(WS, CPU)).isTrue();

        assertThat(studio.compute.list(WS)).isEmpty();
        assertThat(studio.quota.usage(WS)).extracting(QuotaUsage::currentValue).containsOnly(0L);
    }

    @Test
    void aJobQueuedForADeletedClusterFailsSayingTheComputeIsGone() {
        studio.submit("job-a", CPU);
        studio.compute.delete(WS, CPU); // no nodes yet: gone at once

        studio.pass();

        assertThat(studio.job("job-a").status()).isEqualTo(JobStatus.FAILED);
        assertThat(studio.job("job-a").error().english()).contains("compute 'cpu-cluster' does not exist");
    }

    private long usedVCpus() {
        return studio.quota.usage(WS).stream().filter(u -> u.key().equals("standardDSv2Family"))
                .mapToLong(QuotaUsage::currentValue).sum();
    }
}
