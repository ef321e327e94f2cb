package dev.computestudio.ui.compute;

import dev.computestudio.domain.ComputeCluster;
import dev.computestudio.service.ComputeService;
import dev.computestudio.ui.common.Messages;
import dev.computestudio.ui.common.ServiceForm;
import dev.computestudio.ui.common.UiThreads;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.function.Consumer;

/**
 * The "Attach compute" dialog's state: a name and the resource id of existing compute. The name
 * and id rules are the service's; it also refuses a resource already attached under another name.
 */
public final class AttachForm extends ServiceForm {

    static final String NAME = "name";
    static final String RESOURCE_ID = "resourceId";

    private final ComputeService compute;
    private final String workspace;
    private final Consumer<ComputeCluster> onSaved;

    // Properties
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty resourceId = new SimpleStringProperty(this, "resourceId", "");
    private final StringBinding nameError;
    private final StringBinding resourceIdError;
    private final BooleanBinding saveDisabled;

    AttachForm(ComputeService compute, UiThreads threads, Messages messages, String workspace,
               Consumer<ComputeCluster> onSaved) {
        super(threads, messages);
        this.compute = compute;
        this.workspace = workspace;
        this.onSaved = onSaved;
        nameError = Bindings.createStringBinding(() -> serviceError(NAME).get(), serviceError(NAME));
        resourceIdError = Bindings.createStringBinding(() -> serviceError(RESOURCE_ID).get(),
                serviceError(RESOURCE_ID));
        saveDisabled = Bindings.createBooleanBinding(() -> blank(name.get()) || blank(resourceId.get()),
                name, resourceId).or(nameError.isNotNull()).or(resourceIdError.isNotNull()).or(savingProperty());
        clearServiceAnswerOnChange(name, resourceId);
    }

    // Commands

    public void save() {
        if (saveDisabled.get()) {
            return;
        }
        String chosenName = name.get().strip();
        String id = resourceId.get().strip();
        submit(() -> compute.attach(workspace, chosenName, id), onSaved);
    }

    @Override
    protected String formFieldOf(String serviceField) {
        return switch (serviceField) {
            case "name" -> NAME;
            case "resource_id" -> RESOURCE_ID;
            default -> null;
        };
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    // Properties

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty resourceIdProperty() {
        return resourceId;
    }

    /** What the service said about the name (e.g. its rules); null when nothing. */
    public StringBinding nameErrorProperty() {
        return nameError;
    }

    public StringBinding resourceIdErrorProperty() {
        return resourceIdError;
    }

    public BooleanBinding saveDisabledProperty() {
        return saveDisabled;
    }
}
