package dev.computestudio.ui.workspaces;

import dev.computestudio.service.LockService;
import dev.computestudio.service.WorkspaceService;
import dev.computestudio.ui.common.Messages;
import dev.computestudio.ui.common.UiThreads;
import javafx.beans.value.ObservableValue;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * The workspaces screen: the {@link WorkspaceList} with delete, the selected workspace's
 * {@link WorkspaceDetails} and {@link LocksPanel}, and the {@link WorkspaceCreateForm}. They share
 * one {@link ScreenChanges}, so the screen is busy while any of their commands runs and no refresh
 * undoes a change on the screen.
 */
public final class WorkspacesViewModel {

    private final WorkspaceList list;
    private final WorkspaceDetails details;
    private final WorkspaceCreateForm createForm;
    private final LocksPanel locks;

    /**
     * Starts reading the workspaces at once, in the background.
     *
     * @param pickerSelection     the shell's selected workspace
     * @param selectInPicker      selects a workspace in the shell's picker; may throw
     *                            IllegalArgumentException while the picker does not know it yet
     * @param onWorkspacesChanged tells the shell to read its workspace list again; called on the FX thread
     */
    public WorkspacesViewModel(WorkspaceService workspaces, LockService locks, UiThreads threads,
                               ObservableValue<String> pickerSelection, Consumer<String> selectInPicker,
                               Runnable onWorkspacesChanged, Messages messages) {
        Objects.requireNonNull(workspaces, "workspaces");
        Objects.requireNonNull(locks, "locks");
        Objects.requireNonNull(messages, "messages");
        ScreenChanges changes = new ScreenChanges(Objects.requireNonNull(threads, "threads"));
        this.list = new WorkspaceList(workspaces, changes, messages,
                Objects.requireNonNull(pickerSelection, "pickerSelection"),
                Objects.requireNonNull(selectInPicker, "selectInPicker"),
                Objects.requireNonNull(onWorkspacesChanged, "onWorkspacesChanged"));
        this.details = new WorkspaceDetails(list.selectedProperty(), list.selectedNameProperty(), messages);
        this.createForm = new WorkspaceCreateForm(workspaces, changes, messages, list::showCreated);
        this.locks = new LocksPanel(locks, changes, list.selectedNameProperty(), messages);
        reload();
    }

    /**
     * Reads the workspaces and the selected workspace's locks again and shows what changed, keeping
     * the selection. The shell calls it off the FX thread about once a second.
     */
    public void refresh() {
        list.refreshNow();
        locks.refreshNow();
    }

    /** Reads everything again in the background (F5). */
    public void reload() {
        list.reload();
        locks.reload();
    }

    public WorkspaceList list() {
        return list;
    }

    public WorkspaceDetails details() {
        return details;
    }

    public WorkspaceCreateForm createForm() {
        return createForm;
    }

    public LocksPanel locks() {
        return locks;
    }
}
