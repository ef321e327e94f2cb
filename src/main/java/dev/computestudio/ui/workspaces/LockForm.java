package dev.computestudio.ui.workspaces;

import dev.computestudio.domain.LockLevel;
import dev.computestudio.domain.Problem;
import dev.computestudio.domain.ResourceLock;
import dev.computestudio.service.LockService;
import dev.computestudio.ui.common.FieldProblems;
import dev.computestudio.ui.common.Messages;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;

import java.util.List;
import java.util.function.BiConsumer;

/**
 * The form that adds a lock to the selected workspace's resource group: its name checked as the
 * user types, and the service's refusal shown at the name or, when about the lock as a whole,
 * as the form's error. Editing any field clears the service's answer.
 */
public final class LockForm {

    static final String NAME = "name";

    private final LockService locks;
    private final ScreenChanges changes;
    private final ObservableValue<String> workspace;
    private final BiConsumer<String, List<ResourceLock>> onAdded;
    private final FieldProblems serviceProblems;
    private final ObjectBinding<List<Problem>> typedNameProblems;

    // Properties
    private final StringProperty name = new SimpleStringProperty("");
    private final ObjectProperty<LockLevel> level = new SimpleObjectProperty<>(LockLevel.CAN_NOT_DELETE);
    private final StringProperty notes = new SimpleStringProperty("");
    private final StringBinding nameMessage;
    private final StringBinding error;
    private final BooleanBinding addDisabled;

    /**
     * @param workspace the selected workspace's name
     * @param onAdded   shows the workspace's locks once one was added; called on the FX thread
     */
    LockForm(LockService locks, ScreenChanges changes, ObservableValue<String> workspace, Messages messages,
             BiConsumer<String, List<ResourceLock>> onAdded) {
        this.locks = locks;
        this.changes = changes;
        this.workspace = workspace;
        this.onAdded = onAdded;
        serviceProblems = new FieldProblems(messages, field -> NAME.equals(field) ? NAME : null);
        typedNameProblems = Bindings.createObjectBinding(
                () -> TypedProblems.of(() -> ResourceLock.validateName(name.get().trim())), name);
        StringBinding fromService = serviceProblems.text(NAME);
        // An empty name only keeps Add disabled: nothing typed is not yet a mistake.
        nameMessage = Bindings.createStringBinding(() -> name.get().isBlank() || typedNameProblems.get().isEmpty()
                        ? fromService.get() : TypedProblems.lines(messages, typedNameProblems.get()),
                name, typedNameProblems, fromService, messages.bundleProperty());
        error = serviceProblems.general();
        addDisabled = Bindings.createBooleanBinding(
                () -> workspace.getValue() == null || !typedNameProblems.get().isEmpty(), workspace, typedNameProblems)
                .or(changes.busyProperty());
        for (ObservableValue<?> input : List.of(name, level, notes)) {
            input.addListener((observable, old, now) -> serviceProblems.clear());
        }
    }

    // Commands

    /** Adds the lock the form describes to the selected workspace; nothing while {@link #addDisabledProperty()} holds. */
    void add() {
        String target = workspace.getValue();
        if (addDisabled.get() || target == null) {
            return;
        }
        String lockName = name.get().trim();
        LockLevel lockLevel = level.get();
        String lockNotes = notes.get().isBlank() ? null : notes.get().trim();
        serviceProblems.clear();
        changes.make(() -> {
            locks.create(target, lockName, lockLevel, lockNotes);
            return locks.list(target);
        }, held -> {
            name.set("");
            notes.set("");
            onAdded.accept(target, held);
        }, serviceProblems::show);
    }

    /** Forgets why the service refused the last lock. */
    void forgetServiceAnswer() {
        serviceProblems.clear();
    }

    // Properties

    public StringProperty nameProperty() {
        return name;
    }

    public ObjectProperty<LockLevel> levelProperty() {
        return level;
    }

    public StringProperty notesProperty() {
        return notes;
    }

    /** What is wrong with the name as typed, or what the service said about it; null when nothing. */
    public StringBinding nameMessageProperty() {
        return nameMessage;
    }

    /** Why the service refused the last lock, when that is not about its name; null when nothing. */
    StringBinding errorProperty() {
        return error;
    }

    public BooleanBinding addDisabledProperty() {
        return addDisabled;
    }
}
