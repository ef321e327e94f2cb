package dev.computestudio.infra.persistence;

import dev.computestudio.domain.AllocationState;
import dev.computestudio.domain.ClusterError;
import dev.computestudio.domain.ClusterIdentity;
import dev.computestudio.domain.ClusterSpec;
import dev.computestudio.domain.ClusterStatus;
import dev.computestudio.domain.ComputeCluster;
import dev.computestudio.domain.ConflictException;
import dev.computestudio.domain.EventKind;
import dev.computestudio.domain.Job;
import dev.computestudio.domain.JobSpec;
import dev.computestudio.domain.JobStatus;
import dev.computestudio.domain.LockLevel;
import dev.computestudio.domain.LogEvent;
import dev.computestudio.domain.Message;
import dev.computestudio.domain.NetworkSettings;
import dev.computestudio.domain.Node;
import dev.computestudio.domain.NodeState;
import dev.computestudio.domain.NodeStateCounts;
import dev.computestudio.domain.NotFoundException;
import dev.computestudio.domain.ProvisioningState;
import dev.computestudio.domain.ResourceLock;
import dev.computestudio.domain.SshSettings;
import dev.computestudio.domain.SystemAssignedIdentity;
import dev.computestudio.domain.UserAssignedIdentity;
import dev.computestudio.domain.VmTier;
import dev.computestudio.domain.Workspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The contract of the repository ports, run against every way of opening the database. Each test
 * starts from a new, migrated database that holds one workspace, {@link #WS}.
 */
abstract class RepositoryContractTest {

    /** Nanoseconds on purpose: instants must come back exactly as given. */
    static final Instant T0 = Instant.parse("2024-05-01T10:15:30.123456789Z");
    static final String WS = "ws-contract";
    static final String SUBSCRIPTION = "0b1f6471-1bf0-4dda-aec3-111122223333";
    static final String IDENTITY_ONE = "/subscriptions/" + SUBSCRIPTION
            + "/resourceGroups/rg-ml/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-one";
    static final String IDENTITY_TWO = "/subscriptions/" + SUBSCRIPTION
            + "/resourceGroups/rg-ml/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-two";

    private Database database;

    /** A new, empty database of the kind under test. */
    protected abstract Database openDatabase();

    protected Database database() {
        return database;
    }

    @BeforeEach
    void openEmptyDatabase() {
        database = openDatabase();
        database.workspaces().insert(workspace(WS));
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    // Fixtures, shared with the tests of each kind of database.

    static Workspace workspace(String name) {
        return new Workspace(name, "westeurope", SUBSCRIPTION, "rg-ml", T0);
    }

    /** Every setting given: low priority, SSH with password and key, network, user-assigned identities, tags. */
    static ComputeCluster clusterWithEverything(String workspace, String name) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("team", "vision");
        tags.put("cost-center", "4711");
        tags.put("empty", "");
        ClusterSpec spec = new ClusterSpec("Standard_NC6s_v3", VmTier.LOW_PRIORITY, 1, 8, Duration.ofSeconds(1800),
                new SshSettings(true, "azureuser", "S3cret-password!", "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5 me@host"),
                new NetworkSettings("vnet-ml", "/subscriptions/" + SUBSCRIPTION + "/subnets/default"),
                ClusterIdentity.userAssigned(List.of(IDENTITY_ONE, IDENTITY_TWO)), tags,
                "GPU training, ç and ü included", "northeurope");
        ClusterStatus status = new ClusterStatus(ProvisioningState.SUCCEEDED, AllocationState.RESIZING,
                T0.plusSeconds(5), 3, 5, new NodeStateCounts(1, 2, 3, 4, 5, 6),
                List.of(new ClusterError(ClusterError.QUOTA_EXCEEDED, Message.of("error.quota-exceeded", 2,
                                "Standard_NC6s_v3", 6, "Standard NCSv3 Family vCPUs", 12, 12, workspace,
                                "standardNCSv3Family")),
                        new ClusterError(ClusterError.SCOPE_LOCKED, Message.of("error.scope-locked", "rg-ml",
                                workspace, "ReadOnly", "freeze", 3))));
        return new ComputeCluster(workspace, name, spec, status, null,
                "/subscriptions/" + SUBSCRIPTION + "/resourceGroups/rg-ml/providers/Microsoft.Compute/virtualMachines/"
                        + name,
                T0.plusMillis(1));
    }

    /** Only what is required: every optional field null or empty. */
    static ComputeCluster clusterWithDefaults(String workspace, String name) {
        ClusterSpec spec = new ClusterSpec(null, VmTier.DEDICATED, 0, 4, Duration.ZERO, null, null, null, null,
                null, null);
        return new ComputeCluster(workspace, name, spec, ClusterStatus.created(T0), null, null, T0);
    }

    static ComputeCluster clusterWithSystemIdentity(String workspace, String name) {
        return new ComputeCluster(workspace, name,
                ClusterSpec.defaults("Standard_DS3_v2").withIdentity(ClusterIdentity.SYSTEM_ASSIGNED),
                ClusterStatus.created(T0),
                new SystemAssignedIdentity("8d6e4c0b-principal", "72f988bf-tenant", "5a1b2c3d-client"), null, T0);
    }

    static Node node(String workspace, String cluster, String id, NodeState state, Instant createdAt) {
        return new Node(id, workspace, cluster, state, "10.0.0.4", 50000, "train-1", createdAt,
                createdAt.plusMillis(250), "container-3f9a", "4242@1767261600000");
    }

    static Node bareNode(String workspace, String cluster, String id) {
        return new Node(id, workspace, cluster, NodeState.PREPARING, null, 0, null, T0, T0, null, null);
    }

    /** Every field given, in a running state with nodes and a finished-looking past. */
    static Job jobWithEverything(String workspace, String name, Instant createdAt) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("EPOCHS", "10");
        env.put("LEARNING_RATE", "0.001");
        env.put("AZUREML_RUN_ID", name);
        JobSpec spec = new JobSpec(name, "Train ResNet", "vision", "gpu-cluster", "python train.py --epochs ${EPOCHS}",
                "python:3.11-slim", 2, env, Duration.ofMillis(3_600_500), "trains the model");
        return new Job(workspace, spec, JobStatus.RUNNING, 2, createdAt, createdAt.plusSeconds(3),
                createdAt.plusSeconds(9), 137, Message.of("reason.job.node-lost", Message.of("error.runner.docker-silent", "tcp://localhost:2375")),
                List.of("tvm-1_1-20240501t101530z", "tvm-1_2-20240501t101530z"));
    }

    /** Only what is required: no image, no timeout, no variables, nothing started. */
    static Job queuedJob(String workspace, String name, Instant createdAt) {
        JobSpec spec = new JobSpec(name, null, null, "cpu-cluster", "echo hello", null, 1, null, null, null);
        return Job.submitted(workspace, spec, createdAt);
    }

    static UserAssignedIdentity identity(String workspace, String name, String resourceId) {
        return new UserAssignedIdentity(workspace, name, resourceId, "client-" + name, "principal-" + name,
                "72f988bf-tenant", T0);
    }

    /** One event of each kind, for one cluster. */
    static List<LogEvent> eventsOfEveryKind(String workspace, String cluster) {
        Node node = node(workspace, cluster, "tvm-1_1-20240501t101530z", NodeState.RUNNING, T0);
        Job job = jobWithEverything(workspace, "train-1", T0);
        // Reasons with arguments of every kind a text holds: text, whole numbers, an enum value, a nested text.
        return List.of(
                LogEvent.node(T0, node, Message.of("reason.node.rank-started", 0, "train-1")),
                LogEvent.job(T0.plusMillis(1), job, null),
                LogEvent.cluster(T0.plusMillis(2), workspace, cluster, "ScaleUp", Message.of(
                        "reason.cluster.scale-down", "tvm-1_1", Message.of("reason.node.job-ended", JobStatus.FAILED),
                        5_000_000_000L, "ç and ü", null)));
    }

    static LogEvent numbered(LogEvent event, long sequence) {
        return new LogEvent(sequence, event.at(), event.kind(), event.workspace(), event.cluster(), event.nodeId(),
                event.jobName(), event.state(), event.attempt(), event.reason());
    }

    private static LogEvent clusterEvent(String cluster, Instant at, String decision) {
        return LogEvent.cluster(at, WS, cluster, decision, null);
    }

    // Workspaces

    @Test
    void workspaceRoundTripsAndWorkspacesListByName() {
        database.workspaces().insert(workspace("b-team"));
        database.workspaces().insert(workspace("a-team"));

        assertThat(database.workspaces().find("a-team")).contains(workspace("a-team"));
        assertThat(database.workspaces().find("nobody")).isEmpty();
        assertThat(database.workspaces().list()).extracting(Workspace::name)
                .containsExactly("a-team", "b-team", WS);
    }

    @Test
    void duplicateWorkspaceNameIsAConflictNamingIt() {
        assertThatThrownBy(() -> database.workspaces().insert(workspace(WS)))
                .isInstanceOf(ConflictException.class)
                .hasMessage("a workspace named '" + WS + "' already exists");
    }

    @Test
    void workspaceDeleteSaysWhetherThereWasOne() {
        assertThat(database.workspaces().delete(WS)).isTrue();
        assertThat(database.workspaces().delete(WS)).isFalse();
        assertThat(database.workspaces().find(WS)).isEmpty();
    }

    @Test
    void workspaceWithComputeCannotBeDeleted() {
        database.clusters().insert(clusterWithDefaults(WS, "cpu"));

        assertThatThrownBy(() -> database.workspaces().delete(WS))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("workspace '" + WS + "' still has compute");
        assertThat(database.workspaces().find(WS)).isPresent();
    }

    @Test
    void deletingAWorkspaceTakesItsJobsAndQuotaAlong() {
        database.jobs().insert(queuedJob(WS, "job-1", T0));
        database.quotas().setLimit(WS, "standardDSv2Family", 48);

        assertThat(database.workspaces().delete(WS)).isTrue();

        assertThat(database.jobs().find(WS, "job-1")).isEmpty();
        assertThat(database.quotas().limits(WS)).isEmpty();
    }

    // Clusters

    @Test
    void clusterWithEverySettingRoundTrips() {
        ComputeCluster cluster = clusterWithEverything(WS, "gpu-cluster");

        database.clusters().insert(cluster);

        ComputeCluster found = database.clusters().find(WS, "gpu-cluster").orElseThrow();
        assertThat(found).isEqualTo(cluster);
        assertThat(found.spec().tags()).containsExactly(
                entry("team", "vision"), entry("cost-center", "4711"), entry("empty", ""));
    }

    @Test
    void clusterWithSystemIdentityRoundTrips() {
        ComputeCluster cluster = clusterWithSystemIdentity(WS, "cpu-msi");

        database.clusters().insert(cluster);

        assertThat(database.clusters().find(WS, "cpu-msi")).contains(cluster);
    }

    @Test
    void clusterWithOnlyDefaultsRoundTrips() {
        ComputeCluster cluster = clusterWithDefaults(WS, "cpu");

        database.clusters().insert(cluster);

        assertThat(database.clusters().find(WS, "cpu")).contains(cluster);
    }

    @Test
    void theEnginesAllocationWriteKeepsADeleteAndASpecChangeMadeMeanwhile() {
        ComputeCluster loaded = clusterWithDefaults(WS, "cpu");
        database.clusters().insert(loaded);
        ComputeCluster deleting = loaded.withSpec(loaded.spec().withScale(1, 8, Duration.ofSeconds(30)))
                .withStatus(loaded.status().withProvisioningState(ProvisioningState.DELETING));
        database.clusters().update(deleting);
        ClusterStatus observed = new ClusterStatus(ProvisioningState.SUCCEEDED, AllocationState.RESIZING,
                T0.plusSeconds(5), 2, 3, new NodeStateCounts(1, 1, 0, 0, 0, 0),
                List.of(new ClusterError(ClusterError.RUNNER_UNAVAILABLE,
                        Message.of("error.runner.docker-silent", "tcp://localhost:2375"))));

        database.clusters().updateAllocation(WS, "cpu", observed);

        ComputeCluster stored = database.clusters().find(WS, "cpu").orElseThrow();
        assertThat(stored.status().provisioningState()).isEqualTo(ProvisioningState.DELETING);
        assertThat(stored.spec()).isEqualTo(deleting.spec());
        assertThat(stored.status().withProvisioningState(ProvisioningState.SUCCEEDED)).isEqualTo(observed);
    }

    @Test
    void clusterUpdateReplacesSpecStatusAndIdentity() {
        database.clusters().insert(clusterWithDefaults(WS, "cpu"));
        ComputeCluster everything = clusterWithEverything(WS, "cpu");
        ComputeCluster changed = clusterWithDefaults(WS, "cpu")
                .withSpec(everything.spec().withIdentity(ClusterIdentity.SYSTEM_ASSIGNED))
                .withStatus(everything.status())
                .withSystemIdentity(new SystemAssignedIdentity("p", "t", "c"));

        database.clusters().update(changed);

        assertThat(database.clusters().find(WS, "cpu")).contains(changed);
    }

    @Test
    void updatingAMissingClusterIsNotFound() {
        assertThatThrownBy(() -> database.clusters().update(clusterWithDefaults(WS, "ghost")))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("'ghost'");
    }

    @Test
    void duplicateClusterNameIsAConflictButAnotherWorkspaceMayUseIt() {
        database.workspaces().insert(workspace("other-ws"));
        database.clusters().insert(clusterWithDefaults(WS, "cpu"));

        assertThatThrownBy(() -> database.clusters().insert(clusterWithSystemIdentity(WS, "cpu")))
                .isInstanceOf(ConflictException.class)
                .hasMessage("workspace '" + WS + "' already has compute named 'cpu'")
                .satisfies(e -> assertThat(((ConflictException) e).text())
                        .isEqualTo(Message.of("conflict.compute.name-taken", WS, "cpu")))
                .satisfies(e -> assertThat(((ConflictException) e).field()).isEqualTo("name"));
        database.clusters().insert(clusterWithDefaults("other-ws", "cpu"));
        assertThat(database.clusters().find("other-ws", "cpu")).isPresent();
    }

    @Test
    void attachingOneResourceUnderASecondNameIsAConflictNamingTheFirst() {
        ComputeCluster first = clusterWithEverything(WS, "first");
        database.clusters().insert(first);
        ComputeCluster second = new ComputeCluster(WS, "second", first.spec(), first.status(), null,
                first.attachedResourceId(), T0);

        assertThatThrownBy(() -> database.clusters().insert(second))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("already attached as 'first'");
    }

    @Test
    void clustersListByNameAndListAllSpansWorkspaces() {
        database.workspaces().insert(workspace("a-ws"));
        database.clusters().insert(clusterWithDefaults(WS, "zeta"));
        database.clusters().insert(clusterWithSystemIdentity(WS, "alpha"));
        database.clusters().insert(clusterWithDefaults("a-ws", "mid"));

        assertThat(database.clusters().list(WS)).extracting(ComputeCluster::name).containsExactly("alpha", "zeta");
        assertThat(database.clusters().listAll()).extracting(c -> c.workspace() + "/" + c.name())
                .containsExactly("a-ws/mid", WS + "/alpha", WS + "/zeta");
    }

    @Test
    void attachedComputeIsFoundByItsResourceId() {
        ComputeCluster attached = clusterWithEverything(WS, "attached");
        database.clusters().insert(attached);
        database.clusters().insert(clusterWithDefaults(WS, "created-here"));

        assertThat(database.clusters().findByAttachedResourceId(WS, attached.attachedResourceId())).contains(attached);
        assertThat(database.clusters().findByAttachedResourceId(WS, "/subscriptions/x/other")).isEmpty();
    }

    @Test
    void clusterDeleteSaysWhetherThereWasOne() {
        database.clusters().insert(clusterWithDefaults(WS, "cpu"));

        assertThat(database.clusters().delete(WS, "cpu")).isTrue();
        assertThat(database.clusters().delete(WS, "cpu")).isFalse();
        assertThat(database.clusters().find(WS, "cpu")).isEmpty();
    }

    @Test
    void clusterWithNodesCannotBeDeletedUntilTheyAre() {
        database.clusters().insert(clusterWithDefaults(WS, "cpu"));
        database.nodes().insert(node(WS, "cpu", "tvm-1_1", NodeState.GONE, T0));

        assertThatThrownBy(() -> database.clusters().delete(WS, "cpu"))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("still has nodes");

        database.nodes().deleteCluster(WS, "cpu");
        assertThat(database.clusters().delete(WS, "cpu")).isTrue();
    }

    @Test
    void idleTimeWithAFractionOfASecondIsRefusedRatherThanCut() {
        ComputeCluster cluster = clusterWithDefaults(WS, "cpu");
        ComputeCluster fractional = cluster.withSpec(cluster.spec().withScale(0, 4, Duration.ofMillis(1500)));

        assertThatThrownBy(() -> database.clusters().insert(fractional))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("whole seconds");
        assertThat(database.clusters().find(WS, "cpu")).isEmpty();
    }

    // Nodes

    @Test
    void nodeRoundTripsWithEveryFieldAndWithOnlyTheRequiredOnes() {
        database.clusters().insert(clusterWithDefaults(WS, "cpu"));
        Node full = node(WS, "cpu", "tvm-1_1-20240501t101530z", NodeState.RUNNING, T0);
        Node bare = bareNode(WS, "cpu", "tvm-1_2-20240501t101530z");

        database.nodes().insert(full);
        database.nodes().insert(bare);

        assertThat(database.nodes().find(full.id())).contains(full);
        assertThat(database.nodes().find(bare.id())).contains(bare);
        assertThat(database.nodes().find("tvm-missing")).isEmpty();
    }

    @Test
    void nodeUpdateReplacesStateJobAndHandles() {
        database.clusters().insert(clusterWithDefaults(WS, "cpu"));
        Node node = bareNode(WS, "cpu", "tvm-1_1");
        database.nodes().insert(node);
        Node changed = node.withState(NodeState.IDLE, T0.plusSeconds(3)).withState(NodeState.RUNNING, T0.plusSeconds(4))
                .withJob("train-1", "4242@1767261600000")
                .withRunnerHandle("pid:4242");

        database.nodes().update(changed);

        assertThat(database.nodes().find("tvm-1_1")).contains(changed);
    }

    @Test
    void updatingAMissingNodeIsNotFound() {
        assertThatThrownBy(() -> database.nodes().update(bareNode(WS, "cpu", "tvm-ghost")))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("'tvm-ghost'");
    }

    @Test
    void duplicateNodeIdIsAConflict() {
        database.clusters().insert(clusterWithDefaults(WS, "cpu"));
        database.nodes().insert(bareNode(WS, "cpu", "tvm-1_1"));

        assertThatThrownBy(() -> database.nodes().insert(bareNode(WS, "cpu", "tvm-1_1")))
                .isInstanceOf(ConflictException.class)
                .hasMessage("a node with id 'tvm-1_1' already exists");
    }

    @Test
    void presentNodesLeaveOutGoneOnesAndComeOldestFirst() {
        database.clusters().insert(clusterWithDefaults(WS, "cpu"));
        database.clusters().insert(clusterWithDefaults(WS, "other"));
        // Created at the same instant: insertion order decides, not the ids' text order.
        Node second = node(WS, "cpu", "tvm-1_2", NodeState.IDLE, T0.plusSeconds(1));
        Node tenth = node(WS, "cpu", "tvm-1_10", NodeState.PREPARING, T0.plusSeconds(1));
        Node first = node(WS, "cpu", "tvm-1_1", NodeState.GONE, T0);
        Node elsewhere = node(WS, "other", "tvm-2_1", NodeState.IDLE, T0);
        for (Node node : List.of(second, tenth, first, elsewhere)) {
            database.nodes().insert(node);
        }

        assertThat(database.nodes().listPresent(WS, "cpu")).containsExactly(second, tenth);
        assertThat(database.nodes().listAll(WS, "cpu")).containsExactly(first, second, tenth);
    }

    @Test
    void existingNodesOfAWindowAreThoseCreatedBeforeItsEndAndNotGoneByItsStart() {
        database.clusters().insert(clusterWithDefaults(WS, "cpu"));
        Instant from = T0.plusSeconds(100);
        Instant to = T0.plusSeconds(200);
        Node goneBefore = node(WS, "cpu", "tvm-1_1", NodeState.GONE, T0).withState(NodeState.GONE, from);
        Node goneInside = node(WS, "cpu", "tvm-1_2", NodeState.GONE, T0).withState(NodeState.GONE, from.plusSeconds(1));
        Node stillHere = node(WS, "cpu", "tvm-1_3", NodeState.IDLE, T0.plusSeconds(50));
        Node bornInside = node(WS, "cpu", "tvm-1_4", NodeState.RUNNING, T0.plusSeconds(150));
        Node bornAfter = node(WS, "cpu", "tvm-1_5", NodeState.IDLE, to);
        for (Node node : List.of(goneBefore, goneInside, stillHere, bornInside, bornAfter)) {
            database.nodes().insert(node);
        }

        assertThat(database.nodes().listExisting(WS, "cpu", from, to)).containsExactly(goneInside, stillHere, bornInside);
        assertThat(database.nodes().listExisting(WS, "other", from, to)).isEmpty();
    }

    @Test
    void deleteClusterForgetsOnlyThatClustersNodes() {
        database.clusters().insert(clusterWithDefaults(WS, "cpu"));
        database.clusters().insert(clusterWithDefaults(WS, "other"));
        database.nodes().insert(node(WS, "cpu", "tvm-1_1", NodeState.IDLE, T0));
        database.nodes().insert(node(WS, "cpu", "tvm-1_2", NodeState.GONE, T0));
        Node kept = node(WS, "other", "tvm-2_1", NodeState.IDLE, T0);
        database.nodes().insert(kept);

        database.nodes().deleteCluster(WS, "cpu");

        assertThat(database.nodes().listAll(WS, "cpu")).isEmpty();
        assertThat(database.nodes().listAll(WS, "other")).containsExactly(kept);
    }

    // Jobs

    @Test
    void jobWithEveryFieldRoundTrips() {
        Job job = jobWithEverything(WS, "train-1", T0);

        database.jobs().insert(job);

        Job found = database.jobs().find(WS, "train-1").orElseThrow();
        assertThat(found).isEqualTo(job);
        assertThat(found.spec().environmentVariables()).containsExactly(
                entry("EPOCHS", "10"), entry("LEARNING_RATE", "0.001"), entry("AZUREML_RUN_ID", "train-1"));
    }

    @Test
    void jobWithOnlyTheRequiredFieldsRoundTrips() {
        Job job = queuedJob(WS, "hello", T0);

        database.jobs().insert(job);

        assertThat(database.jobs().find(WS, "hello")).contains(job);
        assertThat(database.jobs().find(WS, "nothing")).isEmpty();
    }

    @Test
    void duplicateJobNameIsAConflict() {
        database.jobs().insert(queuedJob(WS, "hello", T0));

        assertThatThrownBy(() -> database.jobs().insert(queuedJob(WS, "hello", T0.plusSeconds(1))))
                .isInstanceOf(ConflictException.class)
                .hasMessage("workspace '" + WS + "' already has a job named 'hello'");
    }

    @Test
    void updateIfStoresTheJobWhenItsStatusIsTheExpectedOne() {
        Job queued = queuedJob(WS, "hello", T0);
        database.jobs().insert(queued);
        Job placed = queued.placedOn(List.of("tvm-1_1"), T0.plusSeconds(2));

        assertThat(database.jobs().updateIf(placed, JobStatus.QUEUED)).isTrue();

        assertThat(database.jobs().find(WS, "hello")).contains(placed);
    }

    @Test
    void updateIfRefusesWhenTheStatusHasMovedOn() {
        Job queued = queuedJob(WS, "hello", T0);
        database.jobs().insert(queued);
        Job canceled = queued.moveTo(JobStatus.CANCELED, T0.plusSeconds(1));
        database.jobs().updateIf(canceled, JobStatus.QUEUED);
        Job staleMove = queued.placedOn(List.of("tvm-1_1"), T0.plusSeconds(2));

        assertThat(database.jobs().updateIf(staleMove, JobStatus.QUEUED)).isFalse();

        assertThat(database.jobs().find(WS, "hello")).contains(canceled);
    }

    @Test
    void updateIfOfAMissingJobChangesNothing() {
        assertThat(database.jobs().updateIf(queuedJob(WS, "ghost", T0), JobStatus.QUEUED)).isFalse();
        assertThat(database.jobs().find(WS, "ghost")).isEmpty();
    }

    @Test
    void workspaceJobsListNewestFirst() {
        database.jobs().insert(queuedJob(WS, "old", T0));
        database.jobs().insert(queuedJob(WS, "new", T0.plusSeconds(60)));
        database.jobs().insert(queuedJob(WS, "also-old", T0));

        assertThat(database.jobs().list(WS)).extracting(Job::name).containsExactly("new", "also-old", "old");
    }

    @Test
    void unfinishedJobsOfAllWorkspacesComeOldestFirst() {
        database.workspaces().insert(workspace("other-ws"));
        Job done = queuedJob(WS, "done", T0.minusSeconds(10)).moveTo(JobStatus.CANCELED, T0);
        database.jobs().insert(done);
        database.jobs().insert(jobWithEverything(WS, "running", T0.plusSeconds(5)));
        // Submitted at the same instant: submission order decides.
        database.jobs().insert(queuedJob("other-ws", "zz-first", T0));
        database.jobs().insert(queuedJob(WS, "aa-second", T0));

        assertThat(database.jobs().listUnfinished()).extracting(job -> job.workspace() + "/" + job.name())
                .containsExactly("other-ws/zz-first", WS + "/aa-second", WS + "/running");
    }

    @Test
    void submitsAndUserChangesAreNotedForTheEngineEachOnce() {
        Job first = queuedJob(WS, "first", T0);
        Job second = queuedJob(WS, "second", T0.plusSeconds(1));
        database.jobs().insert(first);
        database.jobs().insert(second);
        Job canceled = first.finished(JobStatus.CANCELED, null, Message.of("reason.job.canceled"), T0.plusSeconds(2));
        assertThat(database.jobs().updateAndNoteIf(canceled, JobStatus.QUEUED)).isTrue();

        // As stored now, in the order noted: the first job's notes both bring its latest state.
        assertThat(database.jobs().takeNoted()).containsExactly(canceled, second, canceled);
        assertThat(database.jobs().takeNoted()).isEmpty();
    }

    @Test
    void theEnginesOwnWritesAndRefusedChangesAreNotNoted() {
        Job queued = queuedJob(WS, "hello", T0);
        database.jobs().insert(queued);
        database.jobs().takeNoted();

        database.jobs().updateIf(queued.placedOn(List.of("tvm-1_1"), T0.plusSeconds(1)), JobStatus.QUEUED);
        boolean stale = database.jobs().updateAndNoteIf(
                queued.finished(JobStatus.CANCELED, null, Message.of("reason.job.canceled"), T0.plusSeconds(2)), JobStatus.QUEUED);

        assertThat(stale).isFalse();
        assertThat(database.jobs().takeNoted()).isEmpty();
    }

    @Test
    void notesOfJobsWhoseWorkspaceWentAreDropped() {
        database.workspaces().insert(workspace("short-lived"));
        database.jobs().insert(queuedJob("short-lived", "orphan", T0));
        database.workspaces().delete("short-lived");

        assertThat(database.jobs().takeNoted()).isEmpty();
        assertThat(database.jobs().takeNoted()).isEmpty();
    }

    // Quota

    @Test
    void quotaLimitsAreSetPerWorkspaceAndOverwritten() {
        database.workspaces().insert(workspace("other-ws"));
        database.quotas().setLimit(WS, "standardDSv2Family", 48);
        database.quotas().setLimit(WS, "lowPriorityVCpus", 10);
        database.quotas().setLimit(WS, "standardDSv2Family", 96);
        database.quotas().setLimit("other-ws", "clusters", 3);

        assertThat(database.quotas().limits(WS))
                .containsExactly(entry("lowPriorityVCpus", 10), entry("standardDSv2Family", 96));
        assertThat(database.quotas().limits("other-ws")).containsExactly(entry("clusters", 3));
        assertThat(database.quotas().limits("nobody")).isEmpty();
    }

    // Locks

    @Test
    void locksRoundTripListByNameAndDelete() {
        ResourceLock readOnly = new ResourceLock(WS, "freeze", LockLevel.READ_ONLY, "audit week", T0);
        ResourceLock noDelete =
                new ResourceLock(WS, "do-not-delete", LockLevel.CAN_NOT_DELETE, null, T0.plusSeconds(1));
        database.locks().insert(readOnly);
        database.locks().insert(noDelete);

        assertThat(database.locks().list(WS)).containsExactly(noDelete, readOnly);
        assertThat(database.locks().delete(WS, "freeze")).isTrue();
        assertThat(database.locks().delete(WS, "freeze")).isFalse();
        assertThat(database.locks().list(WS)).containsExactly(noDelete);
    }

    @Test
    void duplicateLockNameIsAConflict() {
        database.locks().insert(new ResourceLock(WS, "freeze", LockLevel.READ_ONLY, null, T0));

        assertThatThrownBy(() -> database.locks().insert(
                new ResourceLock(WS, "freeze", LockLevel.CAN_NOT_DELETE, null, T0)))
                .isInstanceOf(ConflictException.class)
                .hasMessage("workspace '" + WS + "' already has a lock named 'freeze'");
    }

    // Identities

    @Test
    void identityRoundTripsAndIsFoundByNameAndResourceId() {
        UserAssignedIdentity two = identity(WS, "id-two", IDENTITY_TWO);
        UserAssignedIdentity one = identity(WS, "id-one", IDENTITY_ONE);
        database.identities().insert(two);
        database.identities().insert(one);

        assertThat(database.identities().list(WS)).containsExactly(one, two);
        assertThat(database.identities().find(WS, "id-two")).contains(two);
        assertThat(database.identities().findByResourceId(IDENTITY_ONE)).contains(one);
        assertThat(database.identities().findByResourceId(IDENTITY_ONE + "x")).isEmpty();
        assertThat(database.identities().delete(WS, "id-one")).isTrue();
        assertThat(database.identities().delete(WS, "id-one")).isFalse();
        assertThat(database.identities().list(WS)).containsExactly(two);
    }

    @Test
    void duplicateIdentityNameIsAConflict() {
        database.identities().insert(identity(WS, "id-one", IDENTITY_ONE));

        assertThatThrownBy(() -> database.identities().insert(identity(WS, "id-one", IDENTITY_ONE)))
                .isInstanceOf(ConflictException.class)
                .hasMessage("workspace '" + WS + "' already has an identity named 'id-one'");
    }

    @Test
    void identityResourceIdIsStoredOnceAcrossWorkspaces() {
        database.workspaces().insert(workspace("same-group"));
        database.identities().insert(identity(WS, "id-one", IDENTITY_ONE));

        assertThatThrownBy(() -> database.identities().insert(identity("same-group", "id-one", IDENTITY_ONE)))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("already exists as 'id-one' in workspace '" + WS + "'");
    }

    // Event log

    @Test
    void eventsOfEveryKindRoundTripWithIncreasingSequenceNumbers() {
        List<LogEvent> events = eventsOfEveryKind(WS, "gpu-cluster");

        database.eventLog().append(events);

        List<LogEvent> stored = database.eventLog().after(0, 100);
        assertThat(stored).hasSize(3);
        assertThat(stored.get(0).sequence()).isPositive();
        assertThat(stored.get(1).sequence()).isGreaterThan(stored.get(0).sequence());
        assertThat(stored.get(2).sequence()).isGreaterThan(stored.get(1).sequence());
        for (int i = 0; i < events.size(); i++) {
            assertThat(stored.get(i)).isEqualTo(numbered(events.get(i), stored.get(i).sequence()));
        }
    }

    @Test
    void windowIncludesItsStartExcludesItsEndAndOtherClusters() {
        Instant from = T0.plusSeconds(10);
        Instant to = T0.plusSeconds(20);
        database.eventLog().append(List.of(
                clusterEvent("cpu", from.minusNanos(1), "before"),
                clusterEvent("cpu", from, "at-start"),
                clusterEvent("other", from.plusSeconds(1), "other-cluster"),
                clusterEvent("cpu", to.minusNanos(1), "just-before-end"),
                clusterEvent("cpu", to, "at-end")));
        database.eventLog().append(List.of(
                LogEvent.cluster(from.plusSeconds(2), "other-ws", "cpu", "other-workspace", null)));

        assertThat(database.eventLog().window(WS, "cpu", from, to)).extracting(LogEvent::state)
                .containsExactly("at-start", "just-before-end");
    }

    @Test
    void windowComesInTimeOrderEvenWhenAppendedOutOfOrder() {
        database.eventLog().append(List.of(
                clusterEvent("cpu", T0.plusSeconds(2), "later"),
                clusterEvent("cpu", T0.plusSeconds(1), "earlier"),
                clusterEvent("cpu", T0.plusSeconds(2), "later-appended-after")));

        assertThat(database.eventLog().window(WS, "cpu", T0, T0.plusSeconds(3))).extracting(LogEvent::state)
                .containsExactly("earlier", "later", "later-appended-after");
    }

    private static final Message SCALE_UP = Message.of("reason.node.scale-up");
    private static final Message READY = Message.of("reason.node.ready");
    private static final Message PLACED = Message.of("reason.node.rank-started", 0, "train-1");

    @Test
    void lastNodeEventsGiveEachNodesStateJustBeforeAnInstant() {
        Node one = bareNode(WS, "cpu", "tvm-1_1");
        Node two = bareNode(WS, "cpu", "tvm-1_2");
        Instant before = T0.plusSeconds(10);
        database.eventLog().append(List.of(
                LogEvent.node(T0, one, SCALE_UP),
                LogEvent.node(T0.plusSeconds(5), one.withState(NodeState.IDLE, T0.plusSeconds(5)), READY),
                LogEvent.node(T0.plusSeconds(5), one.withState(NodeState.IDLE, T0.plusSeconds(5))
                        .withState(NodeState.RUNNING, T0.plusSeconds(5)), PLACED),
                LogEvent.node(before, one.withState(NodeState.IDLE, before), Message.of("reason.node.rank-exited", 0)),
                LogEvent.node(T0.plusSeconds(3), two, SCALE_UP),
                LogEvent.node(T0.plusSeconds(1), bareNode(WS, "other", "tvm-2_1"), READY),
                LogEvent.cluster(T0.plusSeconds(6), WS, "cpu", "SCALE_UP",
                        Message.of("reason.cluster.scale-up", 1, 1, 0, 2))));

        List<LogEvent> last = database.eventLog().lastNodeEvents(WS, "cpu",
                List.of("tvm-1_1", "tvm-1_2", "tvm-2_1", "tvm-never"), before);

        assertThat(last).extracting(LogEvent::nodeId, LogEvent::state, LogEvent::reason).containsExactlyInAnyOrder(
                tuple("tvm-1_1", "RUNNING", PLACED), tuple("tvm-1_2", "PREPARING", SCALE_UP));
        assertThat(database.eventLog().lastNodeEvents(WS, "cpu", List.of(), before)).isEmpty();
    }

    @Test
    void theLastClusterEventIsTheNewestDecisionOfThatClusterWhateverCameAfterIt() {
        assertThat(database.eventLog().lastClusterEvent(WS, "cpu")).isEmpty();
        Message locked = Message.of("error.scope-locked", "rg", WS, "CanNotDelete", "no-delete", 0);
        database.eventLog().append(List.of(
                clusterEvent("cpu", T0, "SCALE_UP"),
                LogEvent.cluster(T0.plusSeconds(5), WS, "cpu", "ScopeLocked", locked),
                clusterEvent("cpu", T0.plusSeconds(5), "AT_MAX_NODES"),
                LogEvent.cluster(T0.plusSeconds(5), WS, "cpu", "ScopeLocked", locked),
                LogEvent.node(T0.plusSeconds(7), bareNode(WS, "cpu", "tvm-1_1"), SCALE_UP),
                new LogEvent(0, T0.plusSeconds(7), EventKind.JOB, WS, "cpu", null, "train-1", "QUEUED", 0, null),
                clusterEvent("other", T0.plusSeconds(8), "SCALE_DOWN")));

        assertThat(database.eventLog().lastClusterEvent(WS, "cpu")).hasValueSatisfying(event -> {
            assertThat(event.state()).as("the later of two at the same instant").isEqualTo("ScopeLocked");
            assertThat(event.reason()).isEqualTo(locked);
            assertThat(event.at()).isEqualTo(T0.plusSeconds(5));
        });
        assertThat(database.eventLog().lastClusterEvent(WS, "other")).map(LogEvent::state).hasValue("SCALE_DOWN");
        assertThat(database.eventLog().lastClusterEvent("ws-else", "cpu")).isEmpty();
    }

    @Test
    void jobHistoryHoldsOnlyThatJobsEvents() {
        Job job = queuedJob(WS, "train-1", T0);
        Job placed = job.placedOn(List.of("tvm-1_1"), T0.plusSeconds(1));
        database.eventLog().append(List.of(
                LogEvent.job(T0, job, Message.of("reason.job.submitted")),
                LogEvent.job(T0, queuedJob(WS, "train-2", T0), Message.of("reason.job.submitted")),
                LogEvent.job(T0.plusSeconds(1), placed, null)));

        assertThat(database.eventLog().forJob(WS, "train-1"))
                .extracting(LogEvent::state, LogEvent::attempt)
                .containsExactly(tuple("QUEUED", 0), tuple("PREPARING", 1));
    }

    @Test
    void afterGivesTheEventsPastASequenceNumberUpToALimit() {
        for (int i = 0; i < 5; i++) {
            database.eventLog().append(List.of(clusterEvent("cpu", T0.plusSeconds(i), "step-" + i)));
        }
        List<LogEvent> all = database.eventLog().after(0, 100);

        List<LogEvent> tail = database.eventLog().after(all.get(1).sequence(), 2);

        assertThat(tail).containsExactly(all.get(2), all.get(3));
        assertThat(database.eventLog().after(all.get(4).sequence(), 10)).isEmpty();
    }

    @Test
    void latestSequenceIsZeroForAnEmptyLogAndThenTheNewestEventsNumber() {
        assertThat(database.eventLog().latestSequence()).isZero();
        database.eventLog().append(List.of(clusterEvent("cpu", T0, "first"), clusterEvent("cpu", T0, "second")));
        List<LogEvent> all = database.eventLog().after(0, 100);

        assertThat(database.eventLog().latestSequence()).isEqualTo(all.get(1).sequence());
        database.eventLog().append(List.of(clusterEvent("cpu", T0.plusSeconds(1), "third")));
        assertThat(database.eventLog().after(all.get(1).sequence(), 10)).extracting(LogEvent::state)
                .containsExactly("third");
        assertThat(database.eventLog().latestSequence()).isGreaterThan(all.get(1).sequence());
    }

    @Test
    void concurrentAppendsKeepEveryEventAndEachWritersOrder() throws Exception {
        int writers = 4;
        int batches = 25;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                String cluster = "writer-" + w;
                done.add(pool.submit(() -> {
                    for (int b = 0; b < batches; b++) {
                        database.eventLog().append(List.of(clusterEvent(cluster, T0, "step-" + b + "-a"),
                                clusterEvent(cluster, T0, "step-" + b + "-b")));
                    }
                }));
            }
            for (Future<?> writer : done) {
                writer.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        List<LogEvent> all = database.eventLog().after(0, 1000);
        assertThat(all).hasSize(writers * batches * 2);
        assertThat(all).extracting(LogEvent::sequence).isSorted().doesNotHaveDuplicates();
        List<String> expected = new ArrayList<>();
        for (int b = 0; b < batches; b++) {
            expected.add("step-" + b + "-a");
            expected.add("step-" + b + "-b");
        }
        for (int w = 0; w < writers; w++) {
            String cluster = "writer-" + w;
            assertThat(all.stream().filter(event -> event.cluster().equals(cluster)).map(LogEvent::state))
                    .containsExactlyElementsOf(expected);
        }
    }

    @Test
    void appendingNoEventsStoresNothing() {
        database.eventLog().append(List.of());

        assertThat(database.eventLog().after(0, 10)).isEmpty();
    }

    // Settings

    @Test
    void settingIsStoredOverwrittenAndReadBack() {
        assertThat(database.settings().get("theme")).isEmpty();

        database.settings().put("theme", "dark");
        database.settings().put("language", "pt-BR");
        database.settings().put("theme", "light");

        assertThat(database.settings().get("theme")).contains("light");
        assertThat(database.settings().get("language")).contains("pt-BR");
    }
}
