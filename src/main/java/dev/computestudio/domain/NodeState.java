package dev.computestudio.domain;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The life of a node, with the explicit table of allowed moves. GONE is ours, not the cloud's: a
 * removed node keeps its row so the timeline can still draw it; a node always leaves through
 * LEAVING, so the timeline shows why it went.
 */
public enum NodeState {
    PREPARING("preparing"), IDLE("idle"), RUNNING("running"), LEAVING("leaving"), PREEMPTED("preempted"),
    UNUSABLE("unusable"), GONE("gone");

    private static final Set<NodeState> COUNTED = Set.of(PREPARING, IDLE, RUNNING, LEAVING, PREEMPTED, UNUSABLE);
    private static final Map<NodeState, Set<NodeState>> ALLOWED = new EnumMap<>(NodeState.class);

    static {
        // A node that is still preparing can fail to start, or leave with its deleted cluster.
        allow(PREPARING, IDLE, UNUSABLE, LEAVING);
        allow(IDLE, RUNNING, PREEMPTED, UNUSABLE, LEAVING);
        allow(RUNNING, IDLE, PREEMPTED, UNUSABLE, LEAVING);
        // Taken back or broken: such a node only waits to be removed.
        allow(PREEMPTED, LEAVING);
        allow(UNUSABLE, LEAVING);
        allow(LEAVING, GONE);
        allow(GONE);
    }

    private final String restName;

    NodeState(String restName) {
        this.restName = restName;
    }

    private static void allow(NodeState from, NodeState... to) {
        Set<NodeState> targets = EnumSet.noneOf(NodeState.class);
        targets.addAll(List.of(to));
        ALLOWED.put(from, Collections.unmodifiableSet(targets));
    }

    public String restName() {
        return restName;
    }

    /** Whether a node in this state still counts toward the cluster's current node count. */
    public boolean isPresent() {
        return COUNTED.contains(this);
    }

    /**
     * Whether a node may go from this state to {@code next}. Staying is no move: a node that drops
     * its job keeps its state.
     */
    public boolean canMoveTo(NodeState next) {
        return next == this || ALLOWED.get(this).contains(next);
    }
}
