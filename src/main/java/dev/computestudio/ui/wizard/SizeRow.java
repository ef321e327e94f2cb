package dev.computestudio.ui.wizard;

import dev.computestudio.domain.VmSize;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;

import java.util.Objects;

/**
 * One VM size in the wizard's table. What the catalog says is fixed; the available quota and the
 * price follow the chosen tier, so the row changes in place and the table keeps its selection.
 */
public final class SizeRow {

    private final VmSize size;
    private final ReadOnlyLongWrapper availableVCpus = new ReadOnlyLongWrapper();
    private final ReadOnlyDoubleWrapper pricePerHour = new ReadOnlyDoubleWrapper();

    SizeRow(VmSize size) {
        this.size = Objects.requireNonNull(size, "size");
    }

    void update(long available, double price) {
        availableVCpus.set(available);
        pricePerHour.set(price);
    }

    public VmSize size() {
        return size;
    }

    public String name() {
        return size.name();
    }

    public int vCpus() {
        return size.vCpus();
    }

    public double memoryGiB() {
        return size.memoryGiB();
    }

    public int gpus() {
        return size.gpus();
    }

    public String gpuModel() {
        return size.gpuModel();
    }

    public String family() {
        return size.family();
    }

    /** vCPUs of quota left for this size: its family's when dedicated, the low-priority pool's otherwise. */
    public ReadOnlyLongProperty availableVCpusProperty() {
        return availableVCpus.getReadOnlyProperty();
    }

    public long availableVCpus() {
        return availableVCpus.get();
    }

    /** Not even one node fits: a cluster of this size could not scale (it can still be created). */
    public boolean hasNoQuota() {
        return availableVCpus.get() < size.vCpus();
    }

    public ReadOnlyDoubleProperty pricePerHourProperty() {
        return pricePerHour.getReadOnlyProperty();
    }

    public double pricePerHour() {
        return pricePerHour.get();
    }

    @Override
    public String toString() {
        return "SizeRow[" + size.name() + "]";
    }
}
