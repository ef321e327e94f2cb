package dev.computestudio.domain;

/** What an event log entry is about. */
public enum EventKind {
    /** A node changed state. */
    NODE,
    /** A job changed status. */
    JOB,
    /** A decision or error of the autoscaler about a cluster (scale up, scale down, quota, lock). */
    CLUSTER
}
