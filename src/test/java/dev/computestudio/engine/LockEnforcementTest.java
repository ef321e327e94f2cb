package dev.computestudio.engine;

import dev.computestudio.domain.AllocationState;
import dev.computestudio.domain.ClusterError;
import dev.computestudio.domain.ClusterStatus;
import dev.computestudio.domain.JobStatus;
import dev.computestudio.domain.LockLevel;
import dev.computestudio.domain.NodeState;
import dev.computestudio.testing.StudioFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.computestudio.testing.StudioFixture.DS3;
import static dev.computestudio.testing.StudioFixture.WS;
import static dev.computestudio.testing.StudioFixture.dedicated;
import static org.assertj.core.api.Assertions.assertThat;

/** A lock on the workspace's resource group stops the cluster from scaling: the cloud's "resizing (0 -> 0)". */
class LockEnforcementTest {

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
    void aLockedResourceGroupLeavesTheClusterResizingFromZeroToZeroWithTheReasonAndTheFix() {
        studio.locks.create(WS, "keep-it", LockLevel.CAN_NOT_DELETE, "audit");
        studio.submit("job-a", CPU);

        studio.pass();

        ClusterStatus status = studio.status(CPU);
        assertThat(status.allocationState()).isEqualTo(AllocationState.RESIZING);
        assertThat(status.currentNodeCount()).isZero();
        assertThat(status.targetNodeCount()).isZero();
        assertThat(status.errors()).singleElement().satisfies(error -> {
            assertThat(error.code()).isEqualTo(ClusterError.SCOPE_LOCKED);
            assertThat(error.message()).contains("rg-ws-demo").contains("CanNotDelete lock 'keep-it'")
                    .contains("resizing (0 -> 0)").contains("lock delete -w ws-demo --name keep-it");
        });
        assertThat(studio.job("job-a").status()).isEqualTo(JobStatus.QUEUED);
        assertThat(studio.runner.startedNodes()).isEmpty();
    }

    @Test
    void removingTheLockLetsTheClusterScaleAndClearsTheError() {
        studio.locks.create(WS, "keep-it", LockLevel.CAN_NOT_DELETE, null);
        studio.submit("job-a", CPU);
        studio.pass();

        studio.locks.delete(WS, "keep-it");
        studio.pass();

        ClusterStatus status = studio.status(CPU);
        assertThat(status.allocationState()).isEqualTo(AllocationState.STEADY);
        assertThat(status.currentNodeCount()).isEqualTo(1);
        assertThat(status.errors()).isEmpty();
        assertThat(studio.job("job-a").status()).isEqualTo(JobStatus.RUNNING);
    }

    @Test
    void aReadOnlyLockBlocksScalingToo() {
        studio.locks.create(WS, "frozen", LockLevel.READ_ONLY, null);
        studio.submit("job-a", CPU);

        studio.pass();

        assertThat(studio.status(CPU).errors()).extracting(ClusterError::message)
                .singleElement().asString().contains("ReadOnly lock 'frozen'");
        assertThat(studio.status(CPU).currentNodeCount()).isZero();
    }

    @Test
    void aLockAlsoKeepsIdleNodesFromBeingRemoved() {
        studio.submit("job-a", CPU);
        studio.pass();
        studio.runner.exit("job-a", 0, 0);
        studio.pass();
        studio.locks.create(WS, "keep-it", LockLevel.CAN_NOT_DELETE, null);

        studio.advanceSeconds(600);
        studio.pass();

        assertThat(studio.nodeStates(CPU)).containsExactly(NodeState.IDLE);
        ClusterStatus status = studio.status(CPU);
        assertThat(status.allocationState()).isEqualTo(AllocationState.RESIZING);
        assertThat(status.errors()).extracting(ClusterError::code).containsExactly(ClusterError.SCOPE_LOCKED);
        assertThat(studio.runner.stoppedNodeIds()).isEmpty();
    }

    @Test
    void aLockDoesNotStopJobsFromRunningOnNodesThatAreAlreadyThere() {
        studio.createCluster("warm-cluster", dedicated(DS3, 1, 1));
        studio.pass();
        studio.locks.create(WS, "keep-it", LockLevel.CAN_NOT_DELETE, null);

        studio.submit("job-a", "warm-cluster");
        studio.pass();

        assertThat(studio.job("job-a").status()).isEqualTo(JobStatus.RUNNING);
        assertThat(studio.status("warm-cluster").errors()).isEmpty();
    }
}
