package dev.computestudio.domain;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/** The identity setting of a cluster spec: its type and, for user-assigned, the identities' resource ids. */
public record ClusterIdentity(IdentityType type, List<String> userAssignedIdentityIds) {

    public static final ClusterIdentity NONE = new ClusterIdentity(IdentityType.NONE, List.of());
    public static final ClusterIdentity SYSTEM_ASSIGNED = new ClusterIdentity(IdentityType.SYSTEM_ASSIGNED, List.of());

    private static final Pattern USER_ASSIGNED_ID = Pattern.compile(
            "/subscriptions/[0-9a-fA-F-]{36}/resource[gG]roups/[-\\w._()]{1,90}"
                    + "/providers/Microsoft\\.ManagedIdentity/userAssignedIdentities/[a-zA-Z0-9][a-zA-Z0-9_-]{2,127}");

    public ClusterIdentity {
        Objects.requireNonNull(type, "type");
        userAssignedIdentityIds = List.copyOf(userAssignedIdentityIds == null ? List.of() : userAssignedIdentityIds);
    }

    public static ClusterIdentity userAssigned(List<String> resourceIds) {
        return new ClusterIdentity(IdentityType.USER_ASSIGNED, resourceIds);
    }

    public static boolean isUserAssignedIdentityId(String id) {
        return id != null && USER_ASSIGNED_ID.matcher(id).matches();
    }

    List<Problem> check() {
        Problems problems = new Problems();
        if (type != IdentityType.USER_ASSIGNED && !userAssignedIdentityIds.isEmpty()) {
            problems.add("identity.user_assigned_identities", "exclusive-types",
                    Message.of("invalid.identity.exclusive-types"));
        }
        if (type == IdentityType.USER_ASSIGNED && userAssignedIdentityIds.isEmpty()) {
            problems.add("identity.user_assigned_identities", "required",
                    Message.of("invalid.identity.user-assigned-required"));
        }
        for (String id : userAssignedIdentityIds) {
            if (!isUserAssignedIdentityId(id)) {
                problems.add("identity.user_assigned_identities", "resource-id",
                        Message.of("invalid.identity.resource-id", Problems.shortened(id)));
            }
        }
        if (userAssignedIdentityIds.stream().distinct().count() < userAssignedIdentityIds.size()) {
            problems.add("identity.user_assigned_identities", "unique", Message.of("invalid.identity.duplicate"));
        }
        return problems.list();
    }
}
