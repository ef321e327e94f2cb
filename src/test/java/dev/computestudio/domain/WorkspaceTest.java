package dev.computestudio.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkspaceTest {

    @Test
    void resourceIdsFollowTheCloudsFormat() {
        Workspace ws = new Workspace("ws1", "eastus", "00000000-0000-0000-0000-000000000001", "rg-ml",
                Instant.EPOCH);

        assertThat(ws.resourceId()).isEqualTo("/subscriptions/00000000-0000-0000-0000-000000000001"
                + "/resourceGroups/rg-ml/providers/Microsoft.MachineLearningServices/workspaces/ws1");
        assertThat(UserAssignedIdentity.resourceIdFor(ws, "my-id")).isEqualTo(ws.resourceGroupId()
                + "/providers/Microsoft.ManagedIdentity/userAssignedIdentities/my-id");
        assertThat(ClusterIdentity.isUserAssignedIdentityId(UserAssignedIdentity.resourceIdFor(ws, "my-id"))).isTrue();
    }

    @Test
    void validationReportsEveryFieldAtOnce() {
        assertThatThrownBy(() -> Workspace.validate("x", "East US", "rg."))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(Problem::field).containsExactly("name", "location", "resourceGroup"));
    }
}
