package dev.computestudio.engine;

import dev.computestudio.domain.ClusterError;
import dev.computestudio.domain.ClusterStatus;
import dev.computestudio.domain.JobStatus;
import dev.computestudio.domain.QuotaKeys;
import dev.computestudio.domain.QuotaUsage;
import dev.computestudio.service.ComputeService;
import dev.computestudio.testing.StudioFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static dev.computestudio.testing.StudioFixture.DS3;
import static dev.computestudio.testing.StudioFixture.NC6;
import static dev.computestudio.testing.StudioFixture.WS;
import static dev.computestudio.testing.StudioFixture.dedicated;
import static dev.computestudio.testing.StudioFixture.lowPriority;
import static org.assertj.core.api.Assertions.assertThat;

/** Quota caps a scale-up where the cloud caps it: the cluster stops at what fits and says which limit stopped it. */
class QuotaEnforcementTest {

    private static final String GPU = "gpu-cluster";
    private static final String CPU = "cpu-cluster";
    private static final String LOW = "lowpri-cluster";

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
    void aGpuClusterWithoutGpuQuotaCannotScaleAndSaysWhichQuotaStopsIt() {
        studio.createCluster(GPU, dedicated(NC6, 0, 2));
        studio.submit("job-gpu", GPU);

        studio.pass();

        ClusterStatus status = studio.status(GPU);
        assertThat(status.currentNodeCount()).isZero();
        assertThat(status.targetNodeCount()).isZero();
        assertThat(status.errors()).singleElement().satisfies(error -> {
            assertThat(error.code()).isEqualTo(ClusterError.QUOTA_EXCEEDED);
            assertThat(error.message()).contains("Standard NC Family Cluster Dedicated vCPUs")
                    .contains("limit 0").contains("in use 0").contains("Standard_NC6").contains("standardNCFamily");
        });
        assertThat(studio.job("job-gpu").status()).isEqualTo(JobStatus.QUEUED);
        assertThat(studio.runner.startedNodes()).isEmpty();
        assertThat(studio.events()).filteredOn(e -> e.state().equals(ClusterError.QUOTA_EXCEEDED)).hasSize(1);

        studio.pass();
        assertThat(studio.events()).as("an unchanged error is logged once")
                .filteredOn(e -> e.state().equals(ClusterError.QUOTA_EXCEEDED)).hasSize(1);
    }

    @Test
    void raisingTheLimitLetsTheClusterScaleAndClearsTheError() {
        studio.createCluster(GPU, dedicated(NC6, 0, 2));
        studio.submit("job-gpu", GPU);
        studio.pass();
        assertThat(studio.status(GPU).errors()).isNotEmpty();

        studio.quota.setLimit(WS, "standardNCFamily", 6);
        studio.pass();

        ClusterStatus status = studio.status(GPU);
        assertThat(status.currentNodeCount()).isEqualTo(1);
        assertThat(status.errors()).isEmpty();
        assertThat(studio.job("job-gpu").status()).isEqualTo(JobStatus.RUNNING);
    }

    @Test
    void aScaleUpStopsAtWhatFitsTheFamilyQuota() {
        // 10 x 4 vCPUs wanted, 24 allowed: 6 nodes fit.
        studio.createCluster(CPU, dedicated(DS3, 0, 10));
        IntStream.rangeClosed(1, 10).forEach(i -> studio.submit("job-" + i, CPU));

        studio.pass();

        ClusterStatus status = studio.status(CPU);
        assertThat(status.currentNodeCount()).isEqualTo(6);
        assertThat(status.targetNodeCount()).isEqualTo(6);
        assertThat(status.errors()).singleElement().satisfies(error -> {
            assertThat(error.code()).isEqualTo(ClusterError.QUOTA_EXCEEDED);
            assertThat(error.message()).contains("4 more Standard_DS3_v2 node(s)")
                    .contains("Standard DSv2 Family Cluster Dedicated vCPUs").contains("limit 24")
                    .contains("in use 24");
        });
        Map<JobStatus, Long> byStatus = IntStream.rangeClosed(1, 10).mapToObj(i -> studio.job("job-" + i).status())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(byStatus).containsEntry(JobStatus.RUNNING, 6L).containsEntry(JobStatus.QUEUED, 4L);
        assertThat(usage("standardDSv2Family").currentValue()).isEqualTo(24);

        studio.pass();
        assertThat(studio.status(CPU).errors()).as("the same error on the next pass")
                .isEqualTo(status.errors());
    }

    @Test
    void raisingThePartlyUsedLimitAddsTheMissingNodes() {
        studio.createCluster(CPU, dedicated(DS3, 0, 10));
        IntStream.rangeClosed(1, 10).forEach(i -> studio.submit("job-" + i, CPU));
        studio.pass();

        studio.quota.setLimit(WS, "standardDSv2Family", 40);
        studio.pass();

        assertThat(studio.status(CPU).currentNodeCount()).isEqualTo(10);
        assertThat(studio.status(CPU).errors()).isEmpty();
        IntStream.rangeClosed(1, 10).forEach(i ->
                assertThat(studio.job("job-" + i).status()).isEqualTo(JobStatus.RUNNING));
    }

    @Test
    void theRegionalDedicatedTotalAlsoCapsAScaleUp() {
        studio.quota.setLimit(WS, QuotaKeys.TOTAL_DEDICATED_VCPUS, 8);
        studio.createCluster(CPU, dedicated(DS3, 0, 4));
        IntStream.rangeClosed(1, 3).forEach(i -> studio.submit("job-" + i, CPU));

        studio.pass();

        assertThat(studio.status(CPU).currentNodeCount()).isEqualTo(2);
        assertThat(studio.status(CPU).errors()).singleElement()
                .satisfies(error -> assertThat(error.message()).contains("Total Cluster Dedicated Regional vCPUs")
                        .contains("limit 8"));
    }

    @Test
    void lowPriorityNodesAreCountedInTheirOwnQuota() {
        studio.quota.setLimit(WS, "standardDSv2Family", 0);
        studio.createCluster(CPU, dedicated(DS3, 0, 2));
        studio.createCluster(LOW, lowPriority(DS3, 0, 2));
        studio.submit("job-dedicated", CPU);
        studio.submit("job-low", LOW);

        studio.pass();

        assertThat(studio.status(CPU).currentNodeCount()).as("no dedicated family quota").isZero();
        assertThat(studio.status(CPU).errors()).extracting(ClusterError::code)
                .containsExactly(ClusterError.QUOTA_EXCEEDED);
        assertThat(studio.status(LOW).currentNodeCount()).isEqualTo(1);
        assertThat(studio.status(LOW).errors()).isEmpty();
        assertThat(studio.job("job-low").status()).isEqualTo(JobStatus.RUNNING);
        assertThat(usage(QuotaKeys.LOW_PRIORITY_VCPUS).currentValue()).isEqualTo(4);
        assertThat(usage("standardDSv2Family").currentValue()).isZero();
        assertThat(usage(QuotaKeys.TOTAL_DEDICATED_VCPUS).currentValue()).isZero();
    }

    @Test
    void theLowPriorityLimitCapsLowPriorityClusters() {
        studio.quota.setLimit(WS, QuotaKeys.LOW_PRIORITY_VCPUS, 4);
        studio.createCluster(LOW, lowPriority(DS3, 0, 3));
        studio.submit("job-1", LOW);
        studio.submit("job-2", LOW);

        studio.pass();

        assertThat(studio.status(LOW).currentNodeCount()).isEqualTo(1);
        assertThat(studio.status(LOW).errors()).singleElement()
                .satisfies(error -> assertThat(error.message()).contains("Total Cluster LowPriority Regional vCPUs")
                        .contains("limit 4").contains("in use 4"));
        assertThat(studio.job("job-2").status()).isEqualTo(JobStatus.QUEUED);
    }

    @Test
    void creatingAClusterWhoseMaximumCanNeverFitWarnsWithTheLimit() {
        ComputeService.Created gpu = studio.compute.create(WS, GPU, dedicated(NC6, 0, 2));
        ComputeService.Created big = studio.compute.create(WS, "big-cluster", dedicated(DS3, 0, 10));
        ComputeService.Created fits = studio.compute.create(WS, CPU, dedicated(DS3, 0, 6));

        assertThat(gpu.warnings()).singleElement().satisfies(warning -> assertThat(warning.english())
                .contains("Standard NC Family Cluster Dedicated vCPUs").contains("allows 0")
                .contains("never grow beyond 0 node(s)"));
        assertThat(big.warnings()).singleElement().satisfies(warning -> assertThat(warning.english())
                .contains("needs 40 vCPUs").contains("allows 24").contains("never grow beyond 6 node(s)"));
        assertThat(fits.warnings()).isEmpty();
        assertThat(studio.compute.list(WS)).hasSize(3);
    }

    private QuotaUsage usage(String key) {
        return studio.quota.usage(WS).stream().filter(row -> row.key().equals(key)).findFirst().orElseThrow();
    }
}
