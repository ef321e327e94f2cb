package dev.computestudio.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A workspace: the container of compute, jobs, identities, quota and locks. Its subscription and
 * resource group exist only to give resources the cloud's id format.
 */
public record Workspace(String name, String location, String subscriptionId, String resourceGroup,
                        Instant createdAt) {

    public static final String DEFAULT_LOCATION = "eastus";

    public Workspace {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(subscriptionId, "subscriptionId");
        Objects.requireNonNull(resourceGroup, "resourceGroup");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** Checks a workspace as a user would type it; every problem at once. */
    public static void validate(String name, String location, String resourceGroup) {
        Problems problems = new Problems().addAll(NameRules.checkWorkspaceName("name", name));
        if (location == null || !location.matches("[a-z0-9]{2,40}")) {
            problems.add("location", "region-name", Message.of("invalid.location.region-name"));
        }
        if (resourceGroup == null || !resourceGroup.matches("[-\\w._()]{1,90}") || resourceGroup.endsWith(".")) {
            problems.add("resourceGroup", "resource-group-name", Message.of("invalid.workspace.resource-group-name"));
        }
        problems.throwIfAny();
    }

    /** The id the cloud gives a workspace. */
    public String resourceId() {
        return resourceGroupId() + "/providers/Microsoft.MachineLearningServices/workspaces/" + name;
    }

    /** The id of the resource group, the scope resource locks apply to. */
    public String resourceGroupId() {
        return "/subscriptions/" + subscriptionId + "/resourceGroups/" + resourceGroup;
    }
}
