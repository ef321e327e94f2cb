package dev.computestudio.domain;

import java.time.Instant;
import java.util.Objects;

/** A managed identity that lives in the workspace on its own and can be given to several clusters. */
public record UserAssignedIdentity(String workspace, String name, String resourceId, String clientId,
                                   String principalId, String tenantId, Instant createdAt) {

    public UserAssignedIdentity {
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(resourceId, "resourceId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(principalId, "principalId");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** The resource id the cloud would give an identity of this name in this workspace's resource group. */
    public static String resourceIdFor(Workspace workspace, String name) {
        return workspace.resourceGroupId() + "/providers/Microsoft.ManagedIdentity/userAssignedIdentities/" + name;
    }
}
