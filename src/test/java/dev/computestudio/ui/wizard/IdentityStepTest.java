package dev.computestudio.ui.wizard;

import dev.computestudio.domain.ClusterIdentity;
import dev.computestudio.domain.IdentityType;
import dev.computestudio.domain.Workspace;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The identity step on its own: the kind of identity and the ids as typed, one per line. */
class IdentityStepTest {

    private static final String ID = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-ws-demo"
            + "/providers/Microsoft.ManagedIdentity/userAssignedIdentities/";

    private final IdentityStep step = new IdentityStep();

    @Test
    void userAssignedIdsAreTakenOnePerLineWithoutBlanks() {
        assertThat(step.identity()).isEqualTo(ClusterIdentity.NONE);
        step.userAssignedIdsProperty().set("  " + ID + "trainer-id \n\n" + ID + "other-id\n");
        assertThat(step.identity()).as("the ids count only once chosen").isEqualTo(ClusterIdentity.NONE);

        step.identityTypeProperty().set(IdentityType.USER_ASSIGNED);

        assertThat(step.identity().userAssignedIdentityIds()).containsExactly(ID + "trainer-id", ID + "other-id");

        step.identityTypeProperty().set(IdentityType.SYSTEM_ASSIGNED);
        assertThat(step.identity()).isEqualTo(ClusterIdentity.SYSTEM_ASSIGNED);
    }

    @Test
    void theExampleIdHasTheWorkspacesShape() {
        step.show(new Workspace("ws-demo", "eastus", "00000000-0000-0000-0000-000000000000", "rg-ws-demo",
                Instant.parse("2026-03-02T09:00:00Z")), List.of());

        assertThat(step.exampleIdentityIdProperty().get()).isEqualTo(ID + "my-identity");
    }
}
