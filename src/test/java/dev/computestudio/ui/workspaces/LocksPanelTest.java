package dev.computestudio.ui.workspaces;

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
import java.util.Locale;

import static dev.computestudio.testing.StudioFixture.WS;
import static org.assertj.core.api.Assertions.assertThat;

/** The selected workspace's locks: listed with what they block, added and removed through the real services. */
class LocksPanelTest {

    private static final String LOCKED_SUMMARY = "Locked: a lock on the resource group stops the clusters from scaling"
            + " (they stay \"Resizing 0 -> 0\", as the Azure docs warn) and blocks deleting the workspace.";

    @TempDir
    Path dataFolder;

    private final SimpleObjectProperty<Locale> language = new SimpleObjectProperty<>(Locale.ENGLISH);
    private final SimpleStringProperty selected = new SimpleStringProperty(WS);
    private StudioFixture studio;
    private LocksPanel panel;

    @BeforeEach
    void openStudio() {
        studio = new StudioFixture(dataFolder);
        panel = new LocksPanel(studio.locks, new ScreenChanges(UiThreads.direct()), selected, new Messages(language));
        panel.reload();
    }

    @AfterEach
    void closeStudio() {
        studio.close();
    }

    private void add(String name, LockLevel level, String notes) {
        panel.form().nameProperty().set(name);
        panel.form().levelProperty().set(level);
        panel.form().notesProperty().set(notes);
        panel.addLock();
    }

    @Test
    void locksAreListedWithWhatTheyBlock() {
        assertThat(panel.summaryProperty().get()).isEqualTo("No locks: the clusters of this workspace can scale,"
                + " and the workspace can be deleted once it holds no compute.");

        add("keep", LockLevel.CAN_NOT_DELETE, "production data");

        assertThat(panel.locks()).singleElement().satisfies(lock -> {
            assertThat(lock.name()).isEqualTo("keep");
            assertThat(lock.level()).isEqualTo(LockLevel.CAN_NOT_DELETE);
            assertThat(lock.notes()).isEqualTo("production data");
        });
        assertThat(panel.summaryProperty().get()).isEqualTo(LOCKED_SUMMARY);
        assertThat(panel.levelName(LockLevel.CAN_NOT_DELETE).get()).isEqualTo("CanNotDelete");
        assertThat(panel.explanation(LockLevel.CAN_NOT_DELETE).get()).isEqualTo("Blocks deleting the workspace and"
                + " its compute, and stops the clusters from scaling.");

        add("freeze", LockLevel.READ_ONLY, "");

        assertThat(panel.locks()).extracting(ResourceLock::name).containsExactly("freeze", "keep");
        assertThat(panel.summaryProperty().get()).isEqualTo(LOCKED_SUMMARY
                + " A ReadOnly lock also blocks every change: compute can be neither created nor updated.");
        assertThat(panel.explanation(LockLevel.READ_ONLY).get()).isEqualTo("Blocks every change (creating or"
                + " updating compute) and every deletion, and stops the clusters from scaling.");
        assertThat(studio.locks.list(WS)).hasSize(2);

        panel.removeLock(panel.locks().get(0));

        assertThat(panel.locks()).extracting(ResourceLock::name).containsExactly("keep");
        assertThat(panel.summaryProperty().get()).isEqualTo(LOCKED_SUMMARY);
        assertThat(studio.locks.list(WS)).extracting(ResourceLock::name).containsExactly("keep");
    }

    @Test
    void levelsAndWhatLocksBlockAreSaidInTheUsersLanguage() {
        add("freeze", LockLevel.READ_ONLY, "");

        language.set(Locale.forLanguageTag("pt-BR"));

        assertThat(panel.levelName(LockLevel.READ_ONLY).get()).isEqualTo("Somente leitura (ReadOnly)");
        assertThat(panel.levelName(LockLevel.CAN_NOT_DELETE).get()).isEqualTo("Não excluir (CanNotDelete)");
        assertThat(panel.summaryProperty().get()).startsWith("Bloqueado:")
                .endsWith("Um bloqueio ReadOnly também impede qualquer alteração: não é possível criar nem atualizar"
                        + " computação.");
        assertThat(panel.explanation(LockLevel.READ_ONLY).get()).startsWith("Impede qualquer alteração");
    }

    @Test
    void aLockRemovedElsewhereMeanwhileIsSimplyGone() {
        add("keep", LockLevel.CAN_NOT_DELETE, "");
        ResourceLock shown = panel.locks().get(0);
        studio.locks.delete(WS, "keep");

        panel.removeLock(shown);

        assertThat(panel.locks()).isEmpty();
        assertThat(panel.errorProperty().get()).isNull();
    }

    @Test
    void anotherWorkspaceShowsItsOwnLocksAndForgetsTheLastError() {
        add("keep", LockLevel.CAN_NOT_DELETE, "");
        add("keep", LockLevel.CAN_NOT_DELETE, "");
        studio.workspaces.create("ml-prod", null, null);
        studio.locks.create("ml-prod", "freeze", LockLevel.READ_ONLY, null);

        selected.set("ml-prod");

        assertThat(panel.locks()).extracting(ResourceLock::name).containsExactly("freeze");
        assertThat(panel.errorProperty().get()).isNull();
        assertThat(panel.form().nameMessageProperty().get())
                .as("the service's answer was about the other workspace").isNull();

        selected.set(null);

        assertThat(panel.locks()).isEmpty();
        assertThat(panel.summaryProperty().get()).isEmpty();
        assertThat(panel.form().addDisabledProperty().get()).as("no workspace to lock").isTrue();
    }

    @Test
    void aLockPointedAtStandsOutUntilAnotherWorkspaceIsSelected() {
        panel.reveal("no-delete");
        add("no-delete", LockLevel.CAN_NOT_DELETE, "");

        assertThat(panel.revealedProperty().get()).isEqualTo(panel.locks().get(0).name());

        studio.workspaces.create("ml-prod", null, null);
        selected.set("ml-prod");

        assertThat(panel.revealedProperty().get()).isNull();
    }

    @Test
    void refreshShowsLocksAddedElsewhere() {
        studio.locks.create(WS, "from-the-cli", LockLevel.CAN_NOT_DELETE, null);

        panel.refreshNow();

        assertThat(panel.locks()).extracting(ResourceLock::name).containsExactly("from-the-cli");
    }
}
