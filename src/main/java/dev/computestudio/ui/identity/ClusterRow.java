package dev.computestudio.ui.identity;

import dev.computestudio.domain.IdentityType;

import java.util.List;

/**
 * A cluster and what identity its jobs get: its type, the names of its user-assigned identities
 * (in order, the default first) and, for a system-assigned identity, its ids.
 */
public record ClusterRow(String name, IdentityType type, List<String> identityNames, List<String> resourceIds,
                         String systemClientId, String systemPrincipalId) {

    public ClusterRow {
        identityNames = List.copyOf(identityNames);
        resourceIds = List.copyOf(resourceIds);
    }
}
