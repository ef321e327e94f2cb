package dev.computestudio.domain;

import java.util.Objects;

/** The identity the platform creates with a cluster and deletes with it. */
public record SystemAssignedIdentity(String principalId, String tenantId, String clientId) {

    public SystemAssignedIdentity {
        Objects.requireNonNull(principalId, "principalId");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(clientId, "clientId");
    }
}
