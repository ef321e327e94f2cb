package dev.computestudio.ui.workspaces;

import dev.computestudio.domain.NameRules;
import dev.computestudio.domain.Problem;
import dev.computestudio.domain.Workspace;
import dev.computestudio.service.WorkspaceService;
import dev.computestudio.ui.common.FieldProblems;
import dev.computestudio.ui.common.Messages;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The form that creates a workspace: its name, location and resource group checked as the user
 * types, by the rules the service applies, and the service's refusal shown at the field it names
 * or above the form. Editing any field clears the service's answer.
 */
public final class WorkspaceCreateForm {

    static final String NAME = "name";
    static final String LOCATION = "location";
    static final String RESOURCE_GROUP = "resourceGroup";

    private final WorkspaceService workspaces;
    private final ScreenChanges changes;
    private final Messages messages;
    private final Consumer<Workspace> onCreated;
    private final FieldProblems serviceProblems;
    /** The name was edited since the form opened: an empty name is then worth a word. */
    private final BooleanProperty nameTouched = new SimpleBooleanProperty();
    private final ObjectBinding<Typed> typed;

    // Properties
    private final ReadOnlyBooleanWrapper open = new ReadOnlyBooleanWrapper();
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty location = new SimpleStringProperty(Workspace.DEFAULT_LOCATION);
    private final StringProperty resourceGroup = new SimpleStringProperty("");
    private final StringBinding nameMessage;
    private final StringBinding locationMessage;
    private final StringBinding resourceGroupMessage;
    private final StringBinding formError;
    private final StringBinding resourceGroupPrompt;
    private final BooleanBinding createDisabled;

    /** @param onCreated shows the workspace the service created; called on the FX thread */
    WorkspaceCreateForm(WorkspaceService workspaces, ScreenChanges changes, Messages messages,
                        Consumer<Workspace> onCreated) {
        this.workspaces = workspaces;
        this.changes = changes;
        this.messages = messages;
        this.onCreated = onCreated;
        serviceProblems = new FieldProblems(messages, field -> switch (field) {
            case NAME, LOCATION, RESOURCE_GROUP -> field;
            default -> null;
        });
        typed = Bindings.createObjectBinding(this::check, name, location, resourceGroup, nameTouched);
        nameMessage = message(NAME, Typed::name);
        locationMessage = message(LOCATION, Typed::location);
        resourceGroupMessage = message(RESOURCE_GROUP, Typed::resourceGroup);
        formError = serviceProblems.general();
        resourceGroupPrompt = Bindings.createStringBinding(() -> "rg-" + name.get().trim(), name);
        createDisabled = Bindings.createBooleanBinding(() -> !typed.get().valid(), typed).or(changes.busyProperty());

        name.addListener((observable, old, now) -> nameTouched.set(true));
        for (StringProperty input : List.of(name, location, resourceGroup)) {
            input.addListener((observable, old, now) -> serviceProblems.clear());
        }
    }

    // Commands

    /** Opens the form with its defaults. */
    public void openForm() {
        name.set("");
        location.set(Workspace.DEFAULT_LOCATION);
        resourceGroup.set("");
        nameTouched.set(false);
        serviceProblems.clear();
        open.set(true);
    }

    public void cancelForm() {
        open.set(false);
        serviceProblems.clear();
    }

    /** Creates the workspace the form describes; does nothing while {@link #createDisabledProperty()} holds. */
    public void create() {
        if (createDisabled.get()) {
            return;
        }
        String typedName = name.get().trim();
        String region = location.get().trim();
        String group = resourceGroup.get().trim();
        serviceProblems.clear();
        changes.make(() -> workspaces.create(typedName, region, group.isEmpty() ? null : group), workspace -> {
            open.set(false);
            onCreated.accept(workspace);
        }, serviceProblems::show);
    }

    // Checks as the user types

    /** The problems of each field as typed, and whether the service would take the form as it is. */
    private record Typed(List<Problem> name, List<Problem> location, List<Problem> resourceGroup, boolean valid) {
    }

    private Typed check() {
        String typedName = name.get().trim();
        List<Problem> nameProblems = NameRules.checkWorkspaceName(NAME, typedName);
        String typedGroup = resourceGroup.get().trim();
        String group = typedGroup.isEmpty() ? "rg-" + typedName : typedGroup;
        List<Problem> others = TypedProblems.of(() -> Workspace.validate(typedName, location.get().trim(), group))
                .stream().filter(problem -> !NAME.equals(problem.field())).toList();
        return new Typed(nameTouched.get() || !typedName.isEmpty() ? nameProblems : List.of(),
                TypedProblems.about(LOCATION, others),
                // A group the user did not type follows the name, whose own message already says what is wrong.
                typedGroup.isEmpty() ? List.of() : TypedProblems.about(RESOURCE_GROUP, others),
                nameProblems.isEmpty() && others.isEmpty());
    }

    /** What is wrong with a field as typed, or else what the service said about it; null when nothing. */
    private StringBinding message(String field, Function<Typed, List<Problem>> problemsOf) {
        StringBinding fromService = serviceProblems.text(field);
        return Bindings.createStringBinding(() -> {
            List<Problem> local = problemsOf.apply(typed.get());
            return local.isEmpty() ? fromService.get() : TypedProblems.lines(messages, local);
        }, typed, fromService, messages.bundleProperty());
    }

    // Properties

    public ReadOnlyBooleanProperty openProperty() {
        return open.getReadOnlyProperty();
    }

    /** The name typed; checked as it changes. */
    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty locationProperty() {
        return location;
    }

    /** Empty means "rg-" followed by the name, as {@link #resourceGroupPromptProperty()} shows. */
    public StringProperty resourceGroupProperty() {
        return resourceGroup;
    }

    public StringBinding resourceGroupPromptProperty() {
        return resourceGroupPrompt;
    }

    /** What is wrong with the name, one rule a line; null when it is valid or not typed yet. */
    public StringBinding nameMessageProperty() {
        return nameMessage;
    }

    public StringBinding locationMessageProperty() {
        return locationMessage;
    }

    public StringBinding resourceGroupMessageProperty() {
        return resourceGroupMessage;
    }

    /** Why the service did not create the workspace, when that is about none of the fields; null when nothing. */
    public StringBinding formErrorProperty() {
        return formError;
    }

    public BooleanBinding createDisabledProperty() {
        return createDisabled;
    }
}
