package dev.computestudio.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of the event log, the single history of nodes, jobs and scaling decisions that feeds
 * the node timeline. {@code sequence} is given by the store (0 before it is appended);
 * {@code state} holds the node state, job status or cluster decision; fields that do not apply
 * to a kind are null. {@code reason} says why, by code, so that the timeline shows it in the user's
 * language; it is null when nothing was recorded.
 */
public record LogEvent(long sequence, Instant at, EventKind kind, String workspace, String cluster, String nodeId,
                       String jobName, String state, int attempt, Message reason) {

    public LogEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(state, "state");
    }

    public static LogEvent node(Instant at, Node node, Message reason) {
        return new LogEvent(0, at, EventKind.NODE, node.workspace(), node.cluster(), node.id(), node.currentJob(),
                node.state().name(), 0, reason);
    }

    public static LogEvent job(Instant at, Job job, Message reason) {
        return new LogEvent(0, at, EventKind.JOB, job.workspace(), job.spec().compute(), null, job.name(),
                job.status().name(), job.attempt(), reason);
    }

    public static LogEvent cluster(Instant at, String workspace, String cluster, String decision, Message reason) {
        return new LogEvent(0, at, EventKind.CLUSTER, workspace, cluster, null, null, decision, 0, reason);
    }
}
