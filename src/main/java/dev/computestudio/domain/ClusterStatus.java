package dev.computestudio.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** What the cloud reports about a cluster: provisioning, allocation, node counts and errors. */
public record ClusterStatus(ProvisioningState provisioningState, AllocationState allocationState,
                            Instant allocationStateTransitionTime, int currentNodeCount, int targetNodeCount,
                            NodeStateCounts nodeStateCounts, List<ClusterError> errors) {

    public ClusterStatus {
        Objects.requireNonNull(provisioningState, "provisioningState");
        Objects.requireNonNull(allocationState, "allocationState");
        Objects.requireNonNull(allocationStateTransitionTime, "allocationStateTransitionTime");
        Objects.requireNonNull(nodeStateCounts, "nodeStateCounts");
        errors = List.copyOf(errors == null ? List.of() : errors);
    }

    /** A cluster just created: no nodes, steady. */
    public static ClusterStatus created(Instant at) {
        return new ClusterStatus(ProvisioningState.SUCCEEDED, AllocationState.STEADY, at, 0, 0,
                NodeStateCounts.ZERO, List.of());
    }

    public ClusterStatus withProvisioningState(ProvisioningState state) {
        return new ClusterStatus(state, allocationState, allocationStateTransitionTime, currentNodeCount,
                targetNodeCount, nodeStateCounts, errors);
    }
}
