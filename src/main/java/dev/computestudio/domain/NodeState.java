package dev.computestudio.domain;

import java.util.Set;

/**
 * The life of a node. GONE is ours, not the cloud's: a removed node keeps its row so the
 * timeline can still draw it.
 */
public enum NodeState {
    PREPARING("preparing"), IDLE("idle"), RUNNING("running"), LEAVING("leaving"), PREEMPTED("preempted"),
    UNUSABLE("unusable"), GONE("gone");

    private static final Set<NodeState> COUNTED = Set.of(PREPARING, IDLE, RUNNING, LEAVING, PREEMPTED, UNUSABLE);

    private final String restName;

    NodeState(String restName) {
        this.restName = restName;
    }

    public String restName() {
        return restName;
    }

    /** Whether a node in this state still counts toward the cluster's current node count. */
    public boolean isPresent() {
        return COUNTED.contains(this);
    }
}
