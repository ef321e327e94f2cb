package dev.computestudio.ui.common;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.value.ObservableValue;
import javafx.beans.binding.StringBinding;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A form that sends what the user typed to a service: the call through {@link ServiceCalls}, and
 * the service's answer shown where it belongs through {@link FieldProblems}: a problem on the
 * field it names, anything else above the form. Editing any field clears the service's answer,
 * so the user can try again.
 */
public abstract class ServiceForm {

    protected final Messages messages;
    private final ServiceCalls calls;
    private final FieldProblems serviceProblems;
    private final StringBinding formError;
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper saved = new ReadOnlyBooleanWrapper();

    protected ServiceForm(UiThreads threads, Messages messages) {
        this.messages = messages;
        this.calls = new ServiceCalls(threads);
        this.serviceProblems = new FieldProblems(messages, this::formFieldOf);
        this.formError = serviceProblems.general();
    }

    /** The form field that shows the service's problems about {@code serviceField}; null: above the form. */
    protected abstract String formFieldOf(String serviceField);

    /** The service's last word about one of this form's fields, in the current language; null when none. */
    protected final StringBinding serviceError(String formField) {
        return serviceProblems.text(formField);
    }

    /** A change of any of these inputs makes the service's last answer stale. */
    protected final void clearServiceAnswerOnChange(ObservableValue<?>... inputs) {
        for (ObservableValue<?> input : inputs) {
            input.addListener((observable, old, now) -> serviceProblems.clear());
        }
    }

    protected final <T> void submit(Supplier<T> call, Consumer<T> onSuccess) {
        serviceProblems.clear();
        saving.set(true);
        calls.call(call, result -> {
            saving.set(false);
            saved.set(true);
            onSuccess.accept(result);
        }, refusal -> {
            saving.set(false);
            serviceProblems.show(refusal);
        });
    }

    // Read-only views

    /** What the service said that belongs to no field, e.g. a lock that forbids the change; null when nothing. */
    public final StringBinding formErrorProperty() {
        return formError;
    }

    public final String formError() {
        return formError.get();
    }

    public final ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    /** Becomes true once the service accepted the change: the dialog can close. */
    public final ReadOnlyBooleanProperty savedProperty() {
        return saved.getReadOnlyProperty();
    }

    public final boolean isSaved() {
        return saved.get();
    }
}
