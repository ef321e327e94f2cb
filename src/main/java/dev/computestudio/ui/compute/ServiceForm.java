package dev.computestudio.ui.compute;

import dev.computestudio.domain.ConflictException;
import dev.computestudio.domain.NotFoundException;
import dev.computestudio.domain.Problem;
import dev.computestudio.domain.ValidationException;
import dev.computestudio.ui.common.Messages;
import dev.computestudio.ui.common.UiThreads;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What the dialogs of the compute screen share: a service call off the FX thread, and the
 * service's answer shown where it belongs: a problem on the field it names, anything else above
 * the form. Editing any field clears the service's answer, so the user can try again.
 */
abstract class ServiceForm {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceForm.class);

    final Messages messages;
    private final UiThreads threads;
    private final ReadOnlyStringWrapper formError = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper saved = new ReadOnlyBooleanWrapper();
    private final Map<String, ReadOnlyStringWrapper> serviceErrors = new LinkedHashMap<>();

    ServiceForm(UiThreads threads, Messages messages) {
        this.threads = threads;
        this.messages = messages;
    }

    /** The form field that shows the service's problems about {@code serviceField}; null: above the form. */
    abstract String formFieldOf(String serviceField);

    /** The service's last word about one of this form's fields; null when it has none. */
    final ReadOnlyStringWrapper serviceError(String formField) {
        return serviceErrors.computeIfAbsent(formField, field -> new ReadOnlyStringWrapper());
    }

    /** A change of any of these inputs makes the service's last answer stale. */
    final void clearServiceAnswerOnChange(ObservableValue<?>... inputs) {
        for (ObservableValue<?> input : inputs) {
            input.addListener((observable, old, now) -> clearServiceAnswer());
        }
    }

    final <T> void submit(Supplier<T> call, Consumer<T> onSuccess) {
        clearServiceAnswer();
        saving.set(true);
        threads.background().execute(() -> {
            try {
                T result = call.get();
                threads.fx().execute(() -> {
                    saving.set(false);
                    saved.set(true);
                    onSuccess.accept(result);
                });
            } catch (ValidationException e) {
                threads.fx().execute(() -> {
                    saving.set(false);
                    showProblems(e.problems());
                });
            } catch (ConflictException | NotFoundException e) {
                threads.fx().execute(() -> {
                    saving.set(false);
                    formError.set(e.getMessage());
                });
            } catch (RuntimeException e) {
                LOG.warn("A compute change failed", e);
                threads.fx().execute(() -> {
                    saving.set(false);
                    formError.set(Texts.format(messages, "compute.failed", e.getMessage()));
                });
            }
        });
    }

    private void showProblems(List<Problem> problems) {
        List<String> general = new ArrayList<>();
        Map<String, List<String>> byField = new LinkedHashMap<>();
        for (Problem problem : problems) {
            String field = formFieldOf(problem.field());
            if (field == null) {
                general.add(problem.field() + ": " + problem.message());
            } else {
                byField.computeIfAbsent(field, f -> new ArrayList<>()).add(problem.message());
            }
        }
        byField.forEach((field, messagesOfField) -> serviceError(field).set(String.join("; ", messagesOfField)));
        formError.set(general.isEmpty() ? null : String.join("\n", general));
    }

    private void clearServiceAnswer() {
        serviceErrors.values().forEach(error -> error.set(null));
        formError.set(null);
    }

    // Read-only views

    /** What the service said that belongs to no field, e.g. a lock that forbids the change; null when nothing. */
    public final ReadOnlyStringProperty formErrorProperty() {
        return formError.getReadOnlyProperty();
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
