package dev.computestudio.service;

import dev.computestudio.domain.ClusterIdentity;
import dev.computestudio.domain.ClusterSpec;
import dev.computestudio.domain.ClusterStatus;
import dev.computestudio.domain.ComputeCluster;
import dev.computestudio.domain.ConflictException;
import dev.computestudio.domain.IdentityType;
import dev.computestudio.domain.LockLevel;
import dev.computestudio.domain.LogEvent;
import dev.computestudio.domain.Message;
import dev.computestudio.domain.NameRules;
import dev.computestudio.domain.Node;
import dev.computestudio.domain.NodeState;
import dev.computestudio.domain.NotFoundException;
import dev.computestudio.domain.Problem;
import dev.computestudio.domain.Problems;
import dev.computestudio.domain.ProvisioningState;
import dev.computestudio.domain.QuotaKeys;
import dev.computestudio.domain.QuotaLedger;
import dev.computestudio.domain.ResourceLock;
import dev.computestudio.domain.ScaleDecisions;
import dev.computestudio.domain.SystemAssignedIdentity;
import dev.computestudio.domain.UserAssignedIdentity;
import dev.computestudio.domain.ValidationException;
import dev.computestudio.domain.VmCatalog;
import dev.computestudio.domain.VmSize;
import dev.computestudio.domain.VmTier;
import dev.computestudio.domain.Workspace;
import dev.computestudio.domain.port.ClusterRepository;
import dev.computestudio.domain.port.EventLog;
import dev.computestudio.domain.port.IdentityRepository;
import dev.computestudio.domain.port.NodeRepository;
import dev.computestudio.domain.port.UnitOfWork;
import dev.computestudio.domain.port.WorkspaceRepository;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Compute of a workspace: clusters created here, and existing compute attached by resource id.
 * The service records what is wanted; the engine makes nodes follow.
 */
public final class ComputeService {

    private static final Pattern ARM_ID = Pattern.compile(
            "/subscriptions/[0-9a-fA-F-]{36}/resource[gG]roups/[-\\w._()]{1,90}/providers/[A-Za-z0-9.]+/[^\\s]+");

    private final WorkspaceRepository workspaces;
    private final ClusterRepository clusters;
    private final NodeRepository nodes;
    private final IdentityRepository identities;
    private final EventLog events;
    private final UnitOfWork unitOfWork;
    private final LockService locks;
    private final QuotaService quota;
    private final Installation installation;
    private final VmCatalog catalog;
    private final Clock clock;
    private final Runnable onChange;

    public ComputeService(WorkspaceRepository workspaces, ClusterRepository clusters, NodeRepository nodes,
                          IdentityRepository identities, EventLog events, UnitOfWork unitOfWork, LockService locks,
                          QuotaService quota, Installation installation, VmCatalog catalog, Clock clock) {
        this(workspaces, clusters, nodes, identities, events, unitOfWork, locks, quota, installation, catalog, clock,
                () -> { });
    }

    /**
     * @param onChange called after a cluster was created, changed or marked for deletion, so that
     *                 the engine acts now instead of at its next tick (a new cluster's nodes start at once)
     */
    public ComputeService(WorkspaceRepository workspaces, ClusterRepository clusters, NodeRepository nodes,
                          IdentityRepository identities, EventLog events, UnitOfWork unitOfWork, LockService locks,
                          QuotaService quota, Installation installation, VmCatalog catalog, Clock clock,
                          Runnable onChange) {
        this.onChange = onChange;
        this.unitOfWork = unitOfWork;
        this.workspaces = workspaces;
        this.clusters = clusters;
        this.nodes = nodes;
        this.identities = identities;
        this.events = events;
        this.locks = locks;
        this.quota = quota;
        this.installation = installation;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** A created cluster and what the user should know about it (e.g. it can never reach its max, a lock holds it at 0). */
    public record Created(ComputeCluster cluster, List<Message> warnings) {
    }

    /**
     * What {@link #create} would say of this cluster, without creating anything: every problem that
     * would refuse it, a taken name among them, how far the quota left would hold its nodes back, and
     * whether a lock on the workspace would keep it from scaling at all. It runs the same checks as
     * {@code create}, so a screen can show them as the user types.
     */
    public record Check(List<Problem> problems, List<Message> quotaWarnings, List<Message> lockWarnings) {

        public Check {
            problems = List.copyOf(problems);
            quotaWarnings = List.copyOf(quotaWarnings);
            lockWarnings = List.copyOf(lockWarnings);
        }
    }

    public Check check(String workspaceName, String name, ClusterSpec spec) {
        workspaces.require(workspaceName);
        QuotaLedger ledger = quota.ledger(workspaceName);
        Problems problems = problemsOf(workspaceName, name, spec, ledger);
        takenName(workspaceName, name).ifPresent(taken -> problems.add("name", "taken", taken));
        List<Message> warnings = problems.list().stream().anyMatch(problem -> problem.field().equals("size"))
                ? List.of() : quotaShortfall(workspaceName, ledger, spec, catalog.find(spec.size()).orElseThrow());
        return new Check(problems.list(), warnings, lockWarnings(workspaceName));
    }

    public Created create(String workspaceName, String name, ClusterSpec spec) {
        Workspace workspace = workspaces.require(workspaceName);
        QuotaLedger ledger = quota.ledger(workspaceName);
        problemsOf(workspaceName, name, spec, ledger).throwIfAny();
        locks.checkWritable(workspaceName, Message.of("action.compute.create", name));
        if (clusters.list(workspaceName).size() >= ledger.limit(QuotaKeys.CLUSTERS)) {
            throw new ConflictException("", Message.of("conflict.compute.clusters-quota", workspaceName,
                    ledger.limit(QuotaKeys.CLUSTERS)));
        }
        takenName(workspaceName, name).ifPresent(taken -> {
            throw new ConflictException("name", taken);
        });
        VmSize size = catalog.find(spec.size()).orElseThrow();
        ClusterSpec stored = normalized(spec.withIdentity(asStored(workspaceName, spec.identity())), size, workspace);
        Instant now = clock.instant();
        ComputeCluster cluster = new ComputeCluster(workspaceName, name, stored, ClusterStatus.created(now),
                systemIdentityFor(stored.identity()), null, now);
        storeTogether(() -> {
            clusters.insert(cluster);
            events.append(List.of(LogEvent.cluster(now, workspaceName, name, ScaleDecisions.CREATED,
                    Message.of("reason.cluster.created", size.name(), stored.tier().yamlName(), stored.minNodes(),
                            stored.maxNodes()))));
        });
        onChange.run();
        List<Message> warnings = new ArrayList<>(quotaWarnings(ledger, stored, size));
        warnings.addAll(lockWarnings(workspaceName));
        return new Created(cluster, warnings);
    }

    /** The rules a new cluster must meet, as {@link #create} and {@link #check} both apply them. */
    private Problems problemsOf(String workspaceName, String name, ClusterSpec spec, QuotaLedger ledger) {
        Problems problems = new Problems().addAll(NameRules.checkComputeName("name", name)).addAll(spec.check(catalog));
        checkIdentitiesExist(workspaceName, spec.identity(), problems);
        checkNodesPerCluster(spec, ledger, problems);
        return problems;
    }

    /**
     * Why a name is taken, when the workspace has compute of that name in any case (as in the cloud,
     * names that differ only in case are the same). The store's key still catches one created meanwhile.
     */
    private Optional<Message> takenName(String workspaceName, String name) {
        return clusters.list(workspaceName).stream().filter(cluster -> cluster.name().equalsIgnoreCase(name))
                .findFirst().map(cluster -> Message.of("conflict.compute.name-taken", workspaceName, name));
    }

    public ComputeCluster show(String workspace, String name) {
        workspaces.require(workspace);
        return clusters.find(workspace, name).orElseThrow(() -> new NotFoundException("name",
                Message.of("notfound.compute", name, workspace)));
    }

    public List<ComputeCluster> list(String workspace) {
        workspaces.require(workspace);
        return clusters.list(workspace);
    }

    /** What {@code compute update} may change; null leaves a setting as it is. SSH cannot change. */
    public record Update(Integer minNodes, Integer maxNodes, Duration idleTimeBeforeScaleDown,
                         ClusterIdentity identity, boolean sshGiven) {
    }

    public ComputeCluster update(String workspace, String name, Update update) {
        ComputeCluster cluster = show(workspace, name);
        requireManaged(cluster, "conflict.compute.attached-cannot-update");
        if (update.sshGiven()) {
            throw ValidationException.of("ssh_settings", "immutable", Message.of("invalid.cluster.ssh-immutable"));
        }
        ClusterSpec spec = cluster.spec();
        ClusterSpec changed = spec.withScale(
                update.minNodes() == null ? spec.minNodes() : update.minNodes(),
                update.maxNodes() == null ? spec.maxNodes() : update.maxNodes(),
                update.idleTimeBeforeScaleDown() == null ? spec.idleTimeBeforeScaleDown()
                        : update.idleTimeBeforeScaleDown());
        if (update.identity() != null) {
            changed = changed.withIdentity(asStored(workspace, update.identity()));
        }
        Problems problems = new Problems().addAll(changed.check(catalog));
        if (update.identity() != null) {
            checkIdentitiesExist(workspace, changed.identity(), problems);
        }
        checkNodesPerCluster(changed, quota.ledger(workspace), problems);
        problems.throwIfAny();
        locks.checkWritable(workspace, Message.of("action.compute.update", name));
        ComputeCluster updated = cluster.withSpec(changed);
        if (changed.identity().type() != cluster.spec().identity().type()) {
            updated = updated.withSystemIdentity(systemIdentityFor(changed.identity()));
        }
        ComputeCluster stored = updated;
        LogEvent event = LogEvent.cluster(clock.instant(), workspace, name, ScaleDecisions.UPDATED,
                Message.of("reason.cluster.updated", changed.minNodes(), changed.maxNodes(),
                        changed.idleTimeBeforeScaleDown().toSeconds(), changed.identity().type().yamlName()));
        storeTogether(() -> {
            clusters.update(stored);
            events.append(List.of(event));
        });
        onChange.run();
        return updated;
    }

    /**
     * Deletes a cluster: at once when it has no nodes, otherwise it becomes Deleting and the
     * engine removes its nodes first. Jobs still queued for it then fail, saying why.
     *
     * @return whether the cluster is already gone
     */
    public boolean delete(String workspace, String name) {
        ComputeCluster cluster = show(workspace, name);
        requireManaged(cluster, "conflict.compute.attached-cannot-delete");
        locks.checkDeletable(workspace, Message.of("action.compute.delete", name));
        if (nodes.listPresent(workspace, name).isEmpty()) {
            storeTogether(() -> {
                nodes.deleteCluster(workspace, name);
                clusters.delete(workspace, name);
                events.append(List.of(LogEvent.cluster(clock.instant(), workspace, name, ScaleDecisions.DELETED,
                        Message.of("reason.cluster.deleted"))));
            });
            return true;
        }
        clusters.update(cluster.withStatus(cluster.status().withProvisioningState(ProvisioningState.DELETING)));
        onChange.run();
        return false;
    }

    /** Attaches existing compute by its resource id; the same resource is never attached under two names. */
    public ComputeCluster attach(String workspace, String name, String resourceId) {
        workspaces.require(workspace);
        Problems problems = new Problems().addAll(NameRules.checkComputeName("name", name));
        if (resourceId == null || !ARM_ID.matcher(resourceId).matches()) {
            problems.add("resource_id", "resource-id", Message.of("invalid.compute.resource-id"));
        }
        problems.throwIfAny();
        locks.checkWritable(workspace, Message.of("action.compute.attach", name));
        Optional<ComputeCluster> holder = clusters.findByAttachedResourceId(workspace, resourceId);
        if (holder.isPresent()) {
            throw new ConflictException("resource_id", Message.of("conflict.compute.already-attached", resourceId,
                    workspace, holder.get().name()));
        }
        Instant now = clock.instant();
        ComputeCluster attached = new ComputeCluster(workspace, name, ClusterSpec.defaults(VmCatalog.DEFAULT_SIZE)
                .withScale(0, 1, ClusterSpec.DEFAULT_IDLE_TIME), ClusterStatus.created(now), null, resourceId, now);
        storeTogether(() -> {
            clusters.insert(attached);
            events.append(List.of(LogEvent.cluster(now, workspace, name, ScaleDecisions.ATTACHED,
                    Message.of("reason.cluster.attached", resourceId))));
        });
        return attached;
    }

    public void detach(String workspace, String name) {
        ComputeCluster cluster = show(workspace, name);
        if (!cluster.isAttached()) {
            throw new ConflictException("name", Message.of("conflict.compute.not-attached", name));
        }
        locks.checkDeletable(workspace, Message.of("action.compute.detach", name));
        storeTogether(() -> {
            clusters.delete(workspace, name);
            events.append(List.of(LogEvent.cluster(clock.instant(), workspace, name, ScaleDecisions.DETACHED,
                    Message.of("reason.cluster.detached", cluster.attachedResourceId()))));
        });
    }

    /** Every node of a cluster that has not gone, oldest first. */
    public List<Node> listNodes(String workspace, String name) {
        show(workspace, name);
        return nodes.listPresent(workspace, name);
    }

    public List<VmSize> listSizes() {
        return catalog.sizes();
    }

    /**
     * Takes a low-priority node back, as the platform may at any time: the engine then restarts
     * its job elsewhere. Without a node id, a busy node is picked (or an idle one).
     */
    public Node preempt(String workspace, String name, String nodeId) {
        ComputeCluster cluster = show(workspace, name);
        if (cluster.spec().tier() != VmTier.LOW_PRIORITY) {
            throw new ConflictException("name", Message.of("conflict.compute.not-low-priority", name));
        }
        List<Node> candidates = nodes.listPresent(workspace, name).stream()
                .filter(node -> node.state() == NodeState.RUNNING || node.state() == NodeState.IDLE).toList();
        Node node = (nodeId == null
                ? candidates.stream().filter(n -> n.state() == NodeState.RUNNING).findFirst()
                        .or(() -> candidates.stream().findFirst())
                : candidates.stream().filter(n -> n.id().equals(nodeId)).findFirst())
                .orElseThrow(() -> nodeId == null
                        ? new NotFoundException("", Message.of("notfound.compute.node-to-preempt", name))
                        : new NotFoundException("node", Message.of("notfound.compute.node", nodeId, name)));
        Instant now = clock.instant();
        Node preempted = node.withState(NodeState.PREEMPTED, now);
        storeTogether(() -> {
            nodes.update(preempted);
            events.append(List.of(LogEvent.node(now, preempted, Message.of("reason.node.preempted-on-request"))));
        });
        return preempted;
    }

    /** The rows of one change and its event, stored together or not at all: never a cluster without its history. */
    private void storeTogether(Runnable writes) {
        unitOfWork.atomically(() -> {
            writes.run();
            return null;
        });
    }

    /** @param refusal the code that refuses the action on attached compute */
    private static void requireManaged(ComputeCluster cluster, String refusal) {
        if (cluster.isAttached()) {
            throw new ConflictException("name", Message.of(refusal, cluster.name()));
        }
    }

    private ClusterSpec normalized(ClusterSpec spec, VmSize size, Workspace workspace) {
        String location = spec.location() == null ? workspace.location() : spec.location();
        return new ClusterSpec(size.name(), spec.tier(), spec.minNodes(), spec.maxNodes(),
                spec.idleTimeBeforeScaleDown(), spec.ssh(), spec.network(), spec.identity(), spec.tags(),
                spec.description(), location);
    }

    /**
     * User-assigned identities must be identities of the workspace, not only well-formed ids. An id
     * from a cloud subscription (a YAML file brought unchanged) names the local identity of the same name.
     */
    private void checkIdentitiesExist(String workspace, ClusterIdentity identity, Problems problems) {
        List<UserAssignedIdentity> known = identities.list(workspace);
        for (String id : identity.userAssignedIdentityIds()) {
            if (ClusterIdentity.isUserAssignedIdentityId(id) && localIdentity(known, id).isEmpty()) {
                problems.add("identity.user_assigned_identities", "exists", Message.of(
                        "invalid.cluster.unknown-identity", Problems.shortened(id), workspace,
                        id.substring(id.lastIndexOf('/') + 1)));
            }
        }
    }

    /** The cluster keeps the local identities' own resource ids, however the request spelled them. */
    private ClusterIdentity asStored(String workspace, ClusterIdentity identity) {
        if (identity.userAssignedIdentityIds().isEmpty()) {
            return identity;
        }
        List<UserAssignedIdentity> known = identities.list(workspace);
        List<String> ids = identity.userAssignedIdentityIds().stream()
                .map(id -> localIdentity(known, id).map(UserAssignedIdentity::resourceId).orElse(id))
                .toList();
        return new ClusterIdentity(identity.type(), ids);
    }

    /** The workspace's identity with this resource id, else with this id's name (ids are case-insensitive). */
    private static Optional<UserAssignedIdentity> localIdentity(List<UserAssignedIdentity> known, String id) {
        String name = id.substring(id.lastIndexOf('/') + 1);
        return known.stream().filter(uai -> uai.resourceId().equalsIgnoreCase(id)).findFirst()
                .or(() -> known.stream().filter(uai -> uai.name().equalsIgnoreCase(name)).findFirst());
    }

    private SystemAssignedIdentity systemIdentityFor(ClusterIdentity identity) {
        if (identity.type() != IdentityType.SYSTEM_ASSIGNED) {
            return null;
        }
        return new SystemAssignedIdentity(UUID.randomUUID().toString(), installation.tenantId(),
                UUID.randomUUID().toString());
    }

    private static void checkNodesPerCluster(ClusterSpec spec, QuotaLedger ledger, Problems problems) {
        int perCluster = ledger.limit(QuotaKeys.NODES_PER_CLUSTER);
        if (spec.maxNodes() > perCluster) {
            problems.add("max_instances", "quota", Message.of("invalid.cluster.max-above-quota", perCluster));
        }
    }

    /**
     * How many of the maximum's nodes the quota left lets run now, when not all of them: the
     * engine's own fit over what the workspace's clusters already use. Creating is still allowed.
     */
    private static List<Message> quotaShortfall(String workspace, QuotaLedger ledger, ClusterSpec spec, VmSize size) {
        int max = spec.maxNodes();
        if (max < 1) {
            return List.of();
        }
        QuotaLedger.Fit fit = ledger.fit(size, spec.tier(), max);
        if (fit.nodes() >= max) {
            return List.of();
        }
        String key = fit.limitingKey();
        long needed = (long) max * size.vCpus();
        long available = Math.max(0, ledger.limit(key) - ledger.used(key));
        List<Message> warnings = new ArrayList<>();
        warnings.add(Message.of("warning.compute.max-beyond-quota", max, size.vCpus(), needed,
                QuotaKeys.usageName(key), available, fit.nodes()));
        if (fit.nodes() < spec.minNodes()) {
            warnings.add(Message.of("warning.compute.min-beyond-quota", spec.minNodes(), fit.nodes()));
        }
        warnings.add(Message.of("warning.compute.raise-quota", workspace, key, needed + ledger.used(key)));
        return warnings;
    }

    /**
     * Any lock on the workspace's resource group stops the engine from adding nodes, so a new cluster
     * would be stuck at 0 nodes (resizing 0 -> 0) until the lock goes; a ReadOnly lock even refuses
     * creating it. One warning, about the lock that matters most.
     */
    private List<Message> lockWarnings(String workspaceName) {
        Workspace workspace = workspaces.require(workspaceName);
        List<ResourceLock> held = locks.list(workspaceName);
        return held.stream().filter(lock -> lock.level() == LockLevel.READ_ONLY).findFirst()
                .or(() -> held.stream().findFirst())
                .map(lock -> Message.of(lock.level() == LockLevel.READ_ONLY ? "warning.compute.lock-read-only"
                        : "warning.compute.lock-blocks-scaling", workspace.resourceGroup(), workspaceName,
                        lock.level().restName(), lock.name()))
                .stream().toList();
    }

    /** Where a limit (not what is used now) keeps the cluster below its maximum for good. */
    private static List<Message> quotaWarnings(QuotaLedger ledger, ClusterSpec spec, VmSize size) {
        List<Message> warnings = new ArrayList<>();
        long needed = (long) spec.maxNodes() * size.vCpus();
        List<String> keys = spec.tier() == VmTier.DEDICATED
                ? List.of(size.family(), QuotaKeys.TOTAL_DEDICATED_VCPUS) : List.of(QuotaKeys.LOW_PRIORITY_VCPUS);
        for (String key : keys) {
            int limit = ledger.limit(key);
            if (needed > limit) {
                int fits = limit / size.vCpus();
                warnings.add(Message.of("warning.compute.never-beyond-quota", spec.maxNodes(), needed,
                        QuotaKeys.usageName(key), limit, fits, key));
            }
        }
        return warnings;
    }
}
