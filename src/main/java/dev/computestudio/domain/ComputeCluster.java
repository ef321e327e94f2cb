package dev.computestudio.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A compute cluster of a workspace. {@code systemIdentity} exists only while the spec asks for a
 * system-assigned identity; {@code attachedResourceId} is set when the compute was attached
 * rather than created here.
 */
public record ComputeCluster(String workspace, String name, ClusterSpec spec, ClusterStatus status,
                             SystemAssignedIdentity systemIdentity, String attachedResourceId, Instant createdAt) {

    public ComputeCluster {
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public ComputeCluster withSpec(ClusterSpec newSpec) {
        return new ComputeCluster(workspace, name, newSpec, status, systemIdentity, attachedResourceId, createdAt);
    }

    public ComputeCluster withStatus(ClusterStatus newStatus) {
        return new ComputeCluster(workspace, name, spec, newStatus, systemIdentity, attachedResourceId, createdAt);
    }

    public ComputeCluster withSystemIdentity(SystemAssignedIdentity identity) {
        return new ComputeCluster(workspace, name, spec, status, identity, attachedResourceId, createdAt);
    }

    public boolean isAttached() {
        return attachedResourceId != null;
    }

    /** The id the cloud gives a compute resource of a workspace. */
    public static String resourceId(Workspace workspace, String computeName) {
        return workspace.resourceId() + "/computes/" + computeName;
    }
}
