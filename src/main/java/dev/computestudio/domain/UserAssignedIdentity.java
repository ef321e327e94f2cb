package dev.computestudio.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

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

    private static final Pattern NAME_CHARS = Pattern.compile("[a-zA-Z0-9_-]*");

    /** The cloud's rule: 3-128 characters, a letter or digit first, then letters, digits, '-' and '_'. */
    public static List<Problem> checkName(String field, String name) {
        Problems problems = new Problems();
        if (name == null || name.isBlank()) {
            return problems.add(field, "required", Message.of("invalid.name.required")).list();
        }
        if (name.length() < 3 || name.length() > 128) {
            problems.add(field, "length", Message.of("invalid.name.length", 3, 128, name.length()));
        }
        if (!Character.isLetterOrDigit(name.charAt(0)) || name.charAt(0) > 'z') {
            problems.add(field, "first-character", Message.of("invalid.name.first-letter-or-digit"));
        }
        if (!NAME_CHARS.matcher(name).matches()) {
            problems.add(field, "characters", Message.of("invalid.name.identity-characters"));
        }
        return problems.list();
    }

    /** The resource id the cloud would give an identity of this name in this workspace's resource group. */
    public static String resourceIdFor(Workspace workspace, String name) {
        return workspace.resourceGroupId() + "/providers/Microsoft.ManagedIdentity/userAssignedIdentities/" + name;
    }
}
