package dev.computestudio.ui.compute;

import dev.computestudio.domain.AllocationState;
import dev.computestudio.domain.ComputeCluster;
import dev.computestudio.domain.ProvisioningState;
import dev.computestudio.domain.VmTier;
import dev.computestudio.ui.common.Messages;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.Objects;

/**
 * One line of the compute table. A row lives as long as its cluster and is updated in place, so
 * that the table keeps its selection and scroll position while the engine changes the counts. Its
 * texts follow both the cluster and the language.
 */
public final class ClusterRow {

    /** What a value that does not apply (the tier of attached compute) shows. */
    static final String NONE = "—";

    private final String name;
    private final ReadOnlyObjectWrapper<ProvisioningState> state = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper size = new ReadOnlyStringWrapper();
    private final ReadOnlyObjectWrapper<VmTier> tier = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyIntegerWrapper current = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper target = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper min = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper max = new ReadOnlyIntegerWrapper();
    private final ReadOnlyObjectWrapper<AllocationState> allocation = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyLongWrapper idleSeconds = new ReadOnlyLongWrapper();
    private final ReadOnlyBooleanWrapper attached = new ReadOnlyBooleanWrapper();
    private final ReadOnlyIntegerWrapper errorCount = new ReadOnlyIntegerWrapper();
    private final StringBinding stateText;
    private final StringBinding sizeText;
    private final StringBinding tierText;
    private final StringBinding allocationText;
    private final StringBinding errorsText;

    ClusterRow(ComputeCluster cluster, Messages messages) {
        this.name = Objects.requireNonNull(cluster, "cluster").name();
        update(cluster);
        stateText = messages.display(state);
        allocationText = messages.display(allocation);
        sizeText = Bindings.createStringBinding(() -> attached.get() ? messages.get("compute.attached") : size.get(),
                size, attached, messages.bundleProperty());
        tierText = Bindings.createStringBinding(() -> attached.get() ? NONE : messages.display(tier.get()),
                tier, attached, messages.bundleProperty());
        errorsText = Bindings.createStringBinding(() -> errorCount.get() == 0 ? null
                : messages.render("compute.column.name.errors", errorCount.get()), errorCount, messages.bundleProperty());
    }

    /** Takes the cluster's latest values; a value that did not change fires nothing. */
    void update(ComputeCluster cluster) {
        if (!cluster.name().equals(name)) {
            throw new IllegalArgumentException("row of '" + name + "' cannot show '" + cluster.name() + "'");
        }
        state.set(cluster.status().provisioningState());
        size.set(cluster.spec().size());
        tier.set(cluster.spec().tier());
        current.set(cluster.status().currentNodeCount());
        target.set(cluster.status().targetNodeCount());
        min.set(cluster.spec().minNodes());
        max.set(cluster.spec().maxNodes());
        allocation.set(cluster.status().allocationState());
        idleSeconds.set(cluster.spec().idleTimeBeforeScaleDown().toSeconds());
        attached.set(cluster.isAttached());
        errorCount.set(cluster.status().errors().size());
    }

    public String name() {
        return name;
    }

    public ProvisioningState state() {
        return state.get();
    }

    public ReadOnlyObjectProperty<ProvisioningState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty sizeProperty() {
        return size.getReadOnlyProperty();
    }

    public VmTier tier() {
        return tier.get();
    }

    public ReadOnlyObjectProperty<VmTier> tierProperty() {
        return tier.getReadOnlyProperty();
    }

    public int current() {
        return current.get();
    }

    public ReadOnlyIntegerProperty currentProperty() {
        return current.getReadOnlyProperty();
    }

    public int target() {
        return target.get();
    }

    public ReadOnlyIntegerProperty targetProperty() {
        return target.getReadOnlyProperty();
    }

    public int min() {
        return min.get();
    }

    public ReadOnlyIntegerProperty minProperty() {
        return min.getReadOnlyProperty();
    }

    public int max() {
        return max.get();
    }

    public ReadOnlyIntegerProperty maxProperty() {
        return max.getReadOnlyProperty();
    }

    public AllocationState allocation() {
        return allocation.get();
    }

    public ReadOnlyObjectProperty<AllocationState> allocationProperty() {
        return allocation.getReadOnlyProperty();
    }

    public long idleSeconds() {
        return idleSeconds.get();
    }

    public ReadOnlyLongProperty idleSecondsProperty() {
        return idleSeconds.getReadOnlyProperty();
    }

    public boolean isAttached() {
        return attached.get();
    }

    public ReadOnlyBooleanProperty attachedProperty() {
        return attached.getReadOnlyProperty();
    }

    public int errorCount() {
        return errorCount.get();
    }

    public ReadOnlyIntegerProperty errorCountProperty() {
        return errorCount.getReadOnlyProperty();
    }

    /** The provisioning state in the user's words, e.g. Succeeded. */
    public StringBinding stateTextProperty() {
        return stateText;
    }

    /** The VM size, or that the compute is attached. */
    public StringBinding sizeTextProperty() {
        return sizeText;
    }

    public StringBinding tierTextProperty() {
        return tierText;
    }

    public StringBinding allocationTextProperty() {
        return allocationText;
    }

    /** What the name's warning sign says; null when the cluster reports no error. */
    public StringBinding errorsTextProperty() {
        return errorsText;
    }

    @Override
    public String toString() {
        return "ClusterRow[" + name + "]";
    }
}
