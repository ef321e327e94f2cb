package dev.computestudio.engine;

import dev.computestudio.domain.AllocationState;
import dev.computestudio.domain.ClusterError;
import dev.computestudio.domain.ClusterSpec;
import dev.computestudio.domain.ClusterStatus;
import dev.computestudio.domain.JobStatus;
import dev.computestudio.domain.Message;
import dev.computestudio.domain.Node;
import dev.computestudio.domain.NodeIds;
import dev.computestudio.domain.NodeState;
import dev.computestudio.domain.NodeStateCounts;
import dev.computestudio.domain.QuotaKeys;
import dev.computestudio.domain.QuotaLedger;
import dev.computestudio.domain.ResourceLock;
import dev.computestudio.domain.ScaleDecisions;
import dev.computestudio.domain.VmSize;
import dev.computestudio.domain.VmTier;
import dev.computestudio.domain.port.NodeRepository;
import dev.computestudio.domain.port.NodeRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;

/**
 * Decides how many nodes a cluster should have and gets it there: up when jobs wait (never above
 * max nor quota), down when nodes sit idle past the idle time (never below min), and not at all
 * while the workspace's resource group is locked.
 */
final class Autoscaler {

    private static final Logger LOG = LoggerFactory.getLogger(Autoscaler.class);
    private static final Set<NodeState> CAPACITY = Set.of(NodeState.PREPARING, NodeState.IDLE, NodeState.RUNNING);

    private final NodeRunner runner;
    private final NodeRepository nodeRepository;
    private final Recorder recorder;
    private final EngineSettings settings;
    private final RandomGenerator random;

    Autoscaler(NodeRunner runner, NodeRepository nodeRepository, Recorder recorder, EngineSettings settings,
               RandomGenerator random) {
        this.runner = runner;
        this.nodeRepository = nodeRepository;
        this.recorder = recorder;
        this.settings = settings;
        this.random = random;
    }

    /** Low-priority nodes may be taken back at the configured rate; dedicated ones never. */
    void preemptAtRandom(ClusterPass pass) {
        if (settings.preemptionsPerNodeHour() <= 0 || pass.cluster.spec().tier() != VmTier.LOW_PRIORITY) {
            return;
        }
        double chance = settings.preemptionsPerNodeHour() * settings.tick().toMillis() / 3_600_000.0;
        for (Node node : List.copyOf(pass.nodes)) {
            if ((node.state() == NodeState.IDLE || node.state() == NodeState.RUNNING) && random.nextDouble() < chance) {
                pass.replace(node, recorder.node(node, node.withState(NodeState.PREEMPTED, pass.now), pass.now,
                        Message.of("reason.node.preempted-by-platform")));
            }
        }
    }

    /** Preempted nodes leave after a short while; unusable ones at once. */
    void reclaim(ClusterPass pass) {
        for (Node node : List.copyOf(pass.nodes)) {
            boolean preemptedLongEnough = node.state() == NodeState.PREEMPTED
                    && !pass.now.isBefore(node.stateSince().plus(settings.preemptedNodeLinger()));
            if (preemptedLongEnough || node.state() == NodeState.UNUSABLE) {
                remove(pass, node, Message.of(node.state() == NodeState.PREEMPTED
                        ? "reason.node.reclaimed-after-preemption" : "reason.node.unusable"));
            }
        }
    }

    /** Brings nodes in PREPARING up (nodes left preparing by a stopped engine, and new ones). */
    void startPreparingNodes(ClusterPass pass) {
        for (Node node : pass.nodesIn(NodeState.PREPARING)) {
            Node next;
            Message reason;
            try {
                next = node.withRunnerHandle(runner.startNode(node)).withState(NodeState.IDLE, pass.now);
                reason = Message.of("reason.node.ready");
            } catch (RuntimeException e) {
                LOG.warn("node {} of {} could not start: {}", node.id(), pass.key(), e.getMessage());
                next = node.withState(NodeState.UNUSABLE, pass.now);
                reason = Message.of("reason.node.setup-failed", e.getMessage());
            }
            pass.replace(node, recorder.node(node, next, pass.now, reason));
        }
    }

    /** What a scaling step decided: the node count it aims for and the errors that held it back. */
    record Decision(int target, List<ClusterError> errors) {
    }

    /**
     * Adds the nodes waiting jobs need and removes the ones idle long enough, within min, max,
     * quota and locks.
     */
    Decision scale(ClusterPass pass) {
        ClusterSpec spec = pass.cluster.spec();
        int busy = (int) pass.nodes.stream().filter(node -> node.currentJob() != null).count();
        int demand = pass.jobs.stream().filter(job -> job.status() == JobStatus.QUEUED)
                .mapToInt(job -> job.spec().instanceCount()).sum();
        int wanted = Math.max(spec.minNodes(), Math.min(spec.maxNodes(), busy + demand));
        int capacity = capacity(pass);
        List<Node> removable = removable(pass, wanted);
        List<ClusterError> errors = new ArrayList<>();
        int target = wanted;

        if (!pass.locks.isEmpty() && (wanted > capacity || !removable.isEmpty())) {
            errors.add(lockError(pass));
            target = capacity;
        } else if (wanted > capacity) {
            target = capacity + addNodes(pass, wanted - capacity, demand, errors);
        } else {
            for (Node node : removable) {
                Duration idle = Duration.between(node.stateSince(), pass.now);
                Message why = capacity > spec.maxNodes() ? Message.of("reason.node.above-max", spec.maxNodes())
                        : Message.of("reason.node.idle-time-reached", idle.toSeconds(),
                                spec.idleTimeBeforeScaleDown().toSeconds());
                recorder.cluster(pass.now, pass.cluster.workspace(), pass.cluster.name(), ScaleDecisions.SCALE_DOWN,
                        Message.of("reason.cluster.scale-down", node.id(), why));
                remove(pass, node, why);
                capacity--;
            }
            target = Math.max(wanted, capacity);
        }
        return new Decision(target, errors);
    }

    private int addNodes(ClusterPass pass, int missing, int demand, List<ClusterError> errors) {
        ClusterSpec spec = pass.cluster.spec();
        VmSize size = pass.size;
        int perCluster = pass.quota.limit(QuotaKeys.NODES_PER_CLUSTER) - pass.nodes.size();
        int allowed = Math.max(0, Math.min(missing, perCluster));
        QuotaLedger.Fit fit = pass.quota.fit(size, spec.tier(), allowed);
        int adding = fit.nodes();
        if (adding > 0) {
            recorder.cluster(pass.now, pass.cluster.workspace(), pass.cluster.name(), ScaleDecisions.SCALE_UP,
                    Message.of("reason.cluster.scale-up", adding, demand, spec.minNodes(), spec.maxNodes()));
            int sequence = nodeRepository.listAll(pass.cluster.workspace(), pass.cluster.name()).size();
            for (int i = 0; i < adding; i++) {
                sequence++;
                Node node = new Node(NodeIds.newId(pass.workspace, pass.cluster.name(), sequence, pass.now),
                        pass.cluster.workspace(), pass.cluster.name(), NodeState.PREPARING,
                        "10.0." + (sequence / 250) + "." + (4 + sequence % 250),
                        spec.ssh().publicAccessEnabled() ? 50000 + sequence - 1 : 0,
                        null, pass.now, pass.now, null, null);
                pass.add(recorder.newNode(node, pass.now, Message.of("reason.node.scale-up")));
            }
            pass.quota.charge(spec.tier(), size, adding);
            startPreparingNodes(pass);
        }
        if (adding < missing) {
            // After charging, so that the message counts only the nodes left out and the usage they met.
            String key = fit.limitingKey() != null ? fit.limitingKey() : QuotaKeys.NODES_PER_CLUSTER;
            errors.add(quotaError(pass, size, missing - adding, key));
        }
        return adding;
    }

    /**
     * Idle nodes to remove, oldest idle first, never going below what is wanted: those above max
     * at once (max was lowered), the others only once idle past the idle time.
     */
    private List<Node> removable(ClusterPass pass, int wanted) {
        ClusterSpec spec = pass.cluster.spec();
        int capacity = capacity(pass);
        int excess = capacity - wanted;
        if (excess <= 0) {
            return List.of();
        }
        int aboveMax = Math.max(0, capacity - spec.maxNodes());
        List<Node> chosen = new ArrayList<>();
        for (Node node : pass.nodesIn(NodeState.IDLE).stream().sorted(Comparator.comparing(Node::stateSince)).toList()) {
            boolean idleLongEnough = !pass.now.isBefore(node.stateSince().plus(spec.idleTimeBeforeScaleDown()));
            if (chosen.size() < excess && (chosen.size() < aboveMax || idleLongEnough)) {
                chosen.add(node);
            }
        }
        return chosen;
    }

    void remove(ClusterPass pass, Node node, Message reason) {
        finishLeaving(pass, startLeaving(pass, node, reason), reason);
    }

    /** Stops a node: it is leaving until {@link #finishLeaving} marks it gone. */
    Node startLeaving(ClusterPass pass, Node node, Message reason) {
        Node leaving = recorder.node(node, node.withState(NodeState.LEAVING, pass.now), pass.now, reason);
        try {
            runner.stopNode(leaving);
        } catch (RuntimeException e) {
            LOG.warn("node {} of {} did not stop cleanly: {}", node.id(), pass.key(), e.getMessage());
        }
        pass.replace(node, leaving);
        return leaving;
    }

    void finishLeaving(ClusterPass pass, Node leaving, Message reason) {
        pass.replace(leaving, recorder.node(leaving, leaving.withState(NodeState.GONE, pass.now), pass.now, reason));
    }

    private static int capacity(ClusterPass pass) {
        return (int) pass.nodes.stream().filter(node -> CAPACITY.contains(node.state())).count();
    }

    /** The cluster's status once the pass has acted; a change of errors is noted in the event log. */
    ClusterStatus status(ClusterPass pass, Decision decision) {
        ClusterStatus before = pass.cluster.status();
        int target = decision.target();
        List<ClusterError> errors = decision.errors();
        NodeStateCounts counts = NodeStateCounts.of(pass.nodes.stream().map(Node::state).toList());
        boolean moving = counts.preparing() > 0 || counts.leaving() > 0;
        boolean blocked = errors.stream().anyMatch(e -> e.code().equals(ClusterError.SCOPE_LOCKED));
        AllocationState allocation = blocked || moving || capacity(pass) != target
                ? AllocationState.RESIZING : AllocationState.STEADY;
        if (!codes(errors).equals(codes(before.errors()))) {
            errors.forEach(error -> recorder.cluster(pass.now, pass.cluster.workspace(), pass.cluster.name(),
                    error.code(), error.text()));
        }
        return new ClusterStatus(before.provisioningState(), allocation,
                allocation == before.allocationState() ? before.allocationStateTransitionTime() : pass.now,
                counts.total(), target, counts, errors);
    }

    private static Set<String> codes(List<ClusterError> errors) {
        return errors.stream().map(ClusterError::code).collect(Collectors.toSet());
    }

    private static ClusterError lockError(ClusterPass pass) {
        ResourceLock lock = pass.locks.get(0);
        return new ClusterError(ClusterError.SCOPE_LOCKED, Message.of("error.scope-locked",
                pass.workspace.resourceGroup(), pass.workspace.name(), lock.level().restName(), lock.name(),
                capacity(pass)));
    }

    private static ClusterError quotaError(ClusterPass pass, VmSize size, int missing, String key) {
        return new ClusterError(ClusterError.QUOTA_EXCEEDED, Message.of("error.quota-exceeded", missing,
                size.name(), size.vCpus(), QuotaKeys.usageName(key), pass.quota.limit(key), pass.quota.used(key),
                pass.workspace.name(), key));
    }
}
