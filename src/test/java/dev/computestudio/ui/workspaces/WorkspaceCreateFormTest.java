package dev.computestudio.ui.workspaces;

import dev.computestudio.domain.ConflictException;
import dev.computestudio.domain.Workspace;
import dev.computestudio.testing.StudioFixture;
import dev.computestudio.ui.common.Messages;
import dev.computestudio.ui.common.UiThreads;
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
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The create form's checks as the user types, and what the service says, over the real services and H2. */
class WorkspaceCreateFormTest {

    @TempDir
    Path dataFolder;

    private StudioFixture studio;
    private final List<Workspace> created = new ArrayList<>();
    private WorkspaceCreateForm form;

    @BeforeEach
    void openStudio() {
        studio = new StudioFixture(dataFolder);
        form = new WorkspaceCreateForm(studio.workspaces, new ScreenChanges(UiThreads.direct()),
                new Messages(new SimpleObjectProperty<>(Locale.ENGLISH)), created::add);
        form.openForm();
    }

    @AfterEach
    void closeStudio() {
        studio.close();
    }

    @Test
    void checksTheNameAsTheUserTypes() {
        assertThat(form.openProperty().get()).isTrue();
        assertThat(form.nameMessageProperty().get()).as("nothing typed yet").isNull();
        assertThat(form.createDisabledProperty().get()).isTrue();

        form.nameProperty().set("a!");
        assertThat(form.nameMessageProperty().get())
                .isEqualTo("must be 3 to 33 characters long (it has 2)\nmay contain only letters, digits, '_' and '-'");
        assertThat(form.createDisabledProperty().get()).isTrue();

        form.nameProperty().set("-ml-dev");
        assertThat(form.nameMessageProperty().get()).isEqualTo("must start with a letter or a digit");

        form.nameProperty().set("ml-dev");
        assertThat(form.nameMessageProperty().get()).isNull();
        assertThat(form.createDisabledProperty().get()).isFalse();
        assertThat(form.resourceGroupPromptProperty().get()).isEqualTo("rg-ml-dev");

        form.nameProperty().set("");
        assertThat(form.nameMessageProperty().get()).isEqualTo("a name is required");
        assertThat(form.createDisabledProperty().get()).isTrue();

        form.openForm();
        assertThat(form.nameMessageProperty().get()).as("a fresh form says nothing yet").isNull();
    }

    @Test
    void checksLocationAndResourceGroupAsTheUserTypes() {
        form.nameProperty().set("ml-dev");
        assertThat(form.locationProperty().get()).as("default").isEqualTo("eastus");

        form.locationProperty().set("East US");
        form.resourceGroupProperty().set("rg.");

        assertThat(form.locationMessageProperty().get())
                .isEqualTo("must be a region name in lower case letters and digits, like 'eastus'");
        assertThat(form.resourceGroupMessageProperty().get())
                .isEqualTo("must be 1 to 90 letters, digits, '_', '-', '.', '(' or ')' and must not end with '.'");
        assertThat(form.createDisabledProperty().get()).isTrue();

        form.locationProperty().set("westeurope");
        form.resourceGroupProperty().set("rg-shared");

        assertThat(form.locationMessageProperty().get()).isNull();
        assertThat(form.resourceGroupMessageProperty().get()).isNull();
        assertThat(form.createDisabledProperty().get()).isFalse();
    }

    @Test
    void createsWhatTheFormDescribesAndCloses() {
        form.nameProperty().set("ml-dev");
        form.locationProperty().set("westeurope");
        form.resourceGroupProperty().set("rg-shared");

        form.create();

        assertThat(created).extracting(Workspace::name).containsExactly("ml-dev");
        assertThat(form.openProperty().get()).isFalse();
        Workspace stored = studio.workspaces.show("ml-dev");
        assertThat(stored.location()).isEqualTo("westeurope");
        assertThat(stored.resourceGroup()).isEqualTo("rg-shared");
    }

    @Test
    void createDoesNothingWhileTheFormIsInvalid() {
        form.nameProperty().set("bad name");

        form.create();

        assertThat(studio.workspaces.list()).extracting(Workspace::name).containsExactly(WS);
        assertThat(form.openProperty().get()).isTrue();
        assertThat(created).isEmpty();
    }

    @Test
    void aTakenNameIsReportedWhereTheServiceSaysItBelongsUntilTheUserEdits() {
        ConflictException taken = catchThrowableOfType(ConflictException.class,
                () -> studio.workspaces.create(WS, null, null));
        form.nameProperty().set(WS);

        form.create();

        String reported = WorkspaceCreateForm.NAME.equals(taken.field())
                ? form.nameMessageProperty().get() : form.formErrorProperty().get();
        assertThat(reported).isEqualTo("a workspace named '" + WS + "' already exists");
        assertThat(form.openProperty().get()).isTrue();
        assertThat(created).isEmpty();

        form.nameProperty().set("ml-other");
        assertThat(form.formErrorProperty().get()).as("editing clears it").isNull();
        assertThat(form.nameMessageProperty().get()).isNull();
    }

    @Test
    void cancelClosesTheFormAndForgetsTheServicesAnswer() {
        form.nameProperty().set(WS);
        form.create();

        form.cancelForm();

        assertThat(form.openProperty().get()).isFalse();
        assertThat(form.formErrorProperty().get()).isNull();
        assertThat(form.nameMessageProperty().get()).isNull();
    }
}
