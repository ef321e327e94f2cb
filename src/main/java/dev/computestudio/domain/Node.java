package dev.computestudio.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A node of a cluster. {@code runnerHandle} is what the node runner needs to find the node again
 * after a restart (a process id, a container id); {@code currentJob} is the job it runs, if any.
 */
public record Node(String id, String workspace, String cluster, NodeState state, String privateIpAddress,
                   int sshPort, String currentJob, Instant createdAt, Instant stateSince, String runnerHandle) {

    public Node {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(stateSince, "stateSince");
    }

    public Node withState(NodeState newState, Instant at) {
        return new Node(id, workspace, cluster, newState, privateIpAddress, sshPort, currentJob, createdAt, at,
                runnerHandle);
    }

    public Node withJob(String job) {
        return new Node(id, workspace, cluster, state, privateIpAddress, sshPort, job, createdAt, stateSince,
                runnerHandle);
    }

    public Node withRunnerHandle(String handle) {
        return new Node(id, workspace, cluster, state, privateIpAddress, sshPort, currentJob, createdAt, stateSince,
                handle);
    }
}
