package dev.computestudio.ui.workspaces;

import dev.computestudio.domain.LockLevel;
import dev.computestudio.domain.ResourceLock;
import dev.computestudio.service.LockService;
import dev.computestudio.ui.common.FieldProblems;
import dev.computestudio.ui.common.Messages;
import dev.computestudio.ui.common.Refusal;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.Objects;

/**
 * The selected workspace's resource locks, with what they block in plain words, adding one through
 * {@link LockForm} and removing one. A refusal of either is the panel's error.
 */
public final class LocksPanel {

    /** Whatever field a refusal of a removal names, it is about the removal. */
    private static final String REMOVE = "remove";

    private final LockService locks;
    private final ScreenChanges changes;
    private final Messages messages;
    private final ObservableValue<String> selectedName;
    private final LockForm form;
    private final FieldProblems removeProblems;
    // The workspace whose locks are shown, for the refresh that runs off the FX thread.
    private volatile String shown;

    // Properties
    private final ObservableList<ResourceLock> rows = FXCollections.observableArrayList();
    private final ObservableList<ResourceLock> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final StringBinding summary;
    private final StringBinding error;
    private final ReadOnlyStringWrapper revealed = new ReadOnlyStringWrapper();

    /** @param selectedName the selected workspace's name */
    LocksPanel(LockService locks, ScreenChanges changes, ObservableValue<String> selectedName, Messages messages) {
        this.locks = locks;
        this.changes = changes;
        this.messages = messages;
        this.selectedName = selectedName;
        form = new LockForm(locks, changes, selectedName, messages, this::showLocks);
        removeProblems = new FieldProblems(messages, field -> REMOVE);
        StringBinding removeError = removeProblems.text(REMOVE);
        StringBinding addError = form.errorProperty();
        error = Bindings.createStringBinding(() -> removeError.get() != null ? removeError.get() : addError.get(),
                removeError, addError);
        summary = Bindings.createStringBinding(this::describe, rows, selectedName, messages.bundleProperty());
        shown = selectedName.getValue();
        selectedName.addListener((observable, old, now) -> selectionChanged(now));
    }

    // Commands

    /** Reads the locks again on the calling thread: the shell's refresh, off the FX thread. */
    void refreshNow() {
        String workspace = shown;
        if (workspace != null) {
            changes.readNow(() -> locks.list(workspace), held -> showLocks(workspace, held));
        }
    }

    /** Reads the locks again in the background. */
    void reload() {
        String workspace = shown;
        if (workspace != null) {
            changes.read(() -> locks.list(workspace), held -> showLocks(workspace, held));
        }
    }

    /** Adds the lock {@link #form()} describes. */
    public void addLock() {
        removeProblems.clear();
        form.add();
    }

    public void removeLock(ResourceLock lock) {
        Objects.requireNonNull(lock, "lock");
        removeProblems.clear();
        form.forgetServiceAnswer();
        changes.make(() -> {
            locks.delete(lock.workspace(), lock.name());
            return locks.list(lock.workspace());
        }, held -> showLocks(lock.workspace(), held), refusal -> {
            if (refusal.kind() == Refusal.Kind.NOT_FOUND) {
                // Someone else removed it already: the outcome the user asked for.
                reload();
            } else {
                removeProblems.show(refusal);
            }
        });
    }

    /**
     * Points at a lock of the selected workspace (the one a demo step or a notice is about); it stands
     * out once a read lists it, until another workspace is selected.
     */
    public void reveal(String lockName) {
        revealed.set(Objects.requireNonNull(lockName, "lockName"));
    }

    public void dismissError() {
        removeProblems.clear();
        form.forgetServiceAnswer();
    }

    // Display texts

    /** What a lock of this level blocks, in the current language. */
    public StringBinding explanation(LockLevel level) {
        return messages.text("locks.blocks." + level.name());
    }

    /** A level's name in the current language. */
    public StringBinding levelName(LockLevel level) {
        return Bindings.createStringBinding(() -> messages.display(level), messages.bundleProperty());
    }

    // State changes, on the FX thread

    private void selectionChanged(String workspace) {
        shown = workspace;
        revealed.set(null);
        rows.clear();
        dismissError();
        reload();
    }

    private void showLocks(String workspace, List<ResourceLock> held) {
        if (workspace.equals(shown) && !rows.equals(held)) {
            rows.setAll(held);
        }
    }

    private String describe() {
        if (selectedName.getValue() == null) {
            return "";
        }
        if (rows.isEmpty()) {
            return messages.get("locks.summary.none");
        }
        String summaryText = messages.get("locks.summary.locked");
        boolean readOnly = rows.stream().anyMatch(lock -> lock.level() == LockLevel.READ_ONLY);
        return readOnly ? summaryText + " " + messages.get("locks.summary.readOnly") : summaryText;
    }

    // Read-only views

    /** The selected workspace's locks, by name; unmodifiable. */
    public ObservableList<ResourceLock> locks() {
        return rowsView;
    }

    public LockForm form() {
        return form;
    }

    /** What the selected workspace's locks block, in plain words; empty with no selection. */
    public StringBinding summaryProperty() {
        return summary;
    }

    /** Why the last lock change was refused; null when it was not. */
    public StringBinding errorProperty() {
        return error;
    }

    /** The name of the lock {@link #reveal pointed at}; null when none. */
    public ReadOnlyStringProperty revealedProperty() {
        return revealed.getReadOnlyProperty();
    }

    /** A change is running: locks cannot be removed meanwhile. */
    public ReadOnlyBooleanProperty busyProperty() {
        return changes.busyProperty();
    }
}
