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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static dev.computestudio.testing.StudioFixture.WS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The workspaces screen as a whole over the real services and H2, with the real shell view-model
 * as the workspace picker: how its list, details, create form and locks work together. Every
 * executor runs on the test's thread.
 */
class WorkspacesViewModelTest {

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
        return screen.list().workspaces().stream().map(Workspace::name).toList();
    }

    private static String selectedName(WorkspacesViewModel screen) {
        return screen.list().selectedNameProperty().get();
    }

    @Test
    void listsTheWorkspacesAndShowsThePickersOneWithItsIdsAndLocks() {
        studio.locks.create(WS, "keep", LockLevel.CAN_NOT_DELETE, null);

        WorkspacesViewModel screen = screen();

        assertThat(names(screen)).containsExactly(WS);
        assertThat(selectedName(screen)).isEqualTo(WS);
        Workspace workspace = studio.workspaces.show(WS);
        assertThat(screen.details().nameProperty().get()).isEqualTo(WS);
        assertThat(screen.details().locationProperty().get()).isEqualTo("eastus");
        assertThat(screen.details().resourceGroupProperty().get()).isEqualTo("rg-" + WS);
        assertThat(screen.details().subscriptionIdProperty().get()).isEqualTo(workspace.subscriptionId()).isNotBlank();
        assertThat(screen.details().resourceIdProperty().get()).isEqualTo(workspace.resourceId())
                .isEqualTo("/subscriptions/" + workspace.subscriptionId() + "/resourceGroups/rg-" + WS
                        + "/providers/Microsoft.MachineLearningServices/workspaces/" + WS);
        assertThat(screen.locks().locks()).extracting(ResourceLock::name).containsExactly("keep");
        assertThat(screen.list().deleteDisabledProperty().get()).isFalse();
    }

    @Test
    void createAddsTheRowSelectsItAndTellsTheShell() {
        WorkspacesViewModel screen = screen();
        WorkspaceCreateForm form = screen.createForm();
        form.openForm();
        form.nameProperty().set("ml-prod");

        form.create();

        assertThat(names(screen)).containsExactly("ml-prod", WS);
        assertThat(selectedName(screen)).isEqualTo("ml-prod");
        assertThat(form.openProperty().get()).isFalse();
        assertThat(workspacesChanged).isEqualTo(1);
        assertThat(shell.workspaces()).contains("ml-prod");
        assertThat(shell.selectedWorkspace()).as("the picker follows").isEqualTo("ml-prod");
        Workspace created = studio.workspaces.show("ml-prod");
        assertThat(created.location()).isEqualTo("eastus");
        assertThat(created.resourceGroup()).isEqualTo("rg-ml-prod");
        assertThat(screen.details().resourceIdProperty().get()).isEqualTo(created.resourceId());
        assertThat(screen.locks().summaryProperty().get()).as("the new workspace's locks are shown")
                .startsWith("No locks");
    }

    @Test
    void deleteIsRefusedWhileLockedWithTheReasonAndWorksOnceTheLockIsRemoved() {
        WorkspacesViewModel screen = screen();
        screen.locks().form().nameProperty().set("keep");
        screen.locks().addLock();
        assertThat(screen.locks().locks()).extracting(ResourceLock::name).containsExactly("keep");

        screen.list().deleteSelected();

        assertThat(screen.list().deleteErrorProperty().get()).isEqualTo("workspace '" + WS + "' cannot be deleted:"
                + " its resource group has a CanNotDelete lock 'keep'; delete the lock first");
        assertThat(names(screen)).containsExactly(WS);
        assertThat(selectedName(screen)).isEqualTo(WS);
        assertThat(workspacesChanged).isZero();

        screen.locks().removeLock(screen.locks().locks().get(0));
        assertThat(screen.locks().locks()).isEmpty();
        screen.list().deleteSelected();

        assertThat(screen.list().deleteErrorProperty().get()).isNull();
        assertThat(screen.list().workspaces()).isEmpty();
        assertThat(screen.list().selectedProperty().get()).isNull();
        assertThat(screen.details().nameProperty().get()).isEmpty();
        assertThat(screen.locks().summaryProperty().get()).isEmpty();
        assertThat(screen.list().deleteDisabledProperty().get()).isTrue();
        assertThat(workspacesChanged).isEqualTo(1);
        assertThat(studio.workspaces.list()).isEmpty();
        assertThat(shell.workspaces()).isEmpty();
    }

    @Test
    void refreshShowsChangesMadeElsewhereAndKeepsTheSelection() {
        studio.workspaces.create("ml-prod", null, null);
        shell.refreshWorkspaces();
        WorkspacesViewModel screen = screen();
        screen.list().select("ml-prod");
        Workspace selected = screen.list().selectedProperty().get();

        // As the command line would, while the screen is open.
        studio.workspaces.create("aa-first", "westeurope", null);
        studio.locks.create("ml-prod", "keep", LockLevel.READ_ONLY, null);
        studio.workspaces.delete(WS);
        screen.refresh();

        assertThat(names(screen)).containsExactly("aa-first", "ml-prod");
        assertThat(screen.list().selectedProperty().get()).isSameAs(selected);
        assertThat(screen.locks().locks()).extracting(ResourceLock::name).containsExactly("keep");
        assertThat(screen.locks().summaryProperty().get()).startsWith("Locked:");
        assertThat(shell.selectedWorkspace()).isEqualTo("ml-prod");
    }

    @Test
    void aWorkspaceThePickerDoesNotKnowYetIsSelectedThereOnTheNextRefresh() {
        // A shell that reads its list only when told, as the live one does a moment later.
        WorkspacesViewModel screen = new WorkspacesViewModel(studio.workspaces, studio.locks, UiThreads.direct(),
                shell.selectedWorkspaceProperty(), shell::selectWorkspace, () -> workspacesChanged++, messages);
        screen.createForm().openForm();
        screen.createForm().nameProperty().set("ml-prod");
        screen.createForm().create();
        assertThat(selectedName(screen)).isEqualTo("ml-prod");
        assertThat(shell.selectedWorkspace()).isEqualTo(WS);

        shell.refreshWorkspaces();
        screen.refresh();

        assertThat(shell.selectedWorkspace()).isEqualTo("ml-prod");
        assertThat(selectedName(screen)).isEqualTo("ml-prod");
    }

    @Test
    void aCommandMakesTheWholeScreenBusyUntilItsAnswerArrives() {
        List<Runnable> pending = new ArrayList<>();
        WorkspacesViewModel screen = new WorkspacesViewModel(studio.workspaces, studio.locks,
                new UiThreads(pending::add, Runnable::run), shell.selectedWorkspaceProperty(), shell::selectWorkspace,
                () -> workspacesChanged++, messages);
        runAll(pending);
        screen.locks().form().nameProperty().set("keep");
        screen.createForm().nameProperty().set("ml-dev");
        assertThat(screen.createForm().createDisabledProperty().get()).isFalse();

        screen.locks().addLock();

        assertThat(screen.locks().busyProperty().get()).isTrue();
        assertThat(screen.list().deleteDisabledProperty().get()).as("no delete while a lock is added").isTrue();
        assertThat(screen.createForm().createDisabledProperty().get()).isTrue();
        runAll(pending);
        assertThat(screen.createForm().createDisabledProperty().get()).isFalse();
        assertThat(screen.locks().busyProperty().get()).isFalse();
        assertThat(screen.list().deleteDisabledProperty().get()).isFalse();
        assertThat(screen.locks().locks()).extracting(ResourceLock::name).containsExactly("keep");
    }

    private static void runAll(List<Runnable> pending) {
        while (!pending.isEmpty()) {
            pending.remove(0).run();
        }
    }
}
