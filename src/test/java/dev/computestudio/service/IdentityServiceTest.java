package dev.computestudio.service;

import dev.computestudio.domain.ClusterIdentity;
import dev.computestudio.domain.ConflictException;
import dev.computestudio.domain.IdentityType;
import dev.computestudio.domain.LockLevel;
import dev.computestudio.domain.ManagedIdentity;
import dev.computestudio.domain.NotFoundException;
import dev.computestudio.domain.Problem;
import dev.computestudio.domain.UserAssignedIdentity;
import dev.computestudio.domain.ValidationException;
import dev.computestudio.testing.StudioFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import static dev.computestudio.testing.StudioFixture.DS3;
import static dev.computestudio.testing.StudioFixture.WS;
import static dev.computestudio.testing.StudioFixture.dedicated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class IdentityServiceTest {

    @TempDir
    Path dataFolder;
    private StudioFixture studio;
    private IdentityService identities;

    @BeforeEach
    void open() {
        studio = new StudioFixture(dataFolder);
        identities = studio.identities;
    }

    @AfterEach
    void close() {
        studio.close();
    }

    private static ComputeService.Update identityUpdate(ClusterIdentity identity) {
        return new ComputeService.Update(null, null, null, identity, false);
    }

    @Test
    void anIdentityGetsTheCloudsResourceIdNewUuidsAndTheInstallationsTenant() {
        UserAssignedIdentity identity = identities.create(WS, "trainer-id");

        String subscription = studio.workspaces.show(WS).subscriptionId();
        assertThat(identity.resourceId()).isEqualTo("/subscriptions/" + subscription + "/resourceGroups/rg-" + WS
                + "/providers/Microsoft.ManagedIdentity/userAssignedIdentities/trainer-id");
        assertThat(ClusterIdentity.isUserAssignedIdentityId(identity.resourceId())).isTrue();
        assertThat(UUID.fromString(identity.clientId()).toString()).isEqualTo(identity.clientId());
        assertThat(UUID.fromString(identity.principalId()).toString()).isEqualTo(identity.principalId());
        assertThat(identity.clientId()).isNotEqualTo(identity.principalId());
        assertThat(identity.tenantId()).isEqualTo(new Installation(studio.stores.settings()).tenantId());
        assertThat(identity.createdAt()).isEqualTo(StudioFixture.T0);
        assertThat(identities.list(WS)).containsExactly(identity);
        assertThat(identities.show(WS, "trainer-id")).isEqualTo(identity);
    }

    @Test
    void aBadNameIsRefusedWithEveryRuleItBreaksAndATakenOneIsAConflict() {
        assertThatThrownBy(() -> identities.create(WS, "_x"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(Problem::rule).containsExactly("length", "first-character"));
        assertThatThrownBy(() -> identities.create(WS, "has space"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(Problem::field, Problem::rule)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("name", "characters")));
        identities.create(WS, "trainer-id");
        assertThatThrownBy(() -> identities.create(WS, "trainer-id")).isInstanceOf(ConflictException.class)
                .hasMessage("workspace '" + WS + "' already has an identity named 'trainer-id'");
        assertThatThrownBy(() -> identities.create("nowhere", "trainer-id")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void anIdentityAClusterUsesCannotBeDeletedAndTheMessageNamesTheClusters() {
        UserAssignedIdentity identity = identities.create(WS, "trainer-id");
        studio.createCluster("cpu", dedicated(DS3, 0, 2)
                .withIdentity(ClusterIdentity.userAssigned(List.of(identity.resourceId()))));
        studio.createCluster("gpu", dedicated(DS3, 0, 2)
                .withIdentity(ClusterIdentity.userAssigned(List.of(identity.resourceId()))));

        assertThatThrownBy(() -> identities.delete(WS, "trainer-id")).isInstanceOf(ConflictException.class)
                .hasMessage("identity 'trainer-id' is still used by compute 'cpu', 'gpu'; remove it from them first "
                        + "(e.g. compute update -w " + WS + " --name cpu --identity-type none)");

        studio.compute.update(WS, "cpu", identityUpdate(ClusterIdentity.NONE));
        studio.compute.update(WS, "gpu", identityUpdate(ClusterIdentity.SYSTEM_ASSIGNED));
        identities.delete(WS, "trainer-id");

        assertThat(identities.list(WS)).isEmpty();
        assertThatThrownBy(() -> identities.delete(WS, "trainer-id")).isInstanceOf(NotFoundException.class)
                .hasMessage("identity 'trainer-id' was not found in workspace '" + WS + "'");
    }

    @Test
    void locksGuardIdentitiesAsTheyGuardCompute() {
        identities.create(WS, "kept-id");
        studio.locks.create(WS, "no-delete", LockLevel.CAN_NOT_DELETE, null);

        assertThatThrownBy(() -> identities.delete(WS, "kept-id")).isInstanceOf(ConflictException.class)
                .hasMessageContaining("CanNotDelete lock 'no-delete'");
        identities.create(WS, "still-allowed");
        studio.locks.create(WS, "frozen", LockLevel.READ_ONLY, null);
        assertThatThrownBy(() -> identities.create(WS, "refused-id")).isInstanceOf(ConflictException.class)
                .hasMessageContaining("ReadOnly lock 'frozen'");
    }

    @Test
    void clustersRefuseUserAssignedIdsThatAreNotIdentitiesOfTheWorkspace() {
        UserAssignedIdentity real = identities.create(WS, "trainer-id");
        String madeUp = real.resourceId().replace("trainer-id", "made-up-id");
        studio.workspaces.create("ws-other", null, null);
        UserAssignedIdentity foreign = identities.create("ws-other", "foreign-id");

        assertThatThrownBy(() -> studio.compute.create(WS, "cpu", dedicated(DS3, 0, 2)
                .withIdentity(ClusterIdentity.userAssigned(List.of(real.resourceId(), madeUp)))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(Problem::field, Problem::rule, Problem::message).containsExactly(tuple(
                                "identity.user_assigned_identities", "exists", "'" + madeUp + "' is not a "
                                + "user-assigned identity of workspace '" + WS + "'; create it with 'identity create -w "
                                + WS + " --name made-up-id' or use one that 'identity list -w " + WS + "' shows")));
        studio.createCluster("cpu", dedicated(DS3, 0, 2));
        assertThatThrownBy(() -> studio.compute.update(WS, "cpu",
                identityUpdate(ClusterIdentity.userAssigned(List.of(foreign.resourceId())))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("is not a user-assigned identity of "
                        + "workspace '" + WS + "'");
        assertThat(studio.compute.show(WS, "cpu").spec().identity()).isEqualTo(ClusterIdentity.NONE);
    }

    @Test
    void anExistingClusterGetsIdentitiesAddedAndRemovedSpelledAsTheIdentitiesAre() {
        UserAssignedIdentity one = identities.create(WS, "one-id");
        UserAssignedIdentity two = identities.create(WS, "two-id");
        studio.createCluster("cpu", dedicated(DS3, 0, 2));

        studio.compute.update(WS, "cpu", identityUpdate(ClusterIdentity.userAssigned(
                List.of(one.resourceId().toLowerCase(), two.resourceId()))));

        assertThat(studio.compute.show(WS, "cpu").spec().identity().userAssignedIdentityIds())
                .containsExactly(one.resourceId(), two.resourceId());
        List<IdentityService.ClusterIdentities> rows = identities.clusterIdentities(WS);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).identities()).extracting(ManagedIdentity::name).containsExactly("one-id", "two-id");

        studio.compute.update(WS, "cpu", identityUpdate(ClusterIdentity.SYSTEM_ASSIGNED));

        ManagedIdentity system = identities.clusterIdentities(WS).get(0).identities().get(0);
        assertThat(system.type()).isEqualTo(IdentityType.SYSTEM_ASSIGNED);
        assertThat(system.clientId()).isEqualTo(studio.compute.show(WS, "cpu").systemIdentity().clientId());
        assertThat(system.resourceId()).endsWith("/workspaces/" + WS + "/computes/cpu");
    }

    @Test
    void aTokenRequestNeedsAnExistingClusterAndAnAudienceThatIsAUri() {
        studio.createCluster("cpu", dedicated(DS3, 0, 2).withIdentity(ClusterIdentity.SYSTEM_ASSIGNED));

        assertThatThrownBy(() -> identities.requestToken(WS, "nope", null, null))
                .isInstanceOf(NotFoundException.class).hasMessage("compute 'nope' was not found in workspace '" + WS + "'");
        assertThatThrownBy(() -> identities.requestToken(WS, "cpu", "not a uri", null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(Problem::field).containsExactly("resource"));
        assertThat(identities.requestToken(WS, "cpu", " ", null).resource()).isEqualTo(IdentityService.DEFAULT_RESOURCE);
    }
}
