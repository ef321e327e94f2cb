package dev.computestudio.ui.compute;

import dev.computestudio.domain.Node;
import dev.computestudio.domain.NodeState;
import dev.computestudio.ui.common.Messages;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.Objects;

/** One node of the selected cluster, updated in place while it lives. */
public final class NodeRow {

    private final String nodeId;
    private final String privateIp;
    /** 0 when the node has no SSH port (SSH is off). */
    private final int sshPort;
    private final ReadOnlyObjectWrapper<NodeState> state = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper job = new ReadOnlyStringWrapper();
    private final StringBinding stateText;

    NodeRow(Node node, Messages messages) {
        Objects.requireNonNull(node, "node");
        this.nodeId = node.id();
        this.privateIp = node.privateIpAddress();
        this.sshPort = node.sshPort();
        update(node);
        stateText = messages.display(state);
    }

    void update(Node node) {
        state.set(node.state());
        job.set(node.currentJob());
    }

    public String nodeId() {
        return nodeId;
    }

    public String privateIp() {
        return privateIp;
    }

    public int sshPort() {
        return sshPort;
    }

    public NodeState state() {
        return state.get();
    }

    public ReadOnlyObjectProperty<NodeState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** The state in the user's words, e.g. idle. */
    public StringBinding stateTextProperty() {
        return stateText;
    }

    /** The job the node runs; null when it runs none. */
    public String job() {
        return job.get();
    }

    public ReadOnlyStringProperty jobProperty() {
        return job.getReadOnlyProperty();
    }

    @Override
    public String toString() {
        return "NodeRow[" + nodeId + ", " + state.get() + "]";
    }
}
