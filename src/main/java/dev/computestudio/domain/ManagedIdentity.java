package dev.computestudio.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One identity a cluster's jobs can get tokens for, whichever its kind: the ids that go into a
 * token. {@code resourceId} is the identity's resource id for a user-assigned identity and the
 * compute's for a system-assigned one, as the cloud's {@code xms_mirid} claim says.
 */
public record ManagedIdentity(IdentityType type, String name, String clientId, String principalId, String tenantId,
                              String resourceId) {

    public ManagedIdentity {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(principalId, "principalId");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(resourceId, "resourceId");
    }

    /**
     * The identities of a cluster, the default one first: its system-assigned identity, or its
     * user-assigned ones in the order its spec lists them. Ids the workspace no longer has are left out.
     */
    public static List<ManagedIdentity> of(Workspace workspace, ComputeCluster cluster,
                                           List<UserAssignedIdentity> workspaceIdentities) {
        List<ManagedIdentity> found = new ArrayList<>();
        ClusterIdentity identity = cluster.spec().identity();
        SystemAssignedIdentity system = cluster.systemIdentity();
        if (identity.type() == IdentityType.SYSTEM_ASSIGNED && system != null) {
            found.add(new ManagedIdentity(IdentityType.SYSTEM_ASSIGNED, cluster.name(), system.clientId(),
                    system.principalId(), system.tenantId(), ComputeCluster.resourceId(workspace, cluster.name())));
        }
        if (identity.type() == IdentityType.USER_ASSIGNED) {
            for (String id : identity.userAssignedIdentityIds()) {
                workspaceIdentities.stream().filter(uai -> uai.resourceId().equalsIgnoreCase(id)).findFirst()
                        .ifPresent(uai -> found.add(new ManagedIdentity(IdentityType.USER_ASSIGNED, uai.name(),
                                uai.clientId(), uai.principalId(), uai.tenantId(), uai.resourceId())));
            }
        }
        return List.copyOf(found);
    }

    /** The identity a request for {@code clientId} gets (null: the default one), if the cluster has it. */
    public static Optional<ManagedIdentity> choose(List<ManagedIdentity> identities, String clientId) {
        if (clientId == null || clientId.isBlank()) {
            return identities.stream().findFirst();
        }
        return identities.stream().filter(identity -> identity.clientId().equalsIgnoreCase(clientId.trim()))
                .findFirst();
    }
}
