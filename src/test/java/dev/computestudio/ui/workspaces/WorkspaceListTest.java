package dev.computestudio.ui.workspaces;

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
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import static dev.computestudio.testing.StudioFixture.WS;
import static org.assertj.core.api.Assertions.assertThat;

/** The workspaces table, its selection shared with the shell's picker, and delete; over the real services and H2. */
class WorkspaceListTest {

    @TempDir
    Path dataFolder;

    private final SimpleObjectProperty<Locale> language = new SimpleObjectProperty<>(Locale.ENGLISH);
    private StudioFixture studio;
    private ShellViewModel shell;
    private int workspacesChanged;

    @BeforeEach
    void openStudio() {
        studio = new StudioFixture(dataFolder);
        studio.workspaces.create("ml-prod", null, null);
        shell = new ShellViewModel(new PreferencesService(studio.db.settings(), Locale.US), studio.workspaces::list,
                new ShellViewModel.RunStatus(dataFolder, "process", EngineStatus.NOT_RUNNING), UiThreads.direct());
        shell.refreshWorkspaces();
    }

    @AfterEach
    void closeStudio() {
        studio.close();
    }

    private WorkspaceList list() {
        WorkspaceList list = new WorkspaceList(studio.workspaces, new ScreenChanges(UiThreads.direct()),
                new Messages(language), shell.selectedWorkspaceProperty(), shell::selectWorkspace, () -> {
                    workspacesChanged++;
                    shell.refreshWorkspaces();
                });
        list.reload();
        return list;
    }

    private static List<String> names(WorkspaceList list) {
        return list.workspaces().stream().map(Workspace::name).toList();
    }

    @Test
    void listsTheWorkspacesByNameWithThePickersOneSelected() {
        WorkspaceList list = list();

        assertThat(names(list)).containsExactly("ml-prod", WS);
        assertThat(list.selectedNameProperty().get()).isEqualTo(shell.selectedWorkspace()).isEqualTo("ml-prod");
        Workspace prod = studio.workspaces.show("ml-prod");
        assertThat(list.createdDay(prod)).isEqualTo(
                DateTimeFormatter.ofPattern("yyyy-MM-dd").format(prod.createdAt().atZone(ZoneId.systemDefault())));
    }

    @Test
    void tableAndPickerSelectionFollowEachOther() {
        WorkspaceList list = list();

        list.select(WS);
        assertThat(shell.selectedWorkspace()).isEqualTo(WS);
        assertThat(list.selectedProperty().get().name()).isEqualTo(WS);

        shell.selectWorkspace("ml-prod");
        assertThat(list.selectedNameProperty().get()).isEqualTo("ml-prod");
    }

    @Test
    void theSelectedWorkspaceDeletedElsewhereGivesWayToThePickersChoice() {
        WorkspaceList list = list();

        studio.workspaces.delete("ml-prod");
        list.refreshNow();
        assertThat(names(list)).containsExactly(WS);
        assertThat(list.selectedProperty().get()).as("gone, and the picker does not know yet").isNull();

        shell.refreshWorkspaces();

        assertThat(list.selectedNameProperty().get()).isEqualTo(WS);
    }

    @Test
    void deleteIsRefusedWhileTheWorkspaceHoldsComputeAndTheQuestionNamesIt() {
        studio.createCluster("cpu-cluster", StudioFixture.dedicated(StudioFixture.DS3, 0, 2));
        WorkspaceList list = list();
        list.select(WS);
        assertThat(list.deleteQuestion()).isEqualTo("Delete the workspace '" + WS + "'?");

        list.deleteSelected();

        assertThat(list.deleteErrorProperty().get()).isEqualTo("workspace '" + WS + "' cannot be deleted: it still"
                + " holds 1 compute resource(s); delete or detach them first");
        assertThat(names(list)).containsExactly("ml-prod", WS);
        assertThat(workspacesChanged).isZero();

        list.select("ml-prod");
        assertThat(list.deleteErrorProperty().get()).as("another workspace, another question").isNull();
    }

    @Test
    void aWorkspaceDeletedElsewhereIsDroppedWhenTheUserDeletesItToo() {
        WorkspaceList list = list();
        studio.workspaces.delete("ml-prod");

        list.deleteSelected();

        assertThat(names(list)).as("read again").containsExactly(WS);
        assertThat(list.selectedProperty().get()).isNull();
        assertThat(list.deleteErrorProperty().get()).as("nothing left to explain: it is gone").isNull();
        assertThat(studio.workspaces.list()).extracting(Workspace::name).containsExactly(WS);
    }

    @Test
    void theDeleteQuestionIsAskedInTheUsersLanguage() {
        WorkspaceList list = list();

        language.set(Locale.forLanguageTag("pt-BR"));

        assertThat(list.deleteQuestion()).isEqualTo("Excluir o espaço de trabalho 'ml-prod'?");
    }
}
