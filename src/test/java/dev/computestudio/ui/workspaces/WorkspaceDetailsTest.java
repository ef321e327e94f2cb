package dev.computestudio.ui.workspaces;

import dev.computestudio.domain.Workspace;
import dev.computestudio.testing.StudioFixture;
import dev.computestudio.ui.common.Messages;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import static dev.computestudio.testing.StudioFixture.WS;
import static org.assertj.core.api.Assertions.assertThat;

/** The selected workspace's facts as the details pane shows them, for workspaces the real service stored. */
class WorkspaceDetailsTest {

    @TempDir
    Path dataFolder;

    private final SimpleObjectProperty<Locale> language = new SimpleObjectProperty<>(Locale.ENGLISH);
    private final SimpleObjectProperty<Workspace> selected = new SimpleObjectProperty<>();
    private final SimpleStringProperty selectedName = new SimpleStringProperty();
    private StudioFixture studio;
    private WorkspaceDetails details;

    @BeforeEach
    void openStudio() {
        studio = new StudioFixture(dataFolder);
        details = new WorkspaceDetails(selected, selectedName, new Messages(language));
    }

    @AfterEach
    void closeStudio() {
        studio.close();
    }

    private void select(Workspace workspace) {
        selected.set(workspace);
        selectedName.set(workspace == null ? null : workspace.name());
    }

    @Test
    void showsTheSelectedWorkspacesFactsAndIds() {
        Workspace workspace = studio.workspaces.show(WS);

        select(workspace);

        assertThat(details.nameProperty().get()).isEqualTo(WS);
        assertThat(details.locationProperty().get()).isEqualTo("eastus");
        assertThat(details.resourceGroupProperty().get()).isEqualTo("rg-" + WS);
        assertThat(details.subscriptionIdProperty().get()).isEqualTo(workspace.subscriptionId());
        assertThat(details.resourceIdProperty().get()).isEqualTo(workspace.resourceId());
        assertThat(details.createdProperty().get()).isEqualTo(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                .format(workspace.createdAt().atZone(ZoneId.systemDefault())));

        select(null);

        assertThat(details.nameProperty().get()).isEmpty();
        assertThat(details.resourceIdProperty().get()).isEmpty();
        assertThat(details.createdProperty().get()).isEmpty();
    }

    @Test
    void aCopiedIdIsConfirmedInTheUsersLanguageUntilAnotherWorkspaceIsSelected() {
        select(studio.workspaces.show(WS));
        language.set(Locale.forLanguageTag("pt-BR"));

        details.resourceIdCopied();
        assertThat(details.noticeProperty().get()).isEqualTo("ID do recurso copiado para a área de transferência.");

        select(studio.workspaces.create("ml-prod", null, null));

        assertThat(details.noticeProperty().get()).isNull();
    }
}
