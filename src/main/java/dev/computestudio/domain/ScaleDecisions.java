package dev.computestudio.domain;

/**
 * What the {@code state} of a CLUSTER event in the event log says: a decision about the cluster,
 * or (besides these) a {@link ClusterError} code such as QuotaExceeded. The KEPT_ and AT_ ones
 * record why the autoscaler did not act, and are written only when that reason changes.
 */
public final class ScaleDecisions {

    public static final String CREATED = "CREATED";
    public static final String UPDATED = "UPDATED";
    public static final String ATTACHED = "ATTACHED";
    public static final String DETACHED = "DETACHED";
    public static final String DELETED = "DELETED";
    /** Nodes were added for waiting jobs (or to reach min_instances). */
    public static final String SCALE_UP = "SCALE_UP";
    /** A node was removed: idle past the idle time, or above max_instances. */
    public static final String SCALE_DOWN = "SCALE_DOWN";
    /** Idle nodes were kept: they have not been idle for the idle time before scale-down yet. */
    public static final String KEPT_IDLE_TIME = "KEPT_IDLE_TIME";
    /** Idle nodes were kept: removing them would take the cluster below min_instances. */
    public static final String KEPT_MIN_NODES = "KEPT_MIN_NODES";
    /** Idle nodes were kept for a waiting job that needs more nodes at once than are idle. */
    public static final String KEPT_FOR_WAITING_JOBS = "KEPT_FOR_WAITING_JOBS";
    /** Jobs wait and no node was added: the cluster already has max_instances nodes. */
    public static final String AT_MAX_NODES = "AT_MAX_NODES";

    private ScaleDecisions() {
    }
}
