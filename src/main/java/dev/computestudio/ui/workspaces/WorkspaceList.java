package dev.computestudio.ui.workspaces;

import dev.computestudio.domain.Workspace;
import dev.computestudio.service.WorkspaceService;
import dev.computestudio.ui.common.FieldProblems;
import dev.computestudio.ui.common.Messages;
import dev.computestudio.ui.common.Refusal;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The table of workspaces, the selected one, and delete. The selected workspace is the shell's:
 * selecting a row selects it in the shell's picker, and a change of the picker selects the row.
 */
public final class WorkspaceList {

    private static final DateTimeFormatter CREATED_DAY =
            DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneId.systemDefault());
    /** Whatever field a refusal of a delete names, it is about the delete. */
    private static final String DELETE = "delete";

    private final WorkspaceService workspaces;
    private final ScreenChanges changes;
    private final Messages messages;
    private final ObservableValue<String> pickerSelection;
    private final Consumer<String> selectInPicker;
    private final Runnable onWorkspacesChanged;
    private final FieldProblems deleteProblems;
    private boolean changingRows;
    private String pickerPending;

    // Properties
    private final ObservableList<Workspace> rows = FXCollections.observableArrayList();
    private final ObservableList<Workspace> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyObjectWrapper<Workspace> selected = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper selectedName = new ReadOnlyStringWrapper();
    private final StringBinding deleteError;
    private final BooleanBinding deleteDisabled;

    /**
     * @param pickerSelection     the shell's selected workspace
     * @param selectInPicker      selects a workspace in the shell's picker; may throw
     *                            IllegalArgumentException while the picker does not know it yet
     * @param onWorkspacesChanged tells the shell to read its workspace list again; called on the FX thread
     */
    WorkspaceList(WorkspaceService workspaces, ScreenChanges changes, Messages messages,
                  ObservableValue<String> pickerSelection, Consumer<String> selectInPicker,
                  Runnable onWorkspacesChanged) {
        this.workspaces = workspaces;
        this.changes = changes;
        this.messages = messages;
        this.pickerSelection = pickerSelection;
        this.selectInPicker = selectInPicker;
        this.onWorkspacesChanged = onWorkspacesChanged;
        deleteProblems = new FieldProblems(messages, field -> DELETE);
        deleteError = deleteProblems.text(DELETE);
        deleteDisabled = selected.isNull().or(changes.busyProperty());
        selectedName.addListener((observable, old, now) -> deleteProblems.clear());
        pickerSelection.addListener((observable, old, now) -> pickerChanged(now));
    }

    // Commands

    /** Reads the workspaces again on the calling thread: the shell's refresh, off the FX thread. */
    void refreshNow() {
        changes.readNow(workspaces::list, this::showWorkspaces);
    }

    /** Reads the workspaces again in the background. */
    void reload() {
        changes.read(workspaces::list, this::showWorkspaces);
    }

    /** The user selected a row; the shell's picker follows. */
    public void select(String name) {
        if (changingRows || name == null || name.equals(selectedName.get())) {
            return;
        }
        find(name).ifPresent(workspace -> {
            show(workspace);
            pushToPicker(name);
        });
    }

    /** Deletes the selected workspace; when the service refuses, {@link #deleteErrorProperty()} says why. */
    public void deleteSelected() {
        Workspace target = selected.get();
        if (target == null || deleteDisabled.get()) {
            return;
        }
        deleteProblems.clear();
        changes.make(() -> {
            workspaces.delete(target.name());
            return target;
        }, this::deleted, refusal -> {
            deleteProblems.show(refusal);
            if (refusal.kind() == Refusal.Kind.NOT_FOUND) {
                reload();
            }
        });
    }

    public void dismissDeleteError() {
        deleteProblems.clear();
    }

    /** A workspace the create form made: listed, selected here and in the shell's picker. */
    void showCreated(Workspace workspace) {
        changeRows(() -> {
            rows.removeIf(row -> row.name().equals(workspace.name()));
            int at = 0;
            while (at < rows.size() && rows.get(at).name().compareTo(workspace.name()) < 0) {
                at++;
            }
            rows.add(at, workspace);
        });
        show(workspace);
        onWorkspacesChanged.run();
        pushToPicker(workspace.name());
    }

    // Display texts

    /** How the table shows when a workspace was created: the day is enough there, in this machine's zone. */
    public String createdDay(Workspace workspace) {
        return CREATED_DAY.format(workspace.createdAt());
    }

    /** The question the delete confirmation asks about the selected workspace. */
    public String deleteQuestion() {
        Workspace target = selected.get();
        return target == null ? "" : messages.render("workspaces.delete.confirm.header", target.name());
    }

    // State changes, on the FX thread

    private void deleted(Workspace deleted) {
        changeRows(() -> rows.removeIf(row -> row.name().equals(deleted.name())));
        if (deleted.name().equals(selectedName.get())) {
            show(null);
        }
        onWorkspacesChanged.run();
    }

    private void showWorkspaces(List<Workspace> list) {
        changeRows(() -> {
            Set<String> names = list.stream().map(Workspace::name).collect(Collectors.toSet());
            rows.removeIf(row -> !names.contains(row.name()));
            for (int i = 0; i < list.size(); i++) {
                Workspace fresh = list.get(i);
                if (i < rows.size() && rows.get(i).name().equals(fresh.name())) {
                    if (!rows.get(i).equals(fresh)) {
                        rows.set(i, fresh);
                    }
                } else {
                    rows.removeIf(row -> row.name().equals(fresh.name()));
                    rows.add(i, fresh);
                }
            }
        });
        Workspace current = selected.get();
        if (current != null) {
            Optional<Workspace> fresh = find(current.name());
            if (fresh.isEmpty()) {
                show(null);
            } else if (!fresh.get().equals(current)) {
                selected.set(fresh.get());
            }
        }
        if (pickerPending != null) {
            if (find(pickerPending).isPresent()) {
                pushToPicker(pickerPending);
            } else {
                pickerPending = null;
            }
        }
        followPicker();
    }

    /** The picker changed, by the user or by the shell: its workspace is selected here too. */
    private void pickerChanged(String name) {
        pickerPending = null;
        if (name != null && !name.equals(selectedName.get())) {
            find(name).ifPresent(this::show);
        }
    }

    /**
     * Selects the picker's workspace when it differs, e.g. one created elsewhere that this screen
     * had not listed yet; not while the picker has still to learn this screen's own choice.
     */
    private void followPicker() {
        String wanted = pickerSelection.getValue();
        if (pickerPending == null && wanted != null && !wanted.equals(selectedName.get())) {
            find(wanted).ifPresent(this::show);
        }
    }

    private void pushToPicker(String name) {
        try {
            selectInPicker.accept(name);
            pickerPending = null;
        } catch (IllegalArgumentException notKnownYet) {
            // The picker reads its list again after onWorkspacesChanged; try again on the next refresh.
            pickerPending = name;
        }
    }

    private void show(Workspace workspace) {
        selected.set(workspace);
        selectedName.set(workspace == null ? null : workspace.name());
    }

    /** Changes the rows; selection changes the table makes meanwhile are not the user's. */
    private void changeRows(Runnable change) {
        changingRows = true;
        try {
            change.run();
        } finally {
            changingRows = false;
        }
    }

    private Optional<Workspace> find(String name) {
        return rows.stream().filter(row -> row.name().equals(name)).findFirst();
    }

    // Read-only views

    /** The workspaces by name; unmodifiable, updated in place. */
    public ObservableList<Workspace> workspaces() {
        return rowsView;
    }

    public ReadOnlyObjectProperty<Workspace> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** The selected workspace's name; changes only when another workspace is selected. */
    public ReadOnlyStringProperty selectedNameProperty() {
        return selectedName.getReadOnlyProperty();
    }

    /** Why the last delete was refused, in the current language; null when it was not. */
    public StringBinding deleteErrorProperty() {
        return deleteError;
    }

    public BooleanBinding deleteDisabledProperty() {
        return deleteDisabled;
    }
}
