package dev.computestudio.ui.compute;

import dev.computestudio.domain.ComputeCluster;
import dev.computestudio.domain.Message;
import dev.computestudio.domain.Node;
import dev.computestudio.domain.NotFoundException;
import dev.computestudio.domain.ProvisioningState;
import dev.computestudio.domain.VmTier;
import dev.computestudio.service.ClusterFiles;
import dev.computestudio.service.ComputeService;
import dev.computestudio.ui.common.Messages;
import dev.computestudio.ui.common.Refusal;
import dev.computestudio.ui.common.Rows;
import dev.computestudio.ui.common.ServiceCalls;
import dev.computestudio.ui.common.UiThreads;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The compute screen: the selected workspace's clusters and attached compute, the details of the
 * selected one, and the actions on them. Services are called through {@link ServiceCalls};
 * {@link #refresh()} runs about once a second and keeps the selection, so node counts move while
 * the user looks.
 */
public final class ComputeViewModel {

    private final ComputeService compute;
    private final UiThreads threads;
    private final ServiceCalls calls;
    private final ObservableValue<String> workspace;
    private final Messages messages;
    private final Consumer<String> openWizard;
    private final Runnable openTimeline;

    // Properties
    private final ObservableList<ClusterRow> rows = FXCollections.observableArrayList();
    private final ObservableList<ClusterRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyObjectWrapper<ClusterRow> selected = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ProvisioningState> selectedState = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper selectedAttached = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Feedback> feedback = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Message> loadProblem = new ReadOnlyObjectWrapper<>();
    private final ClusterDetails details;

    // Derived state
    private final BooleanBinding noWorkspace;
    private final BooleanBinding newDisabled;
    private final BooleanBinding attachDisabled;
    private final BooleanBinding changeDisabled;
    private final BooleanBinding detachDisabled;
    private final BooleanBinding preemptDisabled;
    private final StringBinding preemptHint;
    private final StringBinding feedbackText;
    private final StringBinding tablePlaceholder;
    private final ClusterYamlActions yaml;

    /** The last clusters read, by name; touched on the FX thread only. */
    private Map<String, ComputeCluster> latest = Map.of();
    // Copies for refresh(), which runs off the FX thread.
    private volatile String shownWorkspace;
    private volatile String selectedName;
    /** A cluster to select once a refresh lists it (a notice opened before the screen read its workspace). */
    private String revealed;

    /**
     * @param workspace    the shell's selected workspace (null when there is none)
     * @param openWizard   opens the cluster creation wizard for a workspace
     * @param openTimeline shows the node timeline
     */
    public ComputeViewModel(ComputeService compute, UiThreads threads, ObservableValue<String> workspace,
                            Messages messages, Consumer<String> openWizard, Runnable openTimeline) {
        this(compute, null, threads, workspace, messages, openWizard, openTimeline, ZoneId.systemDefault());
    }

    /** @param files YAML import and export of clusters; null leaves both actions disabled */
    public ComputeViewModel(ComputeService compute, ClusterFiles files, UiThreads threads,
                            ObservableValue<String> workspace, Messages messages, Consumer<String> openWizard,
                            Runnable openTimeline) {
        this(compute, files, threads, workspace, messages, openWizard, openTimeline, ZoneId.systemDefault());
    }

    ComputeViewModel(ComputeService compute, UiThreads threads, ObservableValue<String> workspace, Messages messages,
                     Consumer<String> openWizard, Runnable openTimeline, ZoneId zone) {
        this(compute, null, threads, workspace, messages, openWizard, openTimeline, zone);
    }

    ComputeViewModel(ComputeService compute, ClusterFiles files, UiThreads threads, ObservableValue<String> workspace,
                     Messages messages, Consumer<String> openWizard, Runnable openTimeline, ZoneId zone) {
        this.compute = Objects.requireNonNull(compute, "compute");
        this.threads = Objects.requireNonNull(threads, "threads");
        this.calls = new ServiceCalls(threads);
        this.workspace = Objects.requireNonNull(workspace, "workspace");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.openWizard = Objects.requireNonNull(openWizard, "openWizard");
        this.openTimeline = Objects.requireNonNull(openTimeline, "openTimeline");
        this.details = new ClusterDetails(messages, zone);

        noWorkspace = Bindings.createBooleanBinding(() -> blank(workspace.getValue()), workspace);
        newDisabled = noWorkspace;
        attachDisabled = noWorkspace;
        changeDisabled = selected.isNull().or(selectedAttached)
                .or(selectedState.isEqualTo(ProvisioningState.DELETING));
        detachDisabled = selected.isNull().or(selectedAttached.not());
        preemptDisabled = details.shownProperty().not().or(details.attachedProperty())
                .or(details.tierProperty().isNotEqualTo(VmTier.LOW_PRIORITY))
                .or(details.hasPreemptableNodeProperty().not());
        preemptHint = Bindings.createStringBinding(this::describePreemption, details.shownProperty(),
                details.attachedProperty(), details.tierProperty(), details.hasPreemptableNodeProperty(),
                messages.bundleProperty());
        feedbackText = Bindings.createStringBinding(() -> feedback.get() == null ? null
                        : feedback.get().lines().stream().map(messages::format).collect(Collectors.joining("\n")),
                feedback, messages.bundleProperty());
        tablePlaceholder = Bindings.createStringBinding(() -> loadProblem.get() != null
                        ? messages.format(loadProblem.get())
                        : messages.render("compute.table.empty", workspace.getValue()),
                loadProblem, workspace, messages.bundleProperty());

        yaml = new ClusterYamlActions(files, calls, () -> shownWorkspace,
                () -> changeDisabled.get() ? null : selectedName, noWorkspace, changeDisabled, feedback::set,
                this::showCreated);

        shownWorkspace = blank(workspace.getValue()) ? null : workspace.getValue();
        workspace.addListener((observable, old, now) -> workspaceChanged(now));
    }

    // Commands

    /** Reads the workspace's compute and the selected cluster's nodes again, in the background (also F5). */
    public void refresh() {
        refresh(() -> { });
    }

    /** Selects a row (null: none); the details follow at once, the nodes as soon as they are read. */
    public void select(ClusterRow row) {
        if (Objects.equals(row, selected.get())) {
            return;
        }
        selectedState.unbind();
        selectedAttached.unbind();
        selected.set(row);
        selectedName = row == null ? null : row.name();
        if (row == null) {
            selectedState.set(null);
            selectedAttached.set(false);
            details.clear();
            return;
        }
        selectedState.bind(row.stateProperty());
        selectedAttached.bind(row.attachedProperty());
        ComputeCluster cluster = latest.get(row.name());
        if (cluster != null) {
            details.showCluster(cluster);
        }
        refresh();
    }

    /** Selects the cluster of this name, when it is listed. */
    public void select(String name) {
        select(rows.stream().filter(row -> row.name().equals(name)).findFirst().orElse(null));
    }

    /** Selects the cluster of this name now, or as soon as a refresh lists it. */
    public void reveal(String name) {
        select(name);
        revealed = selected.get() == null ? name : null;
    }

    public void newCluster() {
        if (!newDisabled.get()) {
            openWizard.accept(shownWorkspace);
        }
    }

    public void openTimeline() {
        openTimeline.run();
    }

    public void dismissFeedback() {
        feedback.set(null);
    }

    /** The form of the "Edit scale settings" dialog for the selected cluster. */
    public ScaleSettingsForm editScaleSettings() {
        ComputeCluster cluster = selectedManagedCluster();
        return new ScaleSettingsForm(compute, threads, messages, shownWorkspace, cluster,
                saved -> changed(Message.of("compute.scale.saved", saved.name())));
    }

    /** The form of the "Add identity" dialog for the selected cluster. */
    public IdentityForm editIdentity() {
        ComputeCluster cluster = selectedManagedCluster();
        return new IdentityForm(compute, threads, messages, shownWorkspace, cluster,
                saved -> changed(Message.of("compute.identity.saved", saved.name())));
    }

    /** The form of the "Attach compute" dialog for the shown workspace. */
    public AttachForm attach() {
        if (attachDisabled.get()) {
            throw new IllegalStateException("no workspace to attach compute to");
        }
        return new AttachForm(compute, threads, messages, shownWorkspace,
                attached -> changed(Message.of("compute.attach.saved", attached.name())));
    }

    /**
     * Deletes the selected cluster (the view asks first). A cluster that still has nodes becomes
     * Deleting; the engine removes its nodes, then the cluster.
     */
    public void delete() {
        ClusterRow row = selected.get();
        if (changeDisabled.get() || row == null) {
            return;
        }
        String ws = shownWorkspace;
        act(() -> compute.delete(ws, row.name()), gone -> gone
                ? Feedback.of(Feedback.Kind.SUCCESS, Message.of("compute.delete.done", row.name()))
                : Feedback.of(Feedback.Kind.INFO, Message.of("compute.delete.deleting", row.name())));
    }

    /** Detaches the selected attached compute (the view asks first). */
    public void detach() {
        ClusterRow row = selected.get();
        if (detachDisabled.get() || row == null) {
            return;
        }
        String ws = shownWorkspace;
        act(() -> {
            compute.detach(ws, row.name());
            return row.name();
        }, name -> Feedback.of(Feedback.Kind.SUCCESS, Message.of("compute.detach.done", name)));
    }

    /** Takes a node of the shown low-priority cluster back, as the platform may: its job restarts elsewhere. */
    public void preempt() {
        String name = details.name();
        if (preemptDisabled.get() || name == null) {
            return;
        }
        String ws = shownWorkspace;
        act(() -> compute.preempt(ws, name, null), node -> Feedback.of(Feedback.Kind.INFO, node.currentJob() == null
                ? Message.of("cluster.preempt.doneIdle", node.id(), name)
                : Message.of("cluster.preempt.done", node.id(), name, node.currentJob())));
    }

    // Internals

    private <T> void act(Supplier<T> call, Function<T, Feedback> onSuccess) {
        calls.call(call, result -> {
            feedback.set(onSuccess.apply(result));
            refresh();
        }, refusal -> {
            feedback.set(Feedback.refused(refusal));
            refresh();
        });
    }

    /** Reads the compute again, shows it, then does {@code then}. */
    private void refresh(Runnable then) {
        String ws = shownWorkspace;
        String name = selectedName;
        if (ws == null) {
            return;
        }
        calls.call(() -> read(ws, name), shown -> {
            apply(ws, name, shown);
            then.run();
        }, refusal -> showLoadProblem(ws, refusal));
    }

    /** What one refresh read: the workspace's compute and the nodes of the selected cluster. */
    private record Read(List<ComputeCluster> clusters, List<Node> nodes) {
    }

    private Read read(String ws, String name) {
        List<ComputeCluster> clusters = compute.list(ws);
        List<Node> nodes = name != null && clusters.stream().anyMatch(c -> c.name().equals(name))
                ? nodesOf(ws, name) : List.of();
        return new Read(clusters, nodes);
    }

    private void showLoadProblem(String ws, Refusal refusal) {
        if (ws.equals(shownWorkspace)) {
            loadProblem.set(Message.of("compute.loadFailed", ws, refusal.problems().get(0).text()));
        }
    }

    /** A cluster made elsewhere (a YAML file, the wizard): read the compute again and select it. */
    public void showCreated(String name) {
        refresh(() -> select(name));
    }

    private void changed(Message text) {
        feedback.set(Feedback.of(Feedback.Kind.SUCCESS, text));
        refresh();
    }

    private ComputeCluster selectedManagedCluster() {
        ClusterRow row = selected.get();
        if (row == null || changeDisabled.get()) {
            throw new IllegalStateException("no cluster created here is selected");
        }
        return Objects.requireNonNull(latest.get(row.name()), row.name());
    }

    private List<Node> nodesOf(String ws, String name) {
        try {
            return compute.listNodes(ws, name);
        } catch (NotFoundException e) {
            // Deleted between the two reads; the next refresh no longer lists it.
            return List.of();
        }
    }

    private void apply(String ws, String name, Read shown) {
        if (!ws.equals(shownWorkspace)) {
            return;
        }
        loadProblem.set(null);
        Map<String, ComputeCluster> byName = new HashMap<>();
        shown.clusters().forEach(cluster -> byName.put(cluster.name(), cluster));
        latest = byName;
        Rows.sync(rows, shown.clusters(), ComputeCluster::name, ClusterRow::name,
                cluster -> new ClusterRow(cluster, messages), ClusterRow::update);
        if (revealed != null && byName.containsKey(revealed)) {
            select(revealed);
            revealed = null;
        }
        ClusterRow current = selected.get();
        if (current != null && !byName.containsKey(current.name())) {
            select((ClusterRow) null);
        } else if (current != null) {
            details.showCluster(byName.get(current.name()));
            if (current.name().equals(name)) {
                details.showNodes(shown.nodes());
            }
        }
    }

    private void workspaceChanged(String now) {
        shownWorkspace = blank(now) ? null : now;
        revealed = null;
        select((ClusterRow) null);
        rows.clear();
        latest = Map.of();
        feedback.set(null);
        loadProblem.set(null);
        refresh();
    }

    private String describePreemption() {
        if (!details.shownProperty().get()) {
            return "";
        }
        if (details.attachedProperty().get()) {
            return messages.get("cluster.preempt.attached");
        }
        if (details.tierProperty().get() != VmTier.LOW_PRIORITY) {
            return messages.get("cluster.preempt.dedicated");
        }
        return messages.get(details.hasPreemptableNodeProperty().get()
                ? "cluster.preempt.ready" : "cluster.preempt.noNode");
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    // Read-only views

    /** The workspace's compute by name; a row changes in place with its cluster. Unmodifiable. */
    public ObservableList<ClusterRow> clusters() {
        return rowsView;
    }

    public ReadOnlyObjectProperty<ClusterRow> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public ClusterRow selected() {
        return selected.get();
    }

    public ClusterDetails details() {
        return details;
    }

    /** "Import YAML..." (and drop) and "Export YAML". */
    public ClusterYamlActions yaml() {
        return yaml;
    }

    /** What the last action came to; null when there is nothing to say. */
    public ReadOnlyObjectProperty<Feedback> feedbackProperty() {
        return feedback.getReadOnlyProperty();
    }

    public Feedback feedback() {
        return feedback.get();
    }

    /** The last action's outcome in the current language, a line each; null when there is nothing to say. */
    public StringBinding feedbackTextProperty() {
        return feedbackText;
    }

    public String feedbackText() {
        return feedbackText.get();
    }

    /** What the table says while it lists nothing: why the compute could not be read, or that there is none. */
    public StringBinding tablePlaceholderProperty() {
        return tablePlaceholder;
    }

    public BooleanBinding noWorkspaceProperty() {
        return noWorkspace;
    }

    public BooleanBinding newDisabledProperty() {
        return newDisabled;
    }

    public BooleanBinding attachDisabledProperty() {
        return attachDisabled;
    }

    /** Edit scale settings, add identity and delete: only for a selected cluster created here and not being deleted. */
    public BooleanBinding changeDisabledProperty() {
        return changeDisabled;
    }

    public BooleanBinding detachDisabledProperty() {
        return detachDisabled;
    }

    public BooleanBinding preemptDisabledProperty() {
        return preemptDisabled;
    }

    /** Why preemption can or cannot be simulated on the shown cluster, for its tooltip. */
    public StringBinding preemptHintProperty() {
        return preemptHint;
    }

    /** The workspace shown, as the shell selected it; null when there is none. */
    public String workspace() {
        return shownWorkspace;
    }
}
