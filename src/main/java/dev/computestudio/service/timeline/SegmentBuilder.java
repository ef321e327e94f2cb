package dev.computestudio.service.timeline;

import dev.computestudio.domain.EventKind;
import dev.computestudio.domain.LogEvent;
import dev.computestudio.domain.Message;
import dev.computestudio.domain.Node;
import dev.computestudio.domain.NodeState;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns node events into rows of segments for a window {@code [from, to)}: each node starts in
 * the state it was in at {@code from}, every NODE event in the window ends a segment and starts
 * the next, GONE leaves a gap, and a state still held at the end stays open. A job change without
 * a state change (a preempted node losing its job) does not split a segment, and a state left at
 * the very instant it was entered (LEAVING on the way to GONE) leaves none.
 */
public final class SegmentBuilder {

    private final Map<String, RowBuilder> rows = new LinkedHashMap<>();

    private SegmentBuilder() {
    }

    /**
     * @param nodes       the stored nodes that existed in the window, oldest first; they give the rows' order
     * @param startStates each node's last event before {@code from} (nodes without one start at their first event)
     * @param window      the cluster's events in the window, in time order; only NODE events are used
     */
    public static List<NodeRow> build(List<Node> nodes, List<LogEvent> startStates, List<LogEvent> window,
                                      Instant from) {
        SegmentBuilder builder = new SegmentBuilder();
        for (Node node : nodes) {
            builder.row(node.id()).createdAt = node.createdAt();
        }
        Map<String, LogEvent> starts = new LinkedHashMap<>();
        startStates.forEach(event -> starts.put(event.nodeId(), event));
        for (Node node : nodes) {
            LogEvent start = starts.remove(node.id());
            if (start != null) {
                builder.row(node.id()).apply(NodeState.valueOf(start.state()), start.at(), start.jobName(),
                        start.reason());
            } else if (node.createdAt().isBefore(from) && node.stateSince().isBefore(from)) {
                // No history before the window (an older log): the stored state has held since state_since.
                builder.row(node.id()).apply(node.state(), node.stateSince(), node.currentJob(), null);
            }
        }
        starts.values().forEach(start -> builder.row(start.nodeId()).apply(NodeState.valueOf(start.state()),
                start.at(), start.jobName(), start.reason()));
        for (LogEvent event : window) {
            if (event.kind() == EventKind.NODE && event.nodeId() != null) {
                builder.row(event.nodeId()).apply(NodeState.valueOf(event.state()), event.at(), event.jobName(),
                        event.reason());
            }
        }
        List<NodeRow> built = new ArrayList<>(builder.rows.size());
        builder.rows.values().forEach(row -> built.add(row.finish()));
        return built;
    }

    private RowBuilder row(String nodeId) {
        return rows.computeIfAbsent(nodeId, RowBuilder::new);
    }

    /** The short name of a row: "node 3" for a cloud-style id {@code tvm-<pool>_3-<time>}, else the id. */
    public static Message label(String nodeId) {
        int underscore = nodeId.lastIndexOf('_');
        int dash = underscore < 0 ? -1 : nodeId.indexOf('-', underscore);
        if (nodeId.startsWith("tvm-") && dash > underscore + 1) {
            String sequence = nodeId.substring(underscore + 1, dash);
            if (sequence.chars().allMatch(Character::isDigit)) {
                return Message.of("label.node", sequence);
            }
        }
        return Message.of("label.node-id", nodeId);
    }

    private static final class RowBuilder {

        private final String nodeId;
        private final List<Segment> segments = new ArrayList<>();
        private Instant createdAt;
        private NodeState state;
        private Instant since;
        private String job;
        private Message reason;
        private boolean wentAway;
        private boolean cameBack;

        RowBuilder(String nodeId) {
            this.nodeId = nodeId;
        }

        void apply(NodeState next, Instant at, String nextJob, Message nextReason) {
            if (state != null && state == next && (next != NodeState.RUNNING || Objects.equals(job, nextJob))) {
                if (job == null) {
                    job = nextJob;
                }
                return;
            }
            if (state != null) {
                close(at, nextReason);
            }
            if (next == NodeState.GONE) {
                wentAway = true;
                return;
            }
            cameBack |= wentAway;
            wentAway = false;
            state = next;
            since = at;
            job = nextJob;
            reason = nextReason;
        }

        private void close(Instant at, Message why) {
            if (at.isAfter(since)) {
                segments.add(new Segment(nodeId, state, since, at, job, reason, why));
            }
            state = null;
        }

        NodeRow finish() {
            if (state != null) {
                segments.add(new Segment(nodeId, state, since, null, job, reason, null));
            }
            return new NodeRow(nodeId, label(nodeId), createdAt, segments, state == null && wentAway, cameBack);
        }
    }
}
