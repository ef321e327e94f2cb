package dev.computestudio.ui.workspaces;

import dev.computestudio.domain.ConflictException;
import dev.computestudio.domain.LockLevel;
import dev.computestudio.domain.NameRules;
import dev.computestudio.domain.NotFoundException;
import dev.computestudio.domain.Problem;
import dev.computestudio.domain.ResourceLock;
import dev.computestudio.domain.ValidationException;
import dev.computestudio.domain.Workspace;
import dev.computestudio.service.LockService;
import dev.computestudio.service.WorkspaceService;
import dev.computestudio.ui.common.Messages;
import dev.computestudio.ui.common.UiThreads;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The workspaces screen: the list of workspaces, the selected one's ids and resource locks, the
 * create form with its name checked as the user types, delete, and adding and removing locks.
 *
 * <p>Commands are called on the FX thread; they call the services on {@code threads.background()}
 * and apply the outcome on {@code threads.fx()}. {@link #refresh()} is the exception: the shell
 * calls it off the FX thread about once a second, so it reads the services directly.
 *
 * <p>The selected workspace is the shell's: selecting a row selects it in the shell's picker, and
 * a change of the picker selects the row.
 */
public final class WorkspacesViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(WorkspacesViewModel.class);
    private static final DateTimeFormatter CREATED =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter CREATED_DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneId.systemDefault());
    private static final String NAME = "name";
    private static final String LOCATION = "location";
    private static final String RESOURCE_GROUP = "resourceGroup";

    private final WorkspaceService workspaces;
    private final LockService locks;
    private final UiThreads threads;
    private final Messages messages;
    private final ObservableValue<String> pickerSelection;
    private final Consumer<String> selectInPicker;
    private final Runnable onWorkspacesChanged;

    // Read by refresh() off the FX thread, written on it.
    private volatile String selectedName;
    // Counts changes made by this screen's commands; a refresh that read the storage before one of
    // them finished is dropped instead of undoing it on the screen for a second.
    private volatile long changes;
    private boolean changingRows;
    private String pickerPending;

    // Properties
    private final ObservableList<Workspace> rows = FXCollections.observableArrayList();
    private final ObservableList<Workspace> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyObjectWrapper<Workspace> selected = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper location = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper subscriptionId = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper resourceGroup = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper resourceId = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper created = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper deleteError = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();

    // The create form
    private final ReadOnlyBooleanWrapper formOpen = new ReadOnlyBooleanWrapper();
    private final StringProperty newName = new SimpleStringProperty("");
    private final StringProperty newLocation = new SimpleStringProperty(Workspace.DEFAULT_LOCATION);
    private final StringProperty newResourceGroup = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper nameMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper locationMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper resourceGroupMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper formError = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper formValid = new ReadOnlyBooleanWrapper();
    private final StringBinding resourceGroupPrompt;
    private final BooleanBinding createDisabled;
    private boolean nameTouched;

    // Locks of the selected workspace
    private final ObservableList<ResourceLock> lockRows = FXCollections.observableArrayList();
    private final ObservableList<ResourceLock> lockRowsView = FXCollections.unmodifiableObservableList(lockRows);
    private final StringProperty lockName = new SimpleStringProperty("");
    private final ObjectProperty<LockLevel> lockLevel = new SimpleObjectProperty<>(LockLevel.CAN_NOT_DELETE);
    private final StringProperty lockNotes = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper lockNameMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper lockError = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper lockNameValid = new ReadOnlyBooleanWrapper();
    private final StringBinding lockSummary;
    private final BooleanBinding addLockDisabled;
    private final BooleanBinding deleteDisabled;

    /**
     * Starts reading the workspaces at once, on the background executor.
     *
     * @param pickerSelection     the shell's selected workspace
     * @param selectInPicker      selects a workspace in the shell's picker; may throw
     *                            IllegalArgumentException while the picker does not know it yet
     * @param onWorkspacesChanged tells the shell to read its workspace list again; called on the FX thread
     */
    public WorkspacesViewModel(WorkspaceService workspaces, LockService locks, UiThreads threads,
                               ObservableValue<String> pickerSelection, Consumer<String> selectInPicker,
                               Runnable onWorkspacesChanged, Messages messages) {
        this.workspaces = Objects.requireNonNull(workspaces, "workspaces");
        this.locks = Objects.requireNonNull(locks, "locks");
        this.threads = Objects.requireNonNull(threads, "threads");
        this.pickerSelection = Objects.requireNonNull(pickerSelection, "pickerSelection");
        this.selectInPicker = Objects.requireNonNull(selectInPicker, "selectInPicker");
        this.onWorkspacesChanged = Objects.requireNonNull(onWorkspacesChanged, "onWorkspacesChanged");
        this.messages = Objects.requireNonNull(messages, "messages");

        resourceGroupPrompt = Bindings.createStringBinding(() -> "rg-" + newName.get().trim(), newName);
        createDisabled = formValid.not().or(busy);
        newName.addListener((observable, old, now) -> {
            nameTouched = true;
            checkForm();
        });
        newLocation.addListener((observable, old, now) -> checkForm());
        newResourceGroup.addListener((observable, old, now) -> checkForm());
        checkForm();

        lockName.addListener((observable, old, now) -> checkLockName());
        checkLockName();
        addLockDisabled = selected.isNull().or(lockNameValid.not()).or(busy);
        deleteDisabled = selected.isNull().or(busy);
        lockSummary = Bindings.createStringBinding(this::describeLocks, lockRows, selected, messages.bundleProperty());

        pickerSelection.addListener((observable, old, now) -> pickerChanged(now));
        threads.background().execute(this::refresh);
    }

    // Commands

    /**
     * Reads the workspaces and the selected workspace's locks again and shows what changed, keeping
     * the selection. Call it off the FX thread.
     */
    public void refresh() {
        long seen = changes;
        String key = selectedName;
        List<Workspace> list;
        List<ResourceLock> held;
        try {
            list = workspaces.list();
            held = key == null ? List.of() : locksOf(key);
        } catch (RuntimeException e) {
            LOG.warn("Could not read the workspaces", e);
            return;
        }
        threads.fx().execute(() -> {
            if (seen == changes) {
                showWorkspaces(list);
                if (key != null && key.equals(selectedName)) {
                    showLocks(held);
                }
            }
        });
    }

    /** Asks for a {@link #refresh()} on the background executor (F5). */
    public void reload() {
        threads.background().execute(this::refresh);
    }

    /** The user selected a row; the shell's picker follows. */
    public void select(String name) {
        if (changingRows || name == null || name.equals(selectedName)) {
            return;
        }
        find(name).ifPresent(workspace -> {
            show(workspace);
            pushToPicker(name);
        });
    }

    /** Opens the create form with its defaults. */
    public void openForm() {
        newName.set("");
        newLocation.set(Workspace.DEFAULT_LOCATION);
        newResourceGroup.set("");
        nameTouched = false;
        formError.set("");
        checkForm();
        formOpen.set(true);
    }

    public void cancelForm() {
        formOpen.set(false);
        formError.set("");
    }

    /** Creates the workspace the form describes; does nothing while {@link #createDisabledProperty()} holds. */
    public void create() {
        if (createDisabled.get()) {
            return;
        }
        String name = newName.get().trim();
        String region = newLocation.get().trim();
        String group = newResourceGroup.get().trim();
        formError.set("");
        run(() -> workspaces.create(name, region, group.isEmpty() ? null : group), workspace -> {
            formOpen.set(false);
            upsert(workspace);
            show(workspace);
            onWorkspacesChanged.run();
            pushToPicker(workspace.name());
        }, this::createFailed);
    }

    /** Deletes the selected workspace; when the service refuses, {@link #deleteErrorProperty()} says why. */
    public void deleteSelected() {
        Workspace target = selected.get();
        if (target == null || busy.get()) {
            return;
        }
        deleteError.set("");
        run(() -> {
            workspaces.delete(target.name());
            return target;
        }, deleted -> {
            changeRows(() -> rows.remove(deleted));
            if (deleted.name().equals(selectedName)) {
                show(null);
            }
            onWorkspacesChanged.run();
        }, failure -> {
            deleteError.set(failure.getMessage());
            if (failure instanceof NotFoundException) {
                reload();
            }
        });
    }

    public void dismissDeleteError() {
        deleteError.set("");
    }

    /** Adds the lock the lock form describes to the selected workspace. */
    public void addLock() {
        String workspace = selectedName;
        if (addLockDisabled.get() || workspace == null) {
            return;
        }
        String name = lockName.get().trim();
        LockLevel level = lockLevel.get();
        String notes = lockNotes.get().isBlank() ? null : lockNotes.get().trim();
        lockError.set("");
        run(() -> {
            locks.create(workspace, name, level, notes);
            return locks.list(workspace);
        }, held -> {
            lockName.set("");
            lockNotes.set("");
            if (workspace.equals(selectedName)) {
                showLocks(held);
            }
        }, failure -> {
            if (failure instanceof ValidationException invalid) {
                lockNameMessage.set(join(invalid.problems()));
            } else {
                lockError.set(failure.getMessage());
            }
        });
    }

    public void removeLock(ResourceLock lock) {
        Objects.requireNonNull(lock, "lock");
        lockError.set("");
        run(() -> {
            try {
                locks.delete(lock.workspace(), lock.name());
            } catch (NotFoundException gone) {
                // Someone else removed it already: the outcome the user asked for.
            }
            return locks.list(lock.workspace());
        }, held -> {
            if (lock.workspace().equals(selectedName)) {
                showLocks(held);
            }
        }, failure -> lockError.set(failure.getMessage()));
    }

    public void dismissLockError() {
        lockError.set("");
    }

    /** The view copied the subscription id to the clipboard. */
    public void subscriptionIdCopied() {
        notice.set(messages.get("workspaces.copied.subscriptionId"));
    }

    /** The view copied the resource id to the clipboard. */
    public void resourceIdCopied() {
        notice.set(messages.get("workspaces.copied.resourceId"));
    }

    /** What a lock of this level blocks, in the current language. */
    public StringBinding explanation(LockLevel level) {
        return messages.text("locks.blocks." + level.name());
    }

    /** How the details show a creation time, in this machine's time zone. */
    public static String formatCreated(Instant instant) {
        return CREATED.format(instant);
    }

    /** How the table shows a creation time: the day is enough there. */
    public static String formatCreatedDate(Instant instant) {
        return CREATED_DATE.format(instant);
    }

    // How commands run

    /**
     * Runs a service call on the background executor and its outcome on the FX thread. Service
     * errors go to {@code failed} as they are; anything else is logged and shown by its message.
     */
    private <T> void run(Supplier<T> call, Consumer<T> succeeded, Consumer<RuntimeException> failed) {
        busy.set(true);
        changes++;
        threads.background().execute(() -> {
            T result;
            try {
                result = call.get();
            } catch (RuntimeException e) {
                if (!(e instanceof ValidationException || e instanceof ConflictException
                        || e instanceof NotFoundException)) {
                    LOG.warn("A workspace command failed", e);
                }
                threads.fx().execute(() -> finish(() -> failed.accept(e)));
                return;
            }
            threads.fx().execute(() -> finish(() -> succeeded.accept(result)));
        });
    }

    private void finish(Runnable outcome) {
        changes++;
        busy.set(false);
        outcome.run();
    }

    private void createFailed(RuntimeException failure) {
        if (failure instanceof ValidationException invalid) {
            Set<String> fields = Set.of(NAME, LOCATION, RESOURCE_GROUP);
            nameMessage.set(joinField(invalid.problems(), NAME));
            locationMessage.set(joinField(invalid.problems(), LOCATION));
            resourceGroupMessage.set(joinField(invalid.problems(), RESOURCE_GROUP));
            formError.set(join(invalid.problems().stream().filter(p -> !fields.contains(p.field())).toList()));
        } else {
            formError.set(failure.getMessage());
        }
    }

    // State changes, on the FX thread

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
        if (name != null && !name.equals(selectedName)) {
            find(name).ifPresent(this::show);
        }
    }

    /**
     * Selects the picker's workspace when it differs, e.g. one created elsewhere that this screen
     * had not listed yet; not while the picker has still to learn this screen's own choice.
     */
    private void followPicker() {
        String wanted = pickerSelection.getValue();
        if (pickerPending == null && wanted != null && !wanted.equals(selectedName)) {
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
        selectedName = workspace == null ? null : workspace.name();
        location.set(workspace == null ? "" : workspace.location());
        subscriptionId.set(workspace == null ? "" : workspace.subscriptionId());
        resourceGroup.set(workspace == null ? "" : workspace.resourceGroup());
        resourceId.set(workspace == null ? "" : workspace.resourceId());
        created.set(workspace == null ? "" : formatCreated(workspace.createdAt()));
        notice.set("");
        deleteError.set("");
        lockError.set("");
        lockRows.clear();
        if (workspace != null) {
            loadLocks(workspace.name());
        }
    }

    private void loadLocks(String workspace) {
        long seen = changes;
        threads.background().execute(() -> {
            List<ResourceLock> held;
            try {
                held = locksOf(workspace);
            } catch (RuntimeException e) {
                LOG.warn("Could not read the locks of workspace {}", workspace, e);
                return;
            }
            threads.fx().execute(() -> {
                if (seen == changes && workspace.equals(selectedName)) {
                    showLocks(held);
                }
            });
        });
    }

    private void showLocks(List<ResourceLock> held) {
        if (!lockRows.equals(held)) {
            lockRows.setAll(held);
        }
    }

    private void upsert(Workspace workspace) {
        changeRows(() -> {
            rows.removeIf(row -> row.name().equals(workspace.name()));
            int at = 0;
            while (at < rows.size() && rows.get(at).name().compareTo(workspace.name()) < 0) {
                at++;
            }
            rows.add(at, workspace);
        });
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

    private void checkForm() {
        String name = newName.get().trim();
        List<Problem> nameProblems = NameRules.checkWorkspaceName(NAME, name);
        nameMessage.set(nameTouched || !name.isEmpty() ? join(nameProblems) : "");

        String region = newLocation.get().trim();
        String typedGroup = newResourceGroup.get().trim();
        String group = typedGroup.isEmpty() ? "rg-" + name : typedGroup;
        List<Problem> others = otherProblems(name, region, group);
        locationMessage.set(joinField(others, LOCATION));
        // A group the user did not type follows the name, whose own message already says what is wrong.
        resourceGroupMessage.set(typedGroup.isEmpty() ? "" : joinField(others, RESOURCE_GROUP));
        formValid.set(nameProblems.isEmpty() && others.isEmpty());
        formError.set("");
    }

    private static List<Problem> otherProblems(String name, String region, String group) {
        try {
            Workspace.validate(name, region, group);
            return List.of();
        } catch (ValidationException invalid) {
            return invalid.problems().stream().filter(problem -> !NAME.equals(problem.field())).toList();
        }
    }

    private void checkLockName() {
        String name = lockName.get().trim();
        String message = "";
        try {
            ResourceLock.validateName(name);
        } catch (ValidationException invalid) {
            message = join(invalid.problems());
        }
        lockNameValid.set(message.isEmpty());
        lockNameMessage.set(name.isEmpty() ? "" : message);
    }

    private String describeLocks() {
        if (selected.get() == null) {
            return "";
        }
        if (lockRows.isEmpty()) {
            return messages.get("locks.summary.none");
        }
        String summary = messages.get("locks.summary.locked");
        boolean readOnly = lockRows.stream().anyMatch(lock -> lock.level() == LockLevel.READ_ONLY);
        return readOnly ? summary + " " + messages.get("locks.summary.readOnly") : summary;
    }

    private List<ResourceLock> locksOf(String workspace) {
        try {
            return locks.list(workspace);
        } catch (NotFoundException gone) {
            return List.of();
        }
    }

    private Optional<Workspace> find(String name) {
        return rows.stream().filter(row -> row.name().equals(name)).findFirst();
    }

    private static String join(List<Problem> problems) {
        return problems.stream().map(Problem::message).collect(Collectors.joining("\n"));
    }

    private static String joinField(List<Problem> problems, String field) {
        return join(problems.stream().filter(problem -> field.equals(problem.field())).toList());
    }

    // Read-only views

    /** The workspaces by name; unmodifiable, updated in place. */
    public ObservableList<Workspace> workspaces() {
        return rowsView;
    }

    public ReadOnlyObjectProperty<Workspace> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty locationProperty() {
        return location.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty subscriptionIdProperty() {
        return subscriptionId.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty resourceGroupProperty() {
        return resourceGroup.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty resourceIdProperty() {
        return resourceId.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty createdProperty() {
        return created.getReadOnlyProperty();
    }

    /** A short confirmation, e.g. that an id was copied; cleared when the selection changes. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** Why the last delete was refused; empty when it was not. */
    public ReadOnlyStringProperty deleteErrorProperty() {
        return deleteError.getReadOnlyProperty();
    }

    /** A command is running. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public BooleanBinding deleteDisabledProperty() {
        return deleteDisabled;
    }

    public ReadOnlyBooleanProperty formOpenProperty() {
        return formOpen.getReadOnlyProperty();
    }

    /** The name typed in the create form; checked as it changes. */
    public StringProperty newNameProperty() {
        return newName;
    }

    public StringProperty newLocationProperty() {
        return newLocation;
    }

    /** Empty means "rg-" followed by the name, as {@link #resourceGroupPromptProperty()} shows. */
    public StringProperty newResourceGroupProperty() {
        return newResourceGroup;
    }

    public StringBinding resourceGroupPromptProperty() {
        return resourceGroupPrompt;
    }

    /** What is wrong with the typed name, one rule a line; empty when it is valid or not typed yet. */
    public ReadOnlyStringProperty nameMessageProperty() {
        return nameMessage.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty locationMessageProperty() {
        return locationMessage.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty resourceGroupMessageProperty() {
        return resourceGroupMessage.getReadOnlyProperty();
    }

    /** Why the service did not create the workspace, e.g. the name is taken. */
    public ReadOnlyStringProperty formErrorProperty() {
        return formError.getReadOnlyProperty();
    }

    public BooleanBinding createDisabledProperty() {
        return createDisabled;
    }

    /** The selected workspace's locks, by name; unmodifiable. */
    public ObservableList<ResourceLock> locks() {
        return lockRowsView;
    }

    /** What the selected workspace's locks block, in plain words; empty with no selection. */
    public StringBinding lockSummaryProperty() {
        return lockSummary;
    }

    public StringProperty lockNameProperty() {
        return lockName;
    }

    public ObjectProperty<LockLevel> lockLevelProperty() {
        return lockLevel;
    }

    public StringProperty lockNotesProperty() {
        return lockNotes;
    }

    public ReadOnlyStringProperty lockNameMessageProperty() {
        return lockNameMessage.getReadOnlyProperty();
    }

    /** Why the last lock change failed; empty when it did not. */
    public ReadOnlyStringProperty lockErrorProperty() {
        return lockError.getReadOnlyProperty();
    }

    public BooleanBinding addLockDisabledProperty() {
        return addLockDisabled;
    }
}
