package dev.computestudio.service;

import dev.computestudio.domain.ClusterSpec;
import dev.computestudio.domain.ComputeCluster;
import dev.computestudio.domain.ConflictException;
import dev.computestudio.domain.EventKind;
import dev.computestudio.domain.LockLevel;
import dev.computestudio.domain.LogEvent;
import dev.computestudio.domain.Message;
import dev.computestudio.domain.NotFoundException;
import dev.computestudio.domain.Problem;
import dev.computestudio.domain.ProvisioningState;
import dev.computestudio.domain.ScaleDecisions;
import dev.computestudio.domain.SshSettings;
import dev.computestudio.domain.ValidationException;
import dev.computestudio.testing.StudioFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static dev.computestudio.testing.StudioFixture.DS3;
import static dev.computestudio.testing.StudioFixture.WS;
import static dev.computestudio.testing.StudioFixture.dedicated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class ComputeServiceTest {

    private static final String CPU = "cpu-cluster";
    private static final String VM_ID = "/subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/rg-ml"
            + "/providers/Microsoft.Compute/virtualMachines/dsvm-train";

    @TempDir
    Path dataFolder;
    private StudioFixture studio;
    private ComputeService compute;

    @BeforeEach
    void openStudio() {
        studio = new StudioFixture(dataFolder);
        compute = studio.compute;
    }

    @AfterEach
    void closeStudio() {
        studio.close();
    }

    @Test
    void aNameEndingInDashAndDigitsIsRejectedAndNothingIsWritten() {
        assertThatThrownBy(() -> compute.create(WS, "cpu-cluster-1", dedicated(DS3, 0, 2)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(Problem::field, Problem::rule).containsExactly(tuple("name", "suffix")))
                .hasMessageContaining("must not end with '-' followed by digits");

        assertThat(compute.list(WS)).isEmpty();
        assertThat(studio.events()).isEmpty();
    }

    @Test
    void everyProblemOfAClusterIsReportedAtOnce() {
        ClusterSpec spec = ClusterSpec.defaults("Standard_Imaginary_v9").withScale(3, 2, Duration.ofSeconds(-1));

        assertThatThrownBy(() -> compute.create(WS, "9x", spec))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(Problem::field, Problem::rule).containsExactlyInAnyOrder(
                                tuple("name", "length"), tuple("name", "first-character"),
                                tuple("size", "catalog"), tuple("max_instances", "not-below-min"),
                                tuple("idle_time_before_scale_down", "non-negative")))
                .hasMessageContaining("'Standard_Imaginary_v9' is not a known VM size")
                .hasMessageContaining("must not be below min_instances (2 < 3)");
        assertThat(compute.list(WS)).isEmpty();
    }

    @Test
    void aMaximumAboveTheNodesPerClusterQuotaIsRejected() {
        assertThatThrownBy(() -> compute.create(WS, CPU, dedicated(DS3, 0, 101)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(Problem::field, Problem::rule).containsExactly(tuple("max_instances", "quota")))
                .hasMessageContaining("at most 100");
    }

    @Test
    void aCreatedClusterTakesTheCatalogSpellingOfItsSizeAndItsWorkspaceRegion() {
        ComputeService.Created created = compute.create(WS, CPU, dedicated("standard_ds3_V2", 0, 2));

        ComputeCluster shown = compute.show(WS, CPU);
        assertThat(shown).isEqualTo(created.cluster());
        assertThat(shown.spec().size()).isEqualTo("Standard_DS3_v2");
        assertThat(shown.spec().location()).isEqualTo("eastus");
        assertThat(shown.status().provisioningState()).isEqualTo(ProvisioningState.SUCCEEDED);
        assertThat(shown.status().currentNodeCount()).isZero();
        assertThat(studio.events()).extracting(e -> e.state()).containsExactly("CREATED");
    }

    @Test
    void aTakenNameIsAConflict() {
        compute.create(WS, CPU, dedicated(DS3, 0, 2));

        assertThatThrownBy(() -> compute.create(WS, CPU, dedicated(DS3, 0, 4)))
                .isInstanceOf(ConflictException.class).hasMessageContaining(CPU);
        assertThatThrownBy(() -> compute.attach(WS, CPU, VM_ID)).isInstanceOf(ConflictException.class);
        assertThat(compute.show(WS, CPU).spec().maxNodes()).isEqualTo(2);
    }

    @Test
    void unknownWorkspacesAndComputeAreNotFound() {
        assertThatThrownBy(() -> compute.create("ws-nowhere", CPU, dedicated(DS3, 0, 2)))
                .isInstanceOf(NotFoundException.class).hasMessage("workspace 'ws-nowhere' was not found");
        assertThatThrownBy(() -> compute.list("ws-nowhere")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> compute.show(WS, "gpu-cluster"))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("compute 'gpu-cluster' was not found in workspace 'ws-demo'");
        assertThatThrownBy(() -> compute.update(WS, "gpu-cluster", new ComputeService.Update(0, 1, null, null, false)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> compute.delete(WS, "gpu-cluster")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> compute.listNodes(WS, "gpu-cluster")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> compute.detach(WS, "gpu-cluster")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void anInvalidUpdateIsRejectedAndTheSpecStaysAsItWas() {
        compute.create(WS, CPU, dedicated(DS3, 0, 2));

        assertThatThrownBy(() -> compute.update(WS, CPU, new ComputeService.Update(5, 4, null, null, false)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(Problem::field).containsExactly("max_instances"));
        assertThatThrownBy(() -> compute.update(WS, CPU, new ComputeService.Update(null, null, null, null, true)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(Problem::field, Problem::rule).containsExactly(tuple("ssh_settings", "immutable")));

        ClusterSpec spec = compute.show(WS, CPU).spec();
        assertThat(spec.minNodes()).isZero();
        assertThat(spec.maxNodes()).isEqualTo(2);
    }

    @Test
    void anUpdateChangesOnlyWhatItNames() {
        compute.create(WS, CPU, dedicated(DS3, 0, 2).withSsh(new SshSettings(false, "azureuser", null,
                "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIO7 me@host")));

        ComputeCluster updated = compute.update(WS, CPU,
                new ComputeService.Update(1, null, Duration.ofSeconds(300), null, false));

        assertThat(updated.spec().minNodes()).isEqualTo(1);
        assertThat(updated.spec().maxNodes()).isEqualTo(2);
        assertThat(updated.spec().idleTimeBeforeScaleDown()).isEqualTo(Duration.ofSeconds(300));
        assertThat(compute.show(WS, CPU).spec()).isEqualTo(updated.spec());
        assertThat(updated.spec().ssh().adminUsername()).isEqualTo("azureuser");
    }

    @Test
    void attachingTheSameResourceUnderASecondNameIsRefusedWithTheFirstName() {
        compute.attach(WS, "dsvm-first", VM_ID);

        assertThatThrownBy(() -> compute.attach(WS, "dsvm-second", VM_ID))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("already attached").hasMessageContaining("as 'dsvm-first'")
                .hasMessageContaining("detach 'dsvm-first' first");
        assertThat(compute.list(WS)).extracting(ComputeCluster::name).containsExactly("dsvm-first");
    }

    @Test
    void aResourceCanBeAttachedUnderANewNameAfterItIsDetached() {
        compute.attach(WS, "dsvm-first", VM_ID);

        compute.detach(WS, "dsvm-first");
        ComputeCluster second = compute.attach(WS, "dsvm-second", VM_ID);

        assertThat(second.attachedResourceId()).isEqualTo(VM_ID);
        assertThat(compute.list(WS)).extracting(ComputeCluster::name).containsExactly("dsvm-second");
        assertThat(studio.events()).extracting(e -> e.state()).containsExactly("ATTACHED", "DETACHED", "ATTACHED");
    }

    @Test
    void attachRequiresAResourceIdAndDetachOnlyAppliesToAttachedCompute() {
        assertThatThrownBy(() -> compute.attach(WS, "dsvm-first", "dsvm-train"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(Problem::field).containsExactly("resource_id"));
        compute.create(WS, CPU, dedicated(DS3, 0, 2));

        assertThatThrownBy(() -> compute.detach(WS, CPU))
                .isInstanceOf(ConflictException.class).hasMessageContaining("delete it instead");
        compute.attach(WS, "dsvm-first", VM_ID);
        assertThatThrownBy(() -> compute.delete(WS, "dsvm-first"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("detach it");
    }

    @Test
    void aCanNotDeleteLockBlocksDeletingAndDetachingButNotCreatingOrUpdating() {
        compute.create(WS, CPU, dedicated(DS3, 0, 2));
        compute.attach(WS, "dsvm-first", VM_ID);
        studio.locks.create(WS, "keep-it", LockLevel.CAN_NOT_DELETE, null);

        assertThatThrownBy(() -> compute.delete(WS, CPU))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("CanNotDelete lock 'keep-it'").hasMessageContaining("delete the lock first");
        assertThatThrownBy(() -> compute.detach(WS, "dsvm-first")).isInstanceOf(ConflictException.class);
        assertThat(compute.list(WS)).hasSize(2);
        assertThat(compute.show(WS, CPU).status().provisioningState()).isEqualTo(ProvisioningState.SUCCEEDED);

        compute.create(WS, "gpu-cluster", dedicated("Standard_NC6", 0, 1));
        compute.update(WS, CPU, new ComputeService.Update(null, 3, null, null, false));
        assertThat(compute.show(WS, CPU).spec().maxNodes()).isEqualTo(3);
    }

    @Test
    void aReadOnlyLockBlocksCreatingUpdatingAndAttaching() {
        compute.create(WS, CPU, dedicated(DS3, 0, 2));
        studio.locks.create(WS, "frozen", LockLevel.READ_ONLY, null);

        assertThatThrownBy(() -> compute.create(WS, "other-cluster", dedicated(DS3, 0, 2)))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("cannot create compute 'other-cluster'").hasMessageContaining("ReadOnly lock 'frozen'");
        assertThatThrownBy(() -> compute.update(WS, CPU, new ComputeService.Update(null, 3, null, null, false)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("ReadOnly");
        assertThatThrownBy(() -> compute.attach(WS, "dsvm-first", VM_ID)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> compute.delete(WS, CPU)).isInstanceOf(ConflictException.class);

        assertThat(compute.list(WS)).extracting(ComputeCluster::name).containsExactly(CPU);
        assertThat(compute.show(WS, CPU).spec().maxNodes()).isEqualTo(2);
    }

    @Test
    void preemptingALowPriorityClusterWithoutNodesSaysSo() {
        compute.create(WS, "lowpri-cluster", StudioFixture.lowPriority(DS3, 0, 2));

        assertThatThrownBy(() -> compute.preempt(WS, "lowpri-cluster", null))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("no idle or running node");
    }

    @Test
    void deletingAClusterWithoutNodesRecordsItsDeletionInTheEventLog() {
        studio.createCluster(CPU, dedicated(DS3, 0, 2));

        assertThat(compute.delete(WS, CPU)).isTrue();

        assertThat(studio.events()).filteredOn(event -> event.kind() == EventKind.CLUSTER)
                .extracting(LogEvent::cluster, LogEvent::state, LogEvent::reason)
                .containsExactly(tuple(CPU, ScaleDecisions.CREATED, Message.of("reason.cluster.created", DS3,
                                "dedicated", 0, 2)),
                        tuple(CPU, ScaleDecisions.DELETED, Message.of("reason.cluster.deleted")));
    }

    @Test
    void deletingAClusterWithNodesRecordsItsDeletionOnceTheEngineRemovedThem() {
        studio.createCluster(CPU, dedicated(DS3, 0, 2));
        studio.submit("train", CPU);
        studio.pass();

        assertThat(compute.delete(WS, CPU)).isFalse();
        assertThat(studio.events()).noneMatch(event -> event.state().equals(ScaleDecisions.DELETED));
        studio.pass();
        assertThat(studio.events()).as("its node is leaving").noneMatch(event -> event.state().equals(ScaleDecisions.DELETED));
        studio.advanceSeconds(3); // the engine's drain of a deleted cluster's nodes
        studio.pass();

        assertThat(studio.events()).filteredOn(event -> event.kind() == EventKind.CLUSTER
                        && event.state().equals(ScaleDecisions.DELETED))
                .extracting(LogEvent::cluster, LogEvent::reason)
                .containsExactly(tuple(CPU, Message.of("reason.cluster.deleted")));
    }
}
