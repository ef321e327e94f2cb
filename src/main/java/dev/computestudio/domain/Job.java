package dev.computestudio.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A submitted job and where it stands. {@code attempt} counts starts: a job restarted after a
 * preemption runs again from the start with the next attempt number.
 */
public record Job(String workspace, JobSpec spec, JobStatus status, int attempt, Instant createdAt,
                  Instant startedAt, Instant endedAt, Integer exitCode, Message error, List<String> nodeIds) {

    public Job {
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        nodeIds = List.copyOf(nodeIds == null ? List.of() : nodeIds);
    }

    public static Job submitted(String workspace, JobSpec spec, Instant at) {
        return new Job(workspace, spec, JobStatus.QUEUED, 0, at, null, null, null, null, List.of());
    }

    public String name() {
        return spec.name();
    }

    /** This job in {@code next}, or {@link IllegalTransitionException} when the table forbids the move. */
    public Job moveTo(JobStatus next, Instant at) {
        if (!status.canMoveTo(next)) {
            throw new IllegalTransitionException("job " + name(), status, next);
        }
        Instant ended = next.isFinal() ? at : endedAt;
        return new Job(workspace, spec, next, attempt, createdAt, startedAt, ended, exitCode, error, nodeIds);
    }

    /** Placed on nodes: a new attempt begins. */
    public Job placedOn(List<String> nodes, Instant at) {
        Job moved = moveTo(JobStatus.PREPARING, at);
        return new Job(workspace, spec, moved.status, attempt + 1, createdAt, at, null, null, null, nodes);
    }

    /** Back to the queue (node preempted or lost): nodes released, the error says why. */
    public Job requeued(Message reason, Instant at) {
        Job moved = moveTo(JobStatus.QUEUED, at);
        return new Job(workspace, spec, moved.status, attempt, createdAt, startedAt, null, null, reason, List.of());
    }

    /** Finished with this status, exit code and error (either may be null). */
    public Job finished(JobStatus end, Integer code, Message message, Instant at) {
        Job moved = moveTo(end, at);
        return new Job(workspace, spec, moved.status, attempt, createdAt, startedAt, at, code, message, nodeIds);
    }
}
