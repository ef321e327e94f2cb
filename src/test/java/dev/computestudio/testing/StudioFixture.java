package dev.computestudio.testing;

import dev.computestudio.app.AppContext;
import dev.computestudio.domain.ClusterSpec;
import dev.computestudio.domain.ClusterStatus;
import dev.computestudio.domain.EventKind;
import dev.computestudio.domain.Job;
import dev.computestudio.domain.JobFiles;
import dev.computestudio.domain.JobSpec;
import dev.computestudio.domain.LogEvent;
import dev.computestudio.domain.Node;
import dev.computestudio.domain.NodeState;
import dev.computestudio.domain.UserAssignedIdentity;
import dev.computestudio.domain.VmCatalog;
import dev.computestudio.domain.VmTier;
import dev.computestudio.domain.Workspace;
import dev.computestudio.domain.port.NodeRunner;
import dev.computestudio.domain.port.Repositories;
import dev.computestudio.engine.EngineSettings;
import dev.computestudio.engine.Reconciler;
import dev.computestudio.infra.persistence.Database;
import dev.computestudio.service.ComputeService;
import dev.computestudio.service.IdentityService;
import dev.computestudio.service.JobService;
import dev.computestudio.service.LockService;
import dev.computestudio.service.QuotaService;
import dev.computestudio.service.WorkspaceService;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * The product as its composition root ({@link AppContext}) wires it, over a real in-memory H2
 * database, with a clock the test moves and a fake node runner. It starts with one workspace,
 * {@link #WS}. The engine acts only when the test calls {@link #pass()}.
 */
public final class StudioFixture implements AutoCloseable {

    public static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    public static final String WS = "ws-demo";
    /** 4 vCPUs, family standardDSv2Family (default limit 24). */
    public static final String DS3 = "Standard_DS3_v2";
    /** 6 vCPUs, family standardNCFamily (default limit 0). */
    public static final String NC6 = "Standard_NC6";
    public static final Duration IDLE_TIME = Duration.ofSeconds(120);

    public final MutableClock clock = new MutableClock(T0);
    public final FakeNodeRunner runner = new FakeNodeRunner();
    public final VmCatalog catalog = VmCatalog.standard();
    public final Path dataFolder;
    public final AppContext context;
    public final Database db;
    public final Repositories stores;
    public final LockService locks;
    public final QuotaService quota;
    public final WorkspaceService workspaces;
    public final ComputeService compute;
    public final JobService jobs;
    /** Its token endpoint opens on first use, on loopback, and every job launch gets its variables. */
    public final IdentityService identities;

    public StudioFixture(Path dataFolder) {
        this(dataFolder, EngineSettings.defaults());
    }

    /** With these engine settings (e.g. random preemption). */
    public StudioFixture(Path dataFolder, EngineSettings settings) {
        this(dataFolder, Database.openInMemory(), settings);
    }

    /** Over an H2 file database in the data folder, as the studio opens it. */
    public static StudioFixture onFile(Path dataFolder) {
        return new StudioFixture(dataFolder, Database.openFile(dataFolder), EngineSettings.defaults());
    }

    private StudioFixture(Path dataFolder, Database database, EngineSettings settings) {
        this.dataFolder = dataFolder;
        context = AppContext.over(dataFolder, database, runner, clock, settings, "studio fixture");
        db = context.database();
        stores = db.repositories();
        locks = context.locks();
        quota = context.quota();
        workspaces = context.workspaces();
        compute = context.compute();
        jobs = context.jobs();
        identities = context.identities();
        workspaces.create(WS, null, null);
    }

    /** Stores a user-assigned identity in the fixture's workspace; returns its resource id, which clusters may use. */
    public String createIdentity(String name) {
        Workspace workspace = stores.workspaces().find(WS).orElseThrow();
        String resourceId = UserAssignedIdentity.resourceIdFor(workspace, name);
        stores.identities().insert(new UserAssignedIdentity(WS, name, resourceId, UUID.randomUUID().toString(),
                UUID.randomUUID().toString(), workspace.subscriptionId(), clock.instant()));
        return resourceId;
    }

    /**
     * Another engine's reconciler over this fixture's database (a restarted engine, a second
     * process), with no managed identity.
     */
    public Reconciler newReconciler(NodeRunner nodeRunner, EngineSettings settings) {
        return new Reconciler(stores, catalog, nodeRunner, new JobFiles(dataFolder), clock, settings, new Random(42));
    }

    // Specs

    public static ClusterSpec dedicated(String size, int min, int max) {
        return ClusterSpec.defaults(size).withScale(min, max, IDLE_TIME);
    }

    public static ClusterSpec lowPriority(String size, int min, int max) {
        return dedicated(size, min, max).withTier(VmTier.LOW_PRIORITY);
    }

    public static JobSpec jobSpec(String name, String cluster, int instanceCount, Duration timeout) {
        return new JobSpec(name, null, null, cluster, "python train.py", "python:3.11-slim", instanceCount,
                Map.of("EPOCHS", "3"), timeout, null);
    }

    // Arrange

    public void createCluster(String name, ClusterSpec spec) {
        compute.create(WS, name, spec);
    }

    public Job submit(String jobName, String cluster) {
        return jobs.submit(WS, jobSpec(jobName, cluster, 1, null));
    }

    public Job submit(String jobName, String cluster, int instanceCount) {
        return jobs.submit(WS, jobSpec(jobName, cluster, instanceCount, null));
    }

    // Act

    /** One pass of the product's engine: it takes the lease at the first one and recovers, as it does on start. */
    public void pass() {
        if (!context.engine().runOnce()) {
            throw new IllegalStateException("another engine holds the lease: this fixture's engine cannot act");
        }
    }

    public void advanceSeconds(long seconds) {
        clock.advanceSeconds(seconds);
    }

    // Observe, as a user would

    public ClusterStatus status(String cluster) {
        return compute.show(WS, cluster).status();
    }

    public List<Node> nodes(String cluster) {
        return compute.listNodes(WS, cluster);
    }

    public List<NodeState> nodeStates(String cluster) {
        return nodes(cluster).stream().map(Node::state).toList();
    }

    public Job job(String name) {
        return jobs.show(WS, name);
    }

    /** The whole event log, in order. */
    public List<LogEvent> events() {
        return stores.events().after(0, 100_000);
    }

    /** The node states the event log holds for one node, in order. */
    public List<String> nodeHistory(String nodeId) {
        return events().stream().filter(e -> e.kind() == EventKind.NODE && nodeId.equals(e.nodeId()))
                .map(LogEvent::state).toList();
    }

    @Override
    public void close() {
        context.close();
    }
}
