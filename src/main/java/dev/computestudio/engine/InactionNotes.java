package dev.computestudio.engine;

import dev.computestudio.domain.ClusterSpec;
import dev.computestudio.domain.Job;
import dev.computestudio.domain.JobStatus;
import dev.computestudio.domain.Message;
import dev.computestudio.domain.Node;
import dev.computestudio.domain.NodeState;
import dev.computestudio.domain.ScaleDecisions;

import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Notes in the event log why the autoscaler left a cluster as it is while it had idle nodes or
 * waiting jobs: "why was this node not removed?" is what users of cluster autoscalers ask most.
 * A note is written only when the reason (or the nodes it is about) changes, so a situation that
 * lasts adds nothing to the log however many passes it lasts. Locks and quota say it through
 * their own cluster errors.
 */
final class InactionNotes {

    private static final Set<NodeState> CAPACITY = Set.of(NodeState.PREPARING, NodeState.IDLE, NodeState.RUNNING);

    private record Note(String decision, String key, Message reason) {
    }

    private final Recorder recorder;
    /** The last note per cluster; after a restart the first pass notes the current reason once more. */
    private final Map<String, String> lastKeys = new HashMap<>();

    InactionNotes(Recorder recorder) {
        this.recorder = recorder;
    }

    /** Run after the pass has placed and scaled: what remains idle or waiting is what it chose to leave. */
    void note(ClusterPass pass) {
        Note note = pass.locks.isEmpty() ? explain(pass) : null;
        if (note == null) {
            lastKeys.remove(pass.key());
            return;
        }
        String before = lastKeys.put(pass.key(), note.key());
        if (!note.key().equals(before)) {
            recorder.cluster(pass.now, pass.cluster.workspace(), pass.cluster.name(), note.decision(), note.reason());
        }
    }

    void forget(ClusterPass pass) {
        lastKeys.remove(pass.key());
    }

    private static Note explain(ClusterPass pass) {
        ClusterSpec spec = pass.cluster.spec();
        int capacity = (int) pass.nodes.stream().filter(node -> CAPACITY.contains(node.state())).count();
        List<Job> waiting = pass.jobs.stream().filter(job -> job.status() == JobStatus.QUEUED).toList();
        List<Node> idle = pass.nodesIn(NodeState.IDLE).stream().sorted(Comparator.comparing(Node::stateSince)).toList();
        if (!waiting.isEmpty() && capacity >= spec.maxNodes() && idle.size() < waiting.get(0).spec().instanceCount()) {
            return new Note(ScaleDecisions.AT_MAX_NODES, ScaleDecisions.AT_MAX_NODES + "/" + spec.maxNodes(),
                    Message.of("note.autoscaler.at-max-nodes", waiting.size(), capacity, spec.maxNodes()));
        }
        if (idle.isEmpty()) {
            return null;
        }
        String ids = idle.stream().map(Node::id).collect(Collectors.joining(", "));
        int busy = (int) pass.nodes.stream().filter(node -> node.currentJob() != null).count();
        int demand = waiting.stream().mapToInt(job -> job.spec().instanceCount()).sum();
        int wanted = Math.max(spec.minNodes(), Math.min(spec.maxNodes(), busy + demand));
        if (capacity <= spec.minNodes()) {
            return new Note(ScaleDecisions.KEPT_MIN_NODES, ScaleDecisions.KEPT_MIN_NODES + "/" + ids,
                    Message.of("note.autoscaler.kept-min-nodes", idle.size(), ids, spec.minNodes()));
        }
        if (wanted >= capacity && demand > 0) {
            Job first = waiting.get(0);
            return new Note(ScaleDecisions.KEPT_FOR_WAITING_JOBS, ScaleDecisions.KEPT_FOR_WAITING_JOBS + "/" + ids,
                    Message.of("note.autoscaler.kept-for-waiting-jobs", idle.size(), ids, first.name(),
                            first.spec().instanceCount()));
        }
        long idleTime = spec.idleTimeBeforeScaleDown().toSeconds();
        Message each = null;
        for (Node node : idle) {
            long idleFor = Duration.between(node.stateSince(), pass.now).toSeconds();
            Message one = Message.of("note.autoscaler.idle-node", node.id(), idleFor, Math.max(0, idleTime - idleFor));
            each = each == null ? one : Message.of("text.list.semicolons", each, one);
        }
        Message reason = spec.minNodes() > 0
                ? Message.of("note.autoscaler.kept-idle-time-above-min", idle.size(), idleTime, each, spec.minNodes())
                : Message.of("note.autoscaler.kept-idle-time", idle.size(), idleTime, each);
        return new Note(ScaleDecisions.KEPT_IDLE_TIME, ScaleDecisions.KEPT_IDLE_TIME + "/" + ids, reason);
    }
}
