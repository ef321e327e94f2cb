package dev.computestudio.service.timeline;

/** What a marker above the rows stands for. */
public enum MarkerKind {
    /** Nodes were added. */
    SCALE_UP,
    /** A node was removed. */
    SCALE_DOWN,
    /** The autoscaler chose not to act: idle time not reached, min nodes, waiting jobs, max nodes. */
    NOT_SCALED,
    /** Scaling was held back or a node failed: quota, lock, runner unavailable, node setup failed. */
    ERROR,
    /** A low-priority node was taken back. */
    PREEMPTION,
    /** The cluster was created, updated, attached, detached or deleted. */
    CHANGE
}
