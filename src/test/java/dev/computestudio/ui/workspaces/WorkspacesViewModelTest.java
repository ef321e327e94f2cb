package dev.computestudio.ui.workspaces;

import dev.computestudio.domain.LockLevel;
import dev.computestudio.domain.ResourceLock;
import dev.computestudio.domain.Workspace;
import dev.computestudio.service.PreferencesService;
import dev.computestudio.testing.StudioFixture;
import dev.computestudio.ui.common.Messages;
import dev.computestudio.ui.common.UiThreads;
import dev.computestudio.ui.shell.EngineStatus;
import dev.computestudio.ui.shell.ShellViewModel;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static dev.computestudio.testing.StudioFixture.WS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The workspaces screen's view-model over the real services and an in-memory H2 database, with
 * the real shell view-model as the workspace picker; every executor runs on the test's thread.
 */
class WorkspacesViewModelTest {

    private static final String LOCKED_SUMMARY = "Locked: a lock on the resource group stops the clusters from scaling"
            + " (they stay \"Resizing 0 -> 0\", as the Azure docs warn) and blocks deleting the workspace.";

    @TempDir
    Path dataFolder;

    private StudioFixture studio;
    private ShellViewModel shell;
    private Messages messages;
    private int workspacesChanged;

    @BeforeEach
    void openStudio() {
        studio = new StudioFixture(dataFolder);
        shell = new ShellViewModel(new PreferencesService(studio.db.settings(), Locale.US), studio.workspaces::list,
                new ShellViewModel.RunStatus(dataFolder, "process", EngineStatus.NOT_RUNNING), UiThreads.direct());
        shell.refreshWorkspaces();
        messages = new Messages(new SimpleObjectProperty<>(Locale.ENGLISH));
    }

    @AfterEach
    void closeStudio() {
        studio.close();
    }

    private WorkspacesViewModel screen() {
        return new WorkspacesViewModel(studio.workspaces, studio.locks, UiThreads.direct(),
                shell.selectedWorkspaceProperty(), shell::selectWorkspace, () -> {
                    workspacesChanged++;
                    shell.refreshWorkspaces();
                }, messages);
    }

    private static List<String> names(WorkspacesViewModel screen) {
        return screen.workspaces().stream().map(Workspace::name).toList();
    }

    private static String selectedName(WorkspacesViewModel screen) {
        Workspace selected = screen.selectedProperty().get();
        return selected == null ? null : selected.name();
    }

    @Test
    void listsTheWorkspacesAndShowsThePickersOneWithItsIds() {
        WorkspacesViewModel screen = screen();

        assertThat(names(screen)).containsExactly(WS);
        assertThat(selectedName(screen)).isEqualTo(WS);
        Workspace workspace = studio.workspaces.show(WS);
        assertThat(screen.locationProperty().get()).isEqualTo("eastus");
        assertThat(screen.resourceGroupProperty().get()).isEqualTo("rg-" + WS);
        assertThat(screen.subscriptionIdProperty().get()).isEqualTo(workspace.subscriptionId()).isNotBlank();
        assertThat(screen.resourceIdProperty().get()).isEqualTo(workspace.resourceId())
                .isEqualTo("/subscriptions/" + workspace.subscriptionId() + "/resourceGroups/rg-" + WS
                        + "/providers/Microsoft.MachineLearningServices/workspaces/" + WS);
        assertThat(screen.deleteDisabledProperty().get()).isFalse();
    }

    @Test
    void checksTheNameAsTheUserTypes() {
        WorkspacesViewModel screen = screen();
        screen.openForm();
        assertThat(screen.formOpenProperty().get()).isTrue();
        assertThat(screen.nameMessageProperty().get()).as("nothing typed yet").isEmpty();
        assertThat(screen.createDisabledProperty().get()).isTrue();

        screen.newNameProperty().set("a!");
        assertThat(screen.nameMessageProperty().get())
                .isEqualTo("must be 3 to 33 characters long (it has 2)\nmay contain only letters, digits, '_' and '-'");
        assertThat(screen.createDisabledProperty().get()).isTrue();

        screen.newNameProperty().set("-ml-dev");
        assertThat(screen.nameMessageProperty().get()).isEqualTo("must start with a letter or a digit");

        screen.newNameProperty().set("ml-dev");
        assertThat(screen.nameMessageProperty().get()).isEmpty();
        assertThat(screen.createDisabledProperty().get()).isFalse();
        assertThat(screen.resourceGroupPromptProperty().get()).isEqualTo("rg-ml-dev");

        screen.newNameProperty().set("");
        assertThat(screen.nameMessageProperty().get()).isEqualTo("a name is required");
        assertThat(screen.createDisabledProperty().get()).isTrue();
    }

    @Test
    void createDoesNothingWhileTheFormIsInvalid() {
        WorkspacesViewModel screen = screen();
        screen.openForm();
        screen.newNameProperty().set("bad name");

        screen.create();

        assertThat(studio.workspaces.list()).extracting(Workspace::name).containsExactly(WS);
        assertThat(screen.formOpenProperty().get()).isTrue();
        assertThat(workspacesChanged).isZero();
    }

    @Test
    void checksLocationAndResourceGroupAsTheUserTypes() {
        WorkspacesViewModel screen = screen();
        screen.openForm();
        screen.newNameProperty().set("ml-dev");
        assertThat(screen.newLocationProperty().get()).as("default").isEqualTo("eastus");

        screen.newLocationProperty().set("East US");
        screen.newResourceGroupProperty().set("rg.");

        assertThat(screen.locationMessageProperty().get())
                .isEqualTo("must be a region name in lower case letters and digits, like 'eastus'");
        assertThat(screen.resourceGroupMessageProperty().get())
                .isEqualTo("must be 1 to 90 letters, digits, '_', '-', '.', '(' or ')' and must not end with '.'");
        assertThat(screen.createDisabledProperty().get()).isTrue();

        screen.newLocationProperty().set("westeurope");
        screen.newResourceGroupProperty().set("rg-shared");

        assertThat(screen.locationMessageProperty().get()).isEmpty();
        assertThat(screen.resourceGroupMessageProperty().get()).isEmpty();
        assertThat(screen.createDisabledProperty().get()).isFalse();
    }

    @Test
    void createAddsTheRowSelectsItAndTellsTheShell() {
        WorkspacesViewModel screen = screen();
        screen.openForm();
        screen.newNameProperty().set("ml-prod");

        screen.create();

        assertThat(names(screen)).containsExactly("ml-prod", WS);
        assertThat(selectedName(screen)).isEqualTo("ml-prod");
        assertThat(screen.formOpenProperty().get()).isFalse();
        assertThat(workspacesChanged).isEqualTo(1);
        assertThat(shell.workspaces()).contains("ml-prod");
        assertThat(shell.selectedWorkspace()).as("the picker follows").isEqualTo("ml-prod");
        Workspace created = studio.workspaces.show("ml-prod");
        assertThat(created.location()).isEqualTo("eastus");
        assertThat(created.resourceGroup()).isEqualTo("rg-ml-prod");
        assertThat(screen.resourceIdProperty().get()).isEqualTo(created.resourceId());
    }

    @Test
    void aTakenNameIsReportedNextToTheFormAndNothingIsCreated() {
        WorkspacesViewModel screen = screen();
        screen.openForm();
        screen.newNameProperty().set(WS);

        screen.create();

        assertThat(screen.formErrorProperty().get()).isEqualTo("a workspace named '" + WS + "' already exists");
        assertThat(screen.formOpenProperty().get()).isTrue();
        assertThat(names(screen)).containsExactly(WS);
        assertThat(workspacesChanged).isZero();

        screen.newNameProperty().set("ml-other");
        assertThat(screen.formErrorProperty().get()).as("editing clears it").isEmpty();
    }

    @Test
    void deleteIsRefusedWhileLockedWithTheReasonAndWorksOnceTheLockIsRemoved() {
        WorkspacesViewModel screen = screen();
        screen.lockNameProperty().set("keep");
        screen.addLock();
        assertThat(screen.locks()).extracting(ResourceLock::name).containsExactly("keep");

        screen.deleteSelected();

        assertThat(screen.deleteErrorProperty().get()).isEqualTo("workspace '" + WS + "' cannot be deleted: its"
                + " resource group has a CanNotDelete lock 'keep'; delete the lock first");
        assertThat(names(screen)).containsExactly(WS);
        assertThat(selectedName(screen)).isEqualTo(WS);
        assertThat(workspacesChanged).isZero();

        screen.removeLock(screen.locks().get(0));
        assertThat(screen.locks()).isEmpty();
        screen.deleteSelected();

        assertThat(screen.deleteErrorProperty().get()).isEmpty();
        assertThat(screen.workspaces()).isEmpty();
        assertThat(screen.selectedProperty().get()).isNull();
        assertThat(screen.deleteDisabledProperty().get()).isTrue();
        assertThat(workspacesChanged).isEqualTo(1);
        assertThat(studio.workspaces.list()).isEmpty();
        assertThat(shell.workspaces()).isEmpty();
    }

    @Test
    void deleteIsRefusedWhileTheWorkspaceHoldsCompute() {
        studio.createCluster("cpu-cluster", StudioFixture.dedicated(StudioFixture.DS3, 0, 2));
        WorkspacesViewModel screen = screen();

        screen.deleteSelected();

        assertThat(screen.deleteErrorProperty().get()).isEqualTo("workspace '" + WS + "' cannot be deleted: it still"
                + " holds 1 compute resource(s); delete or detach them first");
        assertThat(names(screen)).containsExactly(WS);
    }

    @Test
    void locksAreListedWithWhatTheyBlock() {
        WorkspacesViewModel screen = screen();
        assertThat(screen.lockSummaryProperty().get()).isEqualTo("No locks: the clusters of this workspace can scale,"
                + " and the workspace can be deleted once it holds no compute.");
        assertThat(screen.addLockDisabledProperty().get()).as("no name yet").isTrue();

        screen.lockNameProperty().set("keep");
        screen.lockNotesProperty().set("production data");
        screen.addLock();

        assertThat(screen.locks()).singleElement().satisfies(lock -> {
            assertThat(lock.name()).isEqualTo("keep");
            assertThat(lock.level()).isEqualTo(LockLevel.CAN_NOT_DELETE);
            assertThat(lock.notes()).isEqualTo("production data");
        });
        assertThat(screen.lockSummaryProperty().get()).isEqualTo(LOCKED_SUMMARY);
        assertThat(screen.explanation(LockLevel.CAN_NOT_DELETE).get()).isEqualTo("Blocks deleting the workspace and"
                + " its compute, and stops the clusters from scaling.");
        assertThat(screen.lockNameProperty().get()).as("the form is cleared").isEmpty();

        screen.lockNameProperty().set("freeze");
        screen.lockLevelProperty().set(LockLevel.READ_ONLY);
        screen.addLock();

        assertThat(screen.locks()).extracting(ResourceLock::name).containsExactly("freeze", "keep");
        assertThat(screen.lockSummaryProperty().get()).isEqualTo(LOCKED_SUMMARY
                + " A ReadOnly lock also blocks every change: compute can be neither created nor updated.");
        assertThat(screen.explanation(LockLevel.READ_ONLY).get()).isEqualTo("Blocks every change (creating or"
                + " updating compute) and every deletion, and stops the clusters from scaling.");
        assertThat(studio.locks.list(WS)).hasSize(2);

        screen.removeLock(screen.locks().get(0));

        assertThat(screen.locks()).extracting(ResourceLock::name).containsExactly("keep");
        assertThat(screen.lockSummaryProperty().get()).isEqualTo(LOCKED_SUMMARY);
        assertThat(studio.locks.list(WS)).extracting(ResourceLock::name).containsExactly("keep");
    }

    @Test
    void aBadOrTakenLockNameIsReported() {
        WorkspacesViewModel screen = screen();

        screen.lockNameProperty().set("a/b");

        assertThat(screen.lockNameMessageProperty().get())
                .isEqualTo("must be 1 to 260 characters and must not contain < > % & : \\ ? / *");
        assertThat(screen.addLockDisabledProperty().get()).isTrue();

        screen.lockNameProperty().set("keep");
        screen.addLock();
        screen.lockNameProperty().set("keep");
        screen.addLock();

        assertThat(screen.lockErrorProperty().get()).isEqualTo("workspace '" + WS + "' already has a lock named 'keep'");
        assertThat(screen.locks()).hasSize(1);
    }

    @Test
    void refreshShowsChangesMadeElsewhereAndKeepsTheSelection() {
        studio.workspaces.create("ml-prod", null, null);
        shell.refreshWorkspaces();
        WorkspacesViewModel screen = screen();
        screen.select("ml-prod");
        Workspace selected = screen.selectedProperty().get();

        // As the command line would, while the screen is open.
        studio.workspaces.create("aa-first", "westeurope", null);
        studio.locks.create("ml-prod", "keep", LockLevel.READ_ONLY, null);
        studio.workspaces.delete(WS);
        screen.refresh();

        assertThat(names(screen)).containsExactly("aa-first", "ml-prod");
        assertThat(screen.selectedProperty().get()).isSameAs(selected);
        assertThat(screen.locks()).extracting(ResourceLock::name).containsExactly("keep");
        assertThat(screen.lockSummaryProperty().get()).startsWith("Locked:");
        assertThat(shell.selectedWorkspace()).isEqualTo("ml-prod");
    }

    @Test
    void theSelectedWorkspaceDeletedElsewhereGivesWayToThePickersChoice() {
        studio.workspaces.create("ml-prod", null, null);
        shell.refreshWorkspaces();
        WorkspacesViewModel screen = screen();
        screen.select("ml-prod");

        studio.workspaces.delete("ml-prod");
        screen.refresh();
        assertThat(names(screen)).containsExactly(WS);
        assertThat(screen.selectedProperty().get()).as("gone, and the picker does not know yet").isNull();

        shell.refreshWorkspaces();

        assertThat(selectedName(screen)).isEqualTo(WS);
    }

    @Test
    void tableAndPickerSelectionFollowEachOther() {
        studio.workspaces.create("ml-prod", null, null);
        shell.refreshWorkspaces();
        WorkspacesViewModel screen = screen();
        assertThat(selectedName(screen)).isEqualTo(shell.selectedWorkspace()).isEqualTo(WS);

        screen.select("ml-prod");
        assertThat(shell.selectedWorkspace()).isEqualTo("ml-prod");

        shell.selectWorkspace(WS);
        assertThat(selectedName(screen)).isEqualTo(WS);
    }

    @Test
    void aWorkspaceThePickerDoesNotKnowYetIsSelectedThereOnTheNextRefresh() {
        // A shell that reads its list only when told, as the live one does a moment later.
        WorkspacesViewModel screen = new WorkspacesViewModel(studio.workspaces, studio.locks, UiThreads.direct(),
                shell.selectedWorkspaceProperty(), shell::selectWorkspace, () -> workspacesChanged++, messages);
        screen.openForm();
        screen.newNameProperty().set("ml-prod");
        screen.create();
        assertThat(selectedName(screen)).isEqualTo("ml-prod");
        assertThat(shell.selectedWorkspace()).isEqualTo(WS);

        shell.refreshWorkspaces();
        screen.refresh();

        assertThat(shell.selectedWorkspace()).isEqualTo("ml-prod");
        assertThat(selectedName(screen)).isEqualTo("ml-prod");
    }
}
