package dev.computestudio.service.timeline;

import dev.computestudio.domain.Message;
import dev.computestudio.domain.NodeState;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A stretch of time one node spent in one state (and, when running, on one job).
 *
 * @param start     when the node entered the state; before the window's start when the node was
 *                  already in it then
 * @param end       when it left the state, or null when it was still in it at the end of the window
 *                  (the open segment of a node's current state)
 * @param job       the job the node ran, if any (for a preempted node: the job it lost)
 * @param reason    why the node entered the state, as the engine recorded it, or null
 * @param endReason why it left it (e.g. why it was removed), or null
 */
public record Segment(String nodeId, NodeState state, Instant start, Instant end, String job, Message reason,
                      Message endReason) {

    public Segment {
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(start, "start");
    }

    /** Still in this state at the end of the window. */
    public boolean open() {
        return end == null;
    }

    /** Where the segment stops within a window that ends at {@code windowEnd}. */
    public Instant endWithin(Instant windowEnd) {
        return end == null ? windowEnd : end;
    }

    /** How long the node was in the state, counting an open segment up to {@code windowEnd}. */
    public Duration duration(Instant windowEnd) {
        return Duration.between(start, endWithin(windowEnd));
    }
}
