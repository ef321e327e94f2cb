package dev.computestudio.ui.workspaces;

import dev.computestudio.domain.ConflictException;
import dev.computestudio.domain.LockLevel;
import dev.computestudio.domain.ResourceLock;
import dev.computestudio.testing.StudioFixture;
import dev.computestudio.ui.common.Messages;
import dev.computestudio.ui.common.UiThreads;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
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

/** The add-a-lock form: its name checked as the user types, and the service's answer, over the real services. */
class LockFormTest {

    @TempDir
    Path dataFolder;

    private final SimpleStringProperty workspace = new SimpleStringProperty(WS);
    private final List<List<ResourceLock>> shown = new ArrayList<>();
    private StudioFixture studio;
    private LockForm form;

    @BeforeEach
    void openStudio() {
        studio = new StudioFixture(dataFolder);
        form = new LockForm(studio.locks, new ScreenChanges(UiThreads.direct()), workspace,
                new Messages(new SimpleObjectProperty<>(Locale.ENGLISH)), (target, held) -> shown.add(held));
    }

    @AfterEach
    void closeStudio() {
        studio.close();
    }

    @Test
    void aBadNameIsReportedAsTheUserTypes() {
        assertThat(form.addDisabledProperty().get()).as("no name yet").isTrue();
        assertThat(form.nameMessageProperty().get()).as("nothing typed is no mistake yet").isNull();

        form.nameProperty().set("a/b");

        assertThat(form.nameMessageProperty().get())
                .isEqualTo("must be 1 to 260 characters and must not contain < > % & : \\ ? / *");
        assertThat(form.addDisabledProperty().get()).isTrue();

        form.nameProperty().set("keep");

        assertThat(form.nameMessageProperty().get()).isNull();
        assertThat(form.addDisabledProperty().get()).isFalse();
    }

    @Test
    void addsTheLockTheFormDescribesAndClearsTheForm() {
        form.nameProperty().set(" keep ");
        form.levelProperty().set(LockLevel.READ_ONLY);
        form.notesProperty().set("audit");

        form.add();

        assertThat(studio.locks.list(WS)).singleElement().satisfies(lock -> {
            assertThat(lock.name()).isEqualTo("keep");
            assertThat(lock.level()).isEqualTo(LockLevel.READ_ONLY);
            assertThat(lock.notes()).isEqualTo("audit");
        });
        assertThat(shown).singleElement().satisfies(held -> assertThat(held).extracting(ResourceLock::name)
                .containsExactly("keep"));
        assertThat(form.nameProperty().get()).isEmpty();
        assertThat(form.notesProperty().get()).isEmpty();
    }

    @Test
    void aTakenNameIsReportedWhereTheServiceSaysItBelongsUntilTheUserEdits() {
        studio.locks.create(WS, "keep", LockLevel.CAN_NOT_DELETE, null);
        ConflictException taken = catchThrowableOfType(ConflictException.class,
                () -> studio.locks.create(WS, "keep", LockLevel.CAN_NOT_DELETE, null));
        form.nameProperty().set("keep");

        form.add();

        String reported = LockForm.NAME.equals(taken.field())
                ? form.nameMessageProperty().get() : form.errorProperty().get();
        assertThat(reported).isEqualTo("workspace '" + WS + "' already has a lock named 'keep'");
        assertThat(studio.locks.list(WS)).hasSize(1);
        assertThat(shown).isEmpty();

        form.nameProperty().set("keep-2");

        assertThat(form.errorProperty().get()).isNull();
        assertThat(form.nameMessageProperty().get()).isNull();
    }

    @Test
    void nothingIsAddedWithoutASelectedWorkspace() {
        form.nameProperty().set("keep");
        workspace.set(null);

        form.add();

        assertThat(form.addDisabledProperty().get()).isTrue();
        assertThat(studio.locks.list(WS)).isEmpty();
    }
}
