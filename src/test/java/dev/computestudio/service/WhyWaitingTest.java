package dev.computestudio.service;

import dev.computestudio.domain.ClusterError;
import dev.computestudio.domain.JobStatus;
import dev.computestudio.domain.LockLevel;
import dev.computestudio.domain.ScaleDecisions;
import dev.computestudio.testing.StudioFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.computestudio.testing.StudioFixture.DS3;
import static dev.computestudio.testing.StudioFixture.NC6;
import static dev.computestudio.testing.StudioFixture.WS;
import static dev.computestudio.testing.StudioFixture.dedicated;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Why a queued job waits, as the real engine noted it over a real H2 file: a lock, quota, max
 * nodes; and nothing once it no longer waits.
 */
class WhyWaitingTest {

    private static final String CPU = "cpu-cluster";
    private static final String GPU = "gpu-cluster";

    @TempDir
    Path dataFolder;
    private StudioFixture studio;

    @BeforeEach
    void openStudio() {
        studio = StudioFixture.onFile(dataFolder);
    }

    @AfterEach
    void closeStudio() {
        studio.close();
    }

    @Test
    void aJobQueuedBehindALockWaitsForTheLockAndRunsOnceItIsRemoved() {
        studio.createCluster(CPU, dedicated(DS3, 0, 2));
        studio.locks.create(WS, "no-delete", LockLevel.CAN_NOT_DELETE, null);
        studio.submit("train-1", CPU);
        studio.pass();

        assertThat(studio.job("train-1").status()).isEqualTo(JobStatus.QUEUED);
        assertThat(studio.jobs.whyWaiting(WS, CPU)).hasValueSatisfying(note -> {
            assertThat(note.code()).isEqualTo(ClusterError.SCOPE_LOCKED);
            assertThat(note.text().code()).isEqualTo("error.scope-locked");
            assertThat(note.text().english()).contains("lock 'no-delete'");
        });

        studio.locks.delete(WS, "no-delete");
        studio.pass();

        assertThat(studio.job("train-1").status()).isEqualTo(JobStatus.RUNNING);
        assertThat(studio.jobs.whyWaiting(WS, CPU)).map(WaitingNote::code).hasValue(ScaleDecisions.SCALE_UP);
    }

    @Test
    void aJobQueuedBehindQuotaWaitsForQuota() {
        studio.createCluster(GPU, dedicated(NC6, 0, 2));
        studio.submit("train-gpu", GPU);
        studio.pass();
        studio.advanceSeconds(5);
        studio.pass();

        assertThat(studio.job("train-gpu").status()).isEqualTo(JobStatus.QUEUED);
        assertThat(studio.jobs.whyWaiting(WS, GPU)).hasValueSatisfying(note -> {
            assertThat(note.code()).isEqualTo(ClusterError.QUOTA_EXCEEDED);
            assertThat(note.text().english()).contains("Quota exceeded").contains("standardNCFamily");
        });

        studio.quota.setLimit(WS, "standardNCFamily", 6);
        studio.pass();

        assertThat(studio.job("train-gpu").status()).isEqualTo(JobStatus.RUNNING);
    }

    @Test
    void aJobQueuedBehindAFullClusterWaitsForMaxNodes() {
        studio.createCluster(CPU, dedicated(DS3, 0, 1));
        studio.submit("first", CPU);
        studio.pass();
        studio.submit("second", CPU);
        studio.pass();

        assertThat(studio.job("second").status()).isEqualTo(JobStatus.QUEUED);
        assertThat(studio.jobs.whyWaiting(WS, CPU)).hasValueSatisfying(note -> {
            assertThat(note.code()).isEqualTo(ScaleDecisions.AT_MAX_NODES);
            assertThat(note.text().english()).contains("its max_instances is 1");
        });
    }

    @Test
    void nothingIsSaidOnceTheEnginesLastWordIsNotAboutWaitingJobs() {
        studio.createCluster(CPU, dedicated(DS3, 0, 1));
        studio.submit("quick", CPU);
        studio.pass();
        studio.runner.exit("quick", 0, 0);
        studio.pass();
        studio.advanceSeconds(StudioFixture.IDLE_TIME.toSeconds() + 1);
        studio.pass();

        assertThat(studio.nodes(CPU)).allSatisfy(node -> assertThat(node.state().name()).isEqualTo("GONE"));
        assertThat(studio.jobs.whyWaiting(WS, CPU)).as("the last word was a scale-down").isEmpty();
        assertThat(studio.jobs.whyWaiting(WS, "no-such-cluster")).isEmpty();
    }
}
