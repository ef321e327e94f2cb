package dev.computestudio.ui.wizard;

import dev.computestudio.domain.ClusterSpec;
import dev.computestudio.domain.Message;
import dev.computestudio.domain.NetworkSettings;
import dev.computestudio.domain.Problem;
import dev.computestudio.domain.QuotaLedger;
import dev.computestudio.domain.UserAssignedIdentity;
import dev.computestudio.domain.VmSize;
import dev.computestudio.domain.Workspace;
import dev.computestudio.service.ComputeService;
import dev.computestudio.service.IdentityService;
import dev.computestudio.service.QuotaService;
import dev.computestudio.service.WorkspaceService;
import dev.computestudio.ui.common.Messages;
import dev.computestudio.ui.common.Refusal;
import dev.computestudio.ui.common.ServiceCalls;
import dev.computestudio.ui.common.Subscriptions;
import dev.computestudio.ui.common.UiThreads;
import dev.computestudio.ui.wizard.CreationTracker.Phase;
import dev.computestudio.ui.wizard.CreationTracker.Polling;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableSet;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The "new compute cluster" wizard, as Azure ML studio has it: virtual machine, settings,
 * identity, review. It owns the page index and the buttons' states and composes the steps' forms
 * ({@link SizeChoice}, {@link SettingsForm}, {@link IdentityStep}, {@link ReviewEstimate}) with
 * the create call ({@link CreationTracker}). As the inputs change it checks them with the domain's
 * rules at once and asks the service's check ({@link ComputeService#check}) off the FX thread; both
 * show on the fields through {@link WizardProblems}.
 *
 * <p>Every service call goes through {@link ServiceCalls}. Call {@link #load()} once after building
 * it, and {@link #close()} when its window goes: it then lets go of the app's language.
 */
public final class ClusterWizardViewModel {

    private final String workspace;
    private final WorkspaceService workspaces;
    private final ComputeService compute;
    private final QuotaService quota;
    private final IdentityService identities;
    private final ServiceCalls calls;
    private final Subscriptions subscriptions = new Subscriptions();
    private final SizeChoice sizeChoice;
    private final SettingsForm settings = new SettingsForm();
    private final IdentityStep identity = new IdentityStep();
    private final ReviewEstimate review;
    private final CreationTracker creation;
    private final WizardProblems problems;
    private final ServiceCheck serviceCheck;

    // Properties
    private final ReadOnlyIntegerWrapper page = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyObjectWrapper<Step> step = new ReadOnlyObjectWrapper<>(Step.VIRTUAL_MACHINE);
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper closeRequested = new ReadOnlyBooleanWrapper();
    private final BooleanBinding stepValid;
    private final BooleanBinding nextDisabled;
    private final BooleanBinding backDisabled;
    private final BooleanBinding createDisabled;
    private final StringBinding errorText;

    public ClusterWizardViewModel(String workspace, WorkspaceService workspaces, ComputeService compute,
                                  QuotaService quota, IdentityService identities, UiThreads threads, Messages messages,
                                  Polling polling) {
        this.workspace = Objects.requireNonNull(workspace, "workspace");
        this.workspaces = Objects.requireNonNull(workspaces, "workspaces");
        this.compute = Objects.requireNonNull(compute, "compute");
        this.quota = Objects.requireNonNull(quota, "quota");
        this.identities = Objects.requireNonNull(identities, "identities");
        this.calls = new ServiceCalls(Objects.requireNonNull(threads, "threads"));
        WizardTexts texts = new WizardTexts(messages, subscriptions);
        sizeChoice = new SizeChoice(texts);
        review = new ReviewEstimate(sizeChoice, settings, identity, texts);
        creation = new CreationTracker(workspace, compute, calls, polling, texts);
        problems = new WizardProblems(texts, settings::credential);
        serviceCheck = new ServiceCheck(workspace, compute, calls, this::checked, problems::refused);

        step.bind(Bindings.createObjectBinding(() -> Step.values()[page.get()], page));
        ObservableSet<Field> invalid = problems.invalidFields();
        BooleanBinding editing = creation.phaseProperty().isEqualTo(Phase.EDITING);
        stepValid = Bindings.createBooleanBinding(
                () -> loaded.get() && invalid.stream().noneMatch(field -> field.step() == step.get()),
                step, invalid, loaded);
        nextDisabled = step.isEqualTo(Step.REVIEW).or(stepValid.not()).or(editing.not());
        backDisabled = page.isEqualTo(0).or(editing.not());
        createDisabled = Bindings.createBooleanBinding(
                () -> step.get() != Step.REVIEW || !loaded.get() || !invalid.isEmpty() || !editing.get(),
                step, loaded, invalid, editing);
        StringBinding refusalText = problems.generalText();
        StringBinding creationText = creation.errorTextProperty();
        errorText = Bindings.createStringBinding(() -> Stream.of(refusalText.get(), creationText.get())
                .filter(text -> text != null && !text.isEmpty()).collect(Collectors.joining("\n")),
                refusalText, creationText);

        watch(Field.LOCATION, sizeChoice.locationProperty());
        watch(Field.NAME, settings.nameProperty());
        watch(Field.MIN_NODES, settings.minNodesProperty());
        watch(Field.MAX_NODES, settings.maxNodesProperty());
        watch(Field.IDLE_SECONDS, settings.idleSecondsProperty());
        watch(Field.ADMIN_USERNAME, settings.adminUsernameProperty());
        watch(Field.ADMIN_PASSWORD, settings.adminPasswordProperty());
        watch(Field.SSH_KEY, settings.sshKeyProperty());
        watch(Field.USER_ASSIGNED_IDS, identity.userAssignedIdsProperty());
        identity.workspaceIdentities().addListener((ListChangeListener<IdentityStep.Choice>) change -> {
            while (change.next()) {
                if (change.wasUpdated()) {
                    problems.edited(Field.USER_ASSIGNED_IDS);
                }
            }
            inputsChanged();
        });
        Inputs.onChange(this::inputsChanged, sizeChoice.tierProperty(), sizeChoice.selectedSizeProperty(),
                settings.sshEnabledProperty(), settings.credentialProperty(), identity.identityTypeProperty());
        inputsChanged();
    }

    // Commands

    /** Reads the workspace, the catalog, the quota and the identities; then the service checks the inputs as they change. */
    public void load() {
        calls.call(() -> new Loaded(workspaces.show(workspace), compute.listSizes(), quota.ledger(workspace),
                identities.list(workspace)), this::loaded, this::notLoaded);
    }

    /** Next page, when this one is valid. */
    public void next() {
        if (!nextDisabled.get()) {
            page.set(page.get() + 1);
        }
    }

    /** Previous page; everything entered stays. */
    public void back() {
        if (!backDisabled.get()) {
            page.set(page.get() - 1);
        }
    }

    /** What Enter does: Next, or Create on the review page. */
    public void nextOrCreate() {
        if (step.get() == Step.REVIEW) {
            create();
        } else {
            next();
        }
    }

    /** Creates the cluster, then waits for its minimum nodes; what the service refuses goes back to its field and step. */
    public void create() {
        if (createDisabled.get()) {
            return;
        }
        problems.clearGeneral();
        creation.create(settings.name(), spec(), refusal -> problems.refused(refusal)
                .ifPresent(first -> page.set(first.ordinal())));
    }

    /** Cancel, Close or Esc: stops waiting for nodes (the cluster, if created, stays) and asks to close. */
    public void cancel() {
        close();
        closeRequested.set(true);
    }

    /** The wizard is gone: it stops waiting and asking, and lets go of the app's language. Idempotent. */
    public void close() {
        serviceCheck.close();
        creation.close();
        subscriptions.close();
    }

    // Composition

    private record Loaded(Workspace workspace, List<VmSize> sizes, QuotaLedger ledger,
                          List<UserAssignedIdentity> identities) {
    }

    private void loaded(Loaded data) {
        sizeChoice.show(data.workspace(), data.sizes(), data.ledger());
        identity.show(data.workspace(), data.identities());
        loaded.set(true);
        inputsChanged();
    }

    /** Why the workspace could not be read, above the page; nothing can go on. */
    private void notLoaded(Refusal refusal) {
        problems.refused(new Refusal(refusal.kind(), refusal.problems().stream()
                .map(problem -> new Problem(Refusal.NO_FIELD, "load",
                        Message.of("wizard.error.load", workspace, problem.text())))
                .toList()));
    }

    /** An edit of a field: its messages show from now on, and what the service said of it is withdrawn. */
    private void watch(Field field, StringProperty input) {
        Inputs.onChange(() -> {
            problems.edited(field);
            inputsChanged();
        }, input);
    }

    private void inputsChanged() {
        problems.found(localProblems());
        if (loaded.get()) {
            serviceCheck.ask(settings.name(), spec());
        }
    }

    private void checked(ComputeService.Check check) {
        problems.checked(check.problems());
        review.showQuotaShortfall(check.quotaWarnings());
        review.showLockWarnings(check.lockWarnings());
    }

    /**
     * The forms' own findings, then the domain's rules of the whole spec about the fields they left
     * alone (the size is chosen from the catalog, so only its absence counts).
     */
    private List<Problem> localProblems() {
        List<Problem> found = new ArrayList<>(sizeChoice.problems());
        found.addAll(settings.problems());
        List<String> judged = found.stream().map(Problem::field).toList();
        spec().check(sizeChoice.catalog()).stream()
                .filter(problem -> !problem.field().equals(Field.SIZE.serviceName()))
                .filter(problem -> !judged.contains(problem.field()))
                .forEach(found::add);
        return found;
    }

    /** The spec the inputs stand for. */
    ClusterSpec spec() {
        ClusterSpec chosen = new ClusterSpec(sizeChoice.sizeName(), sizeChoice.tier(), 0,
                ClusterSpec.DEFAULT_MAX_NODES, ClusterSpec.DEFAULT_IDLE_TIME, null, NetworkSettings.NONE,
                identity.identity(), Map.of(), null, sizeChoice.region());
        return settings.appliedTo(chosen);
    }

    // The steps

    public String workspace() {
        return workspace;
    }

    public SizeChoice sizeChoice() {
        return sizeChoice;
    }

    public SettingsForm settings() {
        return settings;
    }

    public IdentityStep identity() {
        return identity;
    }

    public ReviewEstimate review() {
        return review;
    }

    public CreationTracker creation() {
        return creation;
    }

    // Read-only views

    public ReadOnlyIntegerProperty pageProperty() {
        return page.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Step> stepProperty() {
        return step.getReadOnlyProperty();
    }

    public Step step() {
        return step.get();
    }

    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    /** True when the current page's inputs are all valid. */
    public BooleanBinding stepValidProperty() {
        return stepValid;
    }

    public BooleanBinding nextDisabledProperty() {
        return nextDisabled;
    }

    public BooleanBinding backDisabledProperty() {
        return backDisabled;
    }

    public BooleanBinding createDisabledProperty() {
        return createDisabled;
    }

    public ReadOnlyBooleanProperty closeRequestedProperty() {
        return closeRequested.getReadOnlyProperty();
    }

    /** The message shown at a field, in the current language: its problem once the user edited it, or the service's. */
    public StringBinding errorProperty(Field field) {
        return problems.text(field);
    }

    /** Every field with a problem, shown or not yet; empty when all is valid. Unmodifiable. */
    public ObservableSet<Field> invalidFields() {
        return problems.invalidFields();
    }

    /** What went wrong that no single field explains (a lock, the workspace gone, the cluster's errors); empty when nothing. */
    public StringBinding errorTextProperty() {
        return errorText;
    }
}
