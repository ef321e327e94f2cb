package dev.computestudio.ui.compute;

import dev.computestudio.domain.ClusterError;
import dev.computestudio.domain.ClusterSpec;
import dev.computestudio.domain.ClusterStatus;
import dev.computestudio.domain.ComputeCluster;
import dev.computestudio.domain.IdentityType;
import dev.computestudio.domain.Message;
import dev.computestudio.domain.Node;
import dev.computestudio.domain.NodeState;
import dev.computestudio.domain.NodeStateCounts;
import dev.computestudio.domain.VmTier;
import dev.computestudio.ui.common.Messages;
import dev.computestudio.ui.common.Rows;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The details of the selected cluster: its properties, node state counts, nodes and errors with
 * what to do about them, in the current language. Part of {@link ComputeViewModel}, which fills it
 * on the FX thread.
 */
public final class ClusterDetails {

    private static final String NONE = ClusterRow.NONE;

    private final Messages messages;
    private final ZoneId zone;

    // Properties
    private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper();
    private final ReadOnlyObjectWrapper<VmTier> tier = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper attached = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<NodeStateCounts> counts = new ReadOnlyObjectWrapper<>(NodeStateCounts.ZERO);
    private final ObservableList<DetailItem> properties = FXCollections.observableArrayList();
    private final ObservableList<NodeRow> nodes =
            FXCollections.observableArrayList(row -> new Observable[] {row.stateProperty(), row.jobProperty()});
    private final ObservableList<ClusterErrorRow> errors = FXCollections.observableArrayList();
    private final ObservableList<DetailItem> propertiesView = FXCollections.unmodifiableObservableList(properties);
    private final ObservableList<NodeRow> nodesView = FXCollections.unmodifiableObservableList(nodes);
    private final ObservableList<ClusterErrorRow> errorsView = FXCollections.unmodifiableObservableList(errors);
    private final BooleanBinding shown = name.isNotNull();
    private final BooleanBinding hasPreemptableNode;
    private final StringBinding nodeTotalText;

    private ComputeCluster cluster;

    ClusterDetails(Messages messages, ZoneId zone) {
        this.messages = messages;
        this.zone = zone;
        hasPreemptableNode = Bindings.createBooleanBinding(() -> nodes.stream()
                .anyMatch(node -> node.state() == NodeState.RUNNING || node.state() == NodeState.IDLE), nodes);
        nodeTotalText = Bindings.createStringBinding(() -> counts.get().total() == 0
                ? messages.get("cluster.nodeState.none")
                : messages.render("cluster.nodeState.total", counts.get().total()), counts, messages.bundleProperty());
        // Values are rendered in the current language, so a change of language renders them again.
        messages.bundleProperty().addListener((observable, old, now) -> {
            if (cluster != null) {
                showCluster(cluster);
            }
        });
    }

    /** What to do about an error with this code: a message key, or null when the studio has no advice. */
    public static String hintKey(String code) {
        return switch (code) {
            case ClusterError.QUOTA_EXCEEDED -> "cluster.hint.QuotaExceeded";
            case ClusterError.SCOPE_LOCKED -> "cluster.hint.ScopeLocked";
            case ClusterError.RUNNER_UNAVAILABLE -> "cluster.hint.RunnerUnavailable";
            default -> null;
        };
    }

    // Updates, on the FX thread

    /** Shows a cluster's settings and status; its nodes stay as they are until {@link #showNodes}. */
    void showCluster(ComputeCluster newCluster) {
        boolean other = cluster == null || !cluster.name().equals(newCluster.name());
        cluster = newCluster;
        if (other) {
            nodes.clear();
        }
        name.set(newCluster.name());
        tier.set(newCluster.spec().tier());
        attached.set(newCluster.isAttached());
        counts.set(newCluster.status().nodeStateCounts());
        ClusterStatus status = newCluster.status();
        summary.set(messages.format(Message.of("cluster.summary", status.provisioningState(),
                status.allocationState(), status.currentNodeCount(), status.targetNodeCount())));
        List<DetailItem> items = items(newCluster);
        if (!items.equals(properties)) {
            properties.setAll(items);
        }
        List<ClusterErrorRow> errorRows = newCluster.status().errors().stream()
                .map(error -> new ClusterErrorRow(error.code(), messages.format(error.text()),
                        hintKey(error.code()) == null ? null : messages.get(hintKey(error.code()))))
                .toList();
        if (!errorRows.equals(errors)) {
            errors.setAll(errorRows);
        }
    }

    /**
     * Shows the cluster's nodes, just read. The counts follow them at once: the cluster's own
     * counts only change at the engine's next pass (e.g. after a preemption).
     */
    void showNodes(List<Node> newNodes) {
        Rows.sync(nodes, newNodes, Node::id, NodeRow::nodeId, node -> new NodeRow(node, messages), NodeRow::update);
        counts.set(NodeStateCounts.of(newNodes.stream().map(Node::state).toList()));
    }

    void clear() {
        cluster = null;
        name.set(null);
        summary.set(null);
        tier.set(null);
        attached.set(false);
        counts.set(NodeStateCounts.ZERO);
        properties.clear();
        nodes.clear();
        errors.clear();
    }

    /** The cluster shown, as last read; null when none is. */
    ComputeCluster cluster() {
        return cluster;
    }

    private List<DetailItem> items(ComputeCluster c) {
        List<DetailItem> items = new ArrayList<>();
        ClusterSpec spec = c.spec();
        if (c.isAttached()) {
            items.add(new DetailItem("cluster.prop.resourceId", c.attachedResourceId()));
            items.add(new DetailItem("cluster.prop.created", created(c)));
            return items;
        }
        items.add(new DetailItem("cluster.prop.size", spec.size()));
        items.add(new DetailItem("cluster.prop.tier", messages.display(spec.tier())));
        items.add(new DetailItem("cluster.prop.scale",
                messages.render("cluster.prop.scale.value", spec.minNodes(), spec.maxNodes())));
        items.add(new DetailItem("cluster.prop.idle",
                messages.render("cluster.prop.idle.value", spec.idleTimeBeforeScaleDown().toSeconds())));
        items.add(new DetailItem("cluster.prop.location", spec.location() == null ? NONE : spec.location()));
        items.add(new DetailItem("cluster.prop.ssh", spec.ssh().isConfigured()
                ? messages.render(spec.ssh().publicAccessEnabled() ? "cluster.ssh.public" : "cluster.ssh.private",
                        spec.ssh().adminUsername() == null ? NONE : spec.ssh().adminUsername())
                : messages.get("cluster.ssh.off")));
        items.add(new DetailItem("cluster.prop.identity", messages.display(spec.identity().type())));
        if (spec.identity().type() == IdentityType.USER_ASSIGNED) {
            items.add(new DetailItem("cluster.prop.identityIds",
                    String.join("\n", spec.identity().userAssignedIdentityIds())));
        } else if (spec.identity().type() == IdentityType.SYSTEM_ASSIGNED && c.systemIdentity() != null) {
            items.add(new DetailItem("cluster.prop.identityIds", messages.render("cluster.identity.system.ids",
                    c.systemIdentity().clientId(), c.systemIdentity().principalId())));
        }
        items.add(new DetailItem("cluster.prop.description",
                spec.description() == null || spec.description().isBlank() ? NONE : spec.description()));
        items.add(new DetailItem("cluster.prop.tags", tags(spec.tags())));
        items.add(new DetailItem("cluster.prop.created", created(c)));
        return items;
    }

    private String created(ComputeCluster c) {
        Locale locale = messages.bundleProperty().get().getLocale();
        // The English texts are the base bundle, whose locale is the root one: no language at all.
        Locale language = locale.getLanguage().isEmpty() ? Locale.ENGLISH : locale;
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(language).withZone(zone)
                .format(c.createdAt());
    }

    private static String tags(Map<String, String> tags) {
        return tags.isEmpty() ? NONE : tags.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
    }

    // Read-only views

    /** The cluster shown; null when none is selected. */
    public ReadOnlyStringProperty nameProperty() {
        return name.getReadOnlyProperty();
    }

    public String name() {
        return name.get();
    }

    public BooleanBinding shownProperty() {
        return shown;
    }

    /** E.g. "Succeeded · Resizing · 1 node, target 2". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<VmTier> tierProperty() {
        return tier.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty attachedProperty() {
        return attached.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<NodeStateCounts> countsProperty() {
        return counts.getReadOnlyProperty();
    }

    public NodeStateCounts counts() {
        return counts.get();
    }

    /** Name and value of each property, in the order they are listed; unmodifiable. */
    public ObservableList<DetailItem> properties() {
        return propertiesView;
    }

    /** Nodes that have not gone, oldest first; a row changes in place with its node. Unmodifiable. */
    public ObservableList<NodeRow> nodes() {
        return nodesView;
    }

    public ObservableList<ClusterErrorRow> errors() {
        return errorsView;
    }

    /** A node state's name in the user's words, following the language. */
    public StringBinding nodeStateName(NodeState state) {
        return Bindings.createStringBinding(() -> messages.display(state), messages.bundleProperty());
    }

    /** E.g. "running: 2", for a part of the node state chart. */
    public StringBinding nodeStateCount(NodeState state, int count) {
        return Bindings.createStringBinding(() -> messages.render("cluster.nodeState.count", messages.display(state),
                count), messages.bundleProperty());
    }

    /** How many nodes the cluster has in all, or that it has scaled to zero. */
    public StringBinding nodeTotalTextProperty() {
        return nodeTotalText;
    }

    /** Whether a node is idle or running, so that one could be preempted. */
    public BooleanBinding hasPreemptableNodeProperty() {
        return hasPreemptableNode;
    }
}
