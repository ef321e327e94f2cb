package dev.computestudio.service;

import dev.computestudio.domain.ConflictException;
import dev.computestudio.domain.LockLevel;
import dev.computestudio.domain.NotFoundException;
import dev.computestudio.domain.Problem;
import dev.computestudio.domain.ValidationException;
import dev.computestudio.domain.Workspace;
import dev.computestudio.testing.StudioFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.computestudio.testing.StudioFixture.DS3;
import static dev.computestudio.testing.StudioFixture.WS;
import static dev.computestudio.testing.StudioFixture.dedicated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkspaceServiceTest {

    @TempDir
    Path dataFolder;
    private StudioFixture studio;
    private WorkspaceService workspaces;

    @BeforeEach
    void openStudio() {
        studio = new StudioFixture(dataFolder);
        workspaces = studio.workspaces;
    }

    @AfterEach
    void closeStudio() {
        studio.close();
    }

    @Test
    void aWorkspaceGetsTheDefaultRegionAndResourceGroupAndTheInstallationsSubscription() {
        Workspace created = workspaces.create("ws-second", null, null);

        assertThat(created.location()).isEqualTo("eastus");
        assertThat(created.resourceGroup()).isEqualTo("rg-ws-second");
        assertThat(created.subscriptionId()).isEqualTo(workspaces.show(WS).subscriptionId());
        assertThat(workspaces.list()).extracting(Workspace::name).containsExactly(WS, "ws-second");
    }

    @Test
    void badInputIsRejectedWithEveryFieldAndNothingIsWritten() {
        assertThatThrownBy(() -> workspaces.create("a!", "East US", "rg."))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(Problem::field).containsExactly("name", "name", "location", "resourceGroup"));

        assertThat(workspaces.list()).extracting(Workspace::name).containsExactly(WS);
    }

    @Test
    void aTakenNameIsAConflict() {
        assertThatThrownBy(() -> workspaces.create(WS, "westeurope", null))
                .isInstanceOf(ConflictException.class).hasMessage("a workspace named 'ws-demo' already exists");
        assertThat(workspaces.show(WS).location()).isEqualTo("eastus");
    }

    @Test
    void anUnknownWorkspaceIsNotFound() {
        assertThatThrownBy(() -> workspaces.show("ws-nowhere"))
                .isInstanceOf(NotFoundException.class).hasMessage("workspace 'ws-nowhere' was not found");
        assertThatThrownBy(() -> workspaces.delete("ws-nowhere")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aLockedWorkspaceCannotBeDeleted() {
        studio.locks.create(WS, "keep-it", LockLevel.CAN_NOT_DELETE, null);

        assertThatThrownBy(() -> workspaces.delete(WS))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("CanNotDelete lock 'keep-it'").hasMessageContaining("delete the lock first");
        assertThat(workspaces.list()).extracting(Workspace::name).containsExactly(WS);

        studio.locks.delete(WS, "keep-it");
        workspaces.delete(WS);
        assertThat(workspaces.list()).isEmpty();
    }

    @Test
    void aWorkspaceHoldingComputeCannotBeDeleted() {
        studio.compute.create(WS, "cpu-cluster", dedicated(DS3, 0, 2));

        assertThatThrownBy(() -> workspaces.delete(WS))
                .isInstanceOf(ConflictException.class).hasMessageContaining("still holds 1 compute resource(s)");

        studio.compute.delete(WS, "cpu-cluster");
        workspaces.delete(WS);
        assertThatThrownBy(() -> workspaces.show(WS)).isInstanceOf(NotFoundException.class);
    }
}
