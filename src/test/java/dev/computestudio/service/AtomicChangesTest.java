package dev.computestudio.service;

import dev.computestudio.domain.ComputeCluster;
import dev.computestudio.domain.EventKind;
import dev.computestudio.domain.JobStatus;
import dev.computestudio.domain.LogEvent;
import dev.computestudio.domain.Message;
import dev.computestudio.domain.Node;
import dev.computestudio.domain.NodeState;
import dev.computestudio.domain.QuotaKeys;
import dev.computestudio.domain.QuotaUsage;
import dev.computestudio.domain.port.ClusterRepository;
import dev.computestudio.domain.port.EventLog;
import dev.computestudio.testing.StudioFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static dev.computestudio.testing.StudioFixture.DS3;
import static dev.computestudio.testing.StudioFixture.WS;
import static dev.computestudio.testing.StudioFixture.dedicated;
import static dev.computestudio.testing.StudioFixture.jobSpec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A change of several rows (a cluster and its event, a cluster's nodes and the cluster, a job and
 * its event) is seen whole or not at all: a store that fails at the second write, as a full disk
 * or a lost connection would, leaves nothing of the change behind, and the quota reads as before.
 */
class AtomicChangesTest {

    @TempDir
    Path data;
    private StudioFixture studio;

    @BeforeEach
    void open() {
        studio = new StudioFixture(data);
        studio.createCluster("cpu-a", dedicated(DS3, 0, 2));
    }

    @AfterEach
    void close() {
        studio.close();
    }

    /** A store whose named method fails, as the database would when the disk is full. */
    @SuppressWarnings("unchecked")
    private static <T> T failingOn(Class<T> port, T real, String method) {
        return (T) Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, (proxy, called, args) -> {
            if (called.getName().equals(method)) {
                throw new IllegalStateException("the disk is full");
            }
            try {
                return called.invoke(real, args);
            } catch (java.lang.reflect.InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }

    private ComputeService computeWith(ClusterRepository clusters, EventLog events) {
        return new ComputeService(studio.stores.workspaces(), clusters, studio.stores.nodes(),
                studio.stores.identities(), events, studio.stores.unitOfWork(), studio.locks, studio.quota,
                new Installation(studio.stores.settings()), studio.catalog, studio.clock);
    }

    private long clustersUsed() {
        return studio.quota.usage(WS).stream().filter(usage -> usage.key().equals(QuotaKeys.CLUSTERS))
                .mapToLong(QuotaUsage::currentValue).findFirst().orElseThrow();
    }

    private List<String> clusterEvents(String cluster) {
        return studio.events().stream().filter(event -> event.kind() == EventKind.CLUSTER
                && cluster.equals(event.cluster())).map(LogEvent::state).toList();
    }

    @Test
    void aClusterWhoseEventCannotBeStoredIsNotCreatedAndUsesNoQuota() {
        ComputeService compute = computeWith(studio.stores.clusters(),
                failingOn(EventLog.class, studio.stores.events(), "append"));
        List<QuotaUsage> usageBefore = studio.quota.usage(WS);

        assertThatThrownBy(() -> compute.create(WS, "cpu-b", dedicated(DS3, 1, 3))).hasMessage("the disk is full");

        assertThat(studio.compute.list(WS)).extracting(ComputeCluster::name).containsExactly("cpu-a");
        assertThat(studio.quota.usage(WS)).isEqualTo(usageBefore);
        assertThat(clustersUsed()).isEqualTo(1);
        assertThat(clusterEvents("cpu-b")).isEmpty();
        // Nothing half made is in the way: the same request succeeds once the store works again.
        studio.compute.create(WS, "cpu-b", dedicated(DS3, 1, 3));
        assertThat(clustersUsed()).isEqualTo(2);
        assertThat(clusterEvents("cpu-b")).containsExactly("CREATED");
    }

    @Test
    void aDeleteThatFailsAfterTheNodesWereRemovedKeepsTheClusterAndItsNodes() {
        for (int i = 0; i < 2; i++) {
            Node gone = new Node("tvm-gone-" + i, WS, "cpu-a", NodeState.GONE, "10.0.0." + i, 50000 + i, null,
                    studio.clock.instant(), studio.clock.instant(), null, null);
            studio.stores.nodes().insert(gone);
        }
        ComputeService compute = computeWith(failingOn(ClusterRepository.class, studio.stores.clusters(), "delete"),
                studio.stores.events());

        assertThatThrownBy(() -> compute.delete(WS, "cpu-a")).hasMessage("the disk is full");

        assertThat(studio.compute.list(WS)).extracting(ComputeCluster::name).containsExactly("cpu-a");
        assertThat(studio.stores.nodes().listAll(WS, "cpu-a")).hasSize(2);
        assertThat(clustersUsed()).isEqualTo(1);
        assertThat(clusterEvents("cpu-a")).containsExactly("CREATED");
    }

    @Test
    void aFailedChangeInsideTheEnginesUnitOfWorkIsUndoneWhileTheUnitsOtherWritesStay() {
        ComputeService compute = computeWith(studio.stores.clusters(),
                failingOn(EventLog.class, studio.stores.events(), "append"));

        studio.stores.unitOfWork().run(() -> {
            studio.stores.quota().setLimit(WS, QuotaKeys.CLUSTERS, 50);
            assertThatThrownBy(() -> compute.create(WS, "cpu-c", dedicated(DS3, 0, 1)))
                    .hasMessage("the disk is full");
        });

        assertThat(studio.compute.list(WS)).extracting(ComputeCluster::name).containsExactly("cpu-a");
        assertThat(clustersUsed()).isEqualTo(1);
        assertThat(studio.quota.ledger(WS).limit(QuotaKeys.CLUSTERS)).isEqualTo(50);
    }

    @Test
    void aCancelWhoseEventCannotBeStoredLeavesTheJobQueuedWithoutAnEvent() {
        studio.jobs.submit(WS, jobSpec("train", "cpu-a", 1, null));
        JobService jobs = new JobService(studio.stores.workspaces(), studio.stores.clusters(), studio.stores.jobs(),
                failingOn(EventLog.class, studio.stores.events(), "append"), studio.stores.unitOfWork(),
                new dev.computestudio.domain.JobFiles(data), new Random(3), studio.clock, () -> { });

        assertThatThrownBy(() -> jobs.cancel(WS, "train")).hasMessage("the disk is full");

        assertThat(studio.job("train").status()).isEqualTo(JobStatus.QUEUED);
        assertThat(studio.stores.events().forJob(WS, "train")).extracting(LogEvent::state).containsExactly("QUEUED");
        // Nothing half made is in the way: the cancel succeeds once the store works again.
        assertThat(studio.jobs.cancel(WS, "train").status()).isEqualTo(JobStatus.CANCELED);
        assertThat(studio.stores.events().forJob(WS, "train")).extracting(LogEvent::state, LogEvent::reason)
                .containsExactly(tuple("QUEUED", Message.of("reason.job.submitted")),
                        tuple("CANCELED", Message.of("reason.job.cancel-requested")));
    }

    @Test
    void aJobWhoseEventCannotBeStoredIsNotQueued() {
        JobService jobs = new JobService(studio.stores.workspaces(), studio.stores.clusters(), studio.stores.jobs(),
                failingOn(EventLog.class, studio.stores.events(), "append"), studio.stores.unitOfWork(),
                new dev.computestudio.domain.JobFiles(data), new Random(3), studio.clock, () -> { });

        assertThatThrownBy(() -> jobs.submit(WS, jobSpec("train", "cpu-a", 1, null))).hasMessage("the disk is full");

        assertThat(studio.jobs.list(WS)).isEmpty();
        assertThat(data.resolve("jobs").resolve(WS).resolve("train")).doesNotExist();
        assertThat(studio.jobs.submit(WS, jobSpec("train", "cpu-a", 1, null)).name()).isEqualTo("train");
    }
}
