package dev.computestudio.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A node of a cluster. {@code runnerHandle} finds the node itself again after a restart (a
 * container id; null when a node is only a slot); {@code currentJob} is the job it runs, if any,
 * and {@code jobHandle} finds that job's process or container.
 */
public record Node(String id, String workspace, String cluster, NodeState state, String privateIpAddress,
                   int sshPort, String currentJob, Instant createdAt, Instant stateSince, String runnerHandle,
                   String jobHandle) {

    public Node {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(stateSince, "stateSince");
    }

    /**
     * This node in {@code newState} since {@code at}.
     *
     * @throws IllegalTransitionException when {@link NodeState} does not allow the move
     */
    public Node withState(NodeState newState, Instant at) {
        if (!state.canMoveTo(newState)) {
            throw new IllegalTransitionException("node " + id, state, newState);
        }
        return new Node(id, workspace, cluster, newState, privateIpAddress, sshPort, currentJob, createdAt, at,
                runnerHandle, jobHandle);
    }

    /** Runs {@code job} (null: runs nothing) through what {@code handle} names. */
    public Node withJob(String job, String handle) {
        return new Node(id, workspace, cluster, state, privateIpAddress, sshPort, job, createdAt, stateSince,
                runnerHandle, handle);
    }

    public Node withRunnerHandle(String handle) {
        return new Node(id, workspace, cluster, state, privateIpAddress, sshPort, currentJob, createdAt, stateSince,
                handle, jobHandle);
    }
}
