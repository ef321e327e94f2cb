package dev.computestudio.ui.wizard;

import dev.computestudio.domain.Message;
import dev.computestudio.domain.Problem;
import dev.computestudio.domain.QuotaKeys;
import dev.computestudio.domain.QuotaLedger;
import dev.computestudio.domain.VmCatalog;
import dev.computestudio.domain.VmSize;
import dev.computestudio.domain.VmTier;
import dev.computestudio.domain.Workspace;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The virtual machine step: where the nodes run, their tier, and their size, chosen in a table of
 * the catalog's CPU or GPU sizes filtered by text, with each size's quota left and price. As in the
 * cloud's studio a recommended size is chosen at first (the cloud's default for CPU, the smallest
 * GPU size with quota left), and switching CPU/GPU or the tier never leaves a size chosen that the
 * table no longer shows: it gives way to the recommended one, or to none.
 */
public final class SizeChoice {

    /** Which sizes the table lists. */
    public enum MachineKind { CPU, GPU }

    /** Regions offered besides the workspace's own; a cluster lives in its workspace's region by default. */
    static final List<String> REGIONS = List.of("eastus", "eastus2", "westus2", "westus3", "centralus",
            "northcentralus", "southcentralus", "canadacentral", "brazilsouth", "northeurope", "westeurope",
            "uksouth", "francecentral", "germanywestcentral", "swedencentral", "centralindia", "southeastasia",
            "japaneast", "koreacentral", "australiaeast");

    private final WizardTexts texts;
    private VmCatalog catalog = new VmCatalog(List.of());
    private QuotaLedger ledger;

    // Properties
    private final ObservableList<String> locations = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper workspaceLocation = new ReadOnlyStringWrapper("");
    private final StringProperty location = new SimpleStringProperty("");
    private final ObjectProperty<VmTier> tier = new SimpleObjectProperty<>(VmTier.DEDICATED);
    private final ObjectProperty<MachineKind> machineKind = new SimpleObjectProperty<>(MachineKind.CPU);
    private final StringProperty sizeFilter = new SimpleStringProperty("");
    private final ObservableList<SizeRow> allSizes = FXCollections.observableArrayList();
    private final FilteredList<SizeRow> sizes = new FilteredList<>(allSizes);
    private final ReadOnlyObjectWrapper<SizeRow> selectedSize = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyIntegerWrapper lowPrioritySavingPercent = new ReadOnlyIntegerWrapper();
    private final StringBinding selectedSizeSummary;

    // Unmodifiable views made once: a view made per call would be collected, and its listeners with it.
    private final ObservableList<String> locationsView = FXCollections.unmodifiableObservableList(locations);
    private final ObservableList<SizeRow> sizesView = FXCollections.unmodifiableObservableList(sizes);

    SizeChoice(WizardTexts texts) {
        this.texts = texts;
        sizes.predicateProperty().bind(Bindings.createObjectBinding(
                () -> row -> matches(row, machineKind.get(), sizeFilter.get()), machineKind, sizeFilter));
        selectedSizeSummary = texts.bind(this::summary, selectedSize, tier, machineKind);
        Inputs.onChange(() -> {
            updateRows();
            keepSelectionShown();
        }, tier);
        Inputs.onChange(this::keepSelectionShown, machineKind);
        Inputs.onChange(this::updateSaving, selectedSize);
    }

    // Commands

    /** Offers the workspace's region first and lists the catalog's sizes with the quota left for each. */
    void show(Workspace workspace, List<VmSize> catalogSizes, QuotaLedger quotaLedger) {
        catalog = new VmCatalog(catalogSizes);
        ledger = quotaLedger;
        String region = workspace.location();
        workspaceLocation.set(region);
        LinkedHashSet<String> regions = new LinkedHashSet<>();
        regions.add(region);
        regions.addAll(REGIONS);
        locations.setAll(regions);
        if (location.get() == null || location.get().isBlank()) {
            location.set(region);
        }
        allSizes.setAll(catalogSizes.stream().map(SizeRow::new).toList());
        updateRows();
        keepSelectionShown();
        updateSaving();
    }

    public void selectSize(SizeRow row) {
        selectedSize.set(row);
    }

    /** Selects a size of the catalog by its name (any case); false when there is none. */
    public boolean selectSize(String sizeName) {
        Optional<SizeRow> row = allSizes.stream().filter(r -> r.name().equalsIgnoreCase(sizeName)).findFirst();
        row.ifPresent(this::selectSize);
        return row.isPresent();
    }

    // What the choice stands for

    /** The chosen size's name, else the command line's default (a size must still be chosen to go on). */
    String sizeName() {
        return selectedSize.get() == null ? VmCatalog.DEFAULT_SIZE : selectedSize.get().name();
    }

    /** The chosen region; null for the workspace's own. */
    String region() {
        return location.get() == null || location.get().isBlank() ? null : location.get().trim();
    }

    VmTier tier() {
        return tier.get();
    }

    VmCatalog catalog() {
        return catalog;
    }

    /** What keeps this step from going on: no size chosen yet. */
    List<Problem> problems() {
        return selectedSize.get() != null ? List.of()
                : List.of(new Problem(Field.SIZE.serviceName(), "required", Message.of("wizard.vm.sizeRequired")));
    }

    /** A size's GPUs as the table and the review show them, in the current language. */
    public String gpuText(VmSize size) {
        if (!size.isGpu()) {
            return texts.format("wizard.vm.gpu.none");
        }
        return size.gpuModel().isBlank() ? String.valueOf(size.gpus())
                : texts.format("wizard.vm.gpu.count", size.gpus(), size.gpuModel());
    }

    /**
     * The size the wizard chooses for the user: the cloud's default for CPU; for GPU the smallest
     * (fewest vCPUs, then cheapest) whose quota left holds one node at the chosen tier; empty when
     * none has quota.
     */
    Optional<SizeRow> recommended() {
        if (machineKind.get() == MachineKind.CPU) {
            return allSizes.stream().filter(row -> row.name().equalsIgnoreCase(VmCatalog.DEFAULT_SIZE)).findFirst();
        }
        return allSizes.stream().filter(row -> row.gpus() > 0 && !row.hasNoQuota())
                .min(Comparator.comparingInt(SizeRow::vCpus).thenComparingDouble(SizeRow::pricePerHour));
    }

    /** A chosen size the table no longer shows is let go; then, with none chosen, the recommended one is taken when shown. */
    private void keepSelectionShown() {
        if (selectedSize.get() != null && !sizes.contains(selectedSize.get())) {
            selectedSize.set(null);
        }
        if (selectedSize.get() == null) {
            recommended().filter(sizes::contains).ifPresent(selectedSize::set);
        }
    }

    private String summary() {
        SizeRow row = selectedSize.get();
        if (row == null) {
            return texts.format(machineKind.get() == MachineKind.GPU && ledger != null && recommended().isEmpty()
                    ? "wizard.vm.noGpuQuota" : "wizard.vm.noSelection");
        }
        return texts.format("wizard.vm.selection", row.name(), row.vCpus(), row.memoryGiB(), gpuText(row.size()),
                WizardTexts.price(row.size().pricePerHour(tier.get())), tier.get());
    }

    private void updateRows() {
        for (SizeRow row : allSizes) {
            row.update(availableVCpus(row.size()), row.size().pricePerHour(tier.get()));
        }
    }

    private long availableVCpus(VmSize size) {
        if (ledger == null) {
            return 0;
        }
        String key = tier.get() == VmTier.DEDICATED ? size.family() : QuotaKeys.LOW_PRIORITY_VCPUS;
        return Math.max(0, ledger.limit(key) - ledger.used(key));
    }

    private void updateSaving() {
        SizeRow row = selectedSize.get();
        VmSize size = row == null ? catalog.find(VmCatalog.DEFAULT_SIZE).orElse(null) : row.size();
        lowPrioritySavingPercent.set(size == null || size.dedicatedPricePerHour() <= 0 ? 0
                : (int) Math.round(100 * (1 - size.lowPriorityPricePerHour() / size.dedicatedPricePerHour())));
    }

    private static boolean matches(SizeRow row, MachineKind kind, String filter) {
        if ((kind == MachineKind.GPU) != (row.gpus() > 0)) {
            return false;
        }
        String wanted = filter == null ? "" : filter.trim().toLowerCase(Locale.ROOT);
        return wanted.isEmpty() || (row.name() + " " + row.family() + " " + row.gpuModel() + " "
                + QuotaKeys.familyDisplayName(row.family())).toLowerCase(Locale.ROOT).contains(wanted);
    }

    // Read-only views and inputs

    public ReadOnlyStringProperty workspaceLocationProperty() {
        return workspaceLocation.getReadOnlyProperty();
    }

    /** The workspace's region first, then the other regions offered. */
    public ObservableList<String> locations() {
        return locationsView;
    }

    public StringProperty locationProperty() {
        return location;
    }

    public ObjectProperty<VmTier> tierProperty() {
        return tier;
    }

    public ObjectProperty<MachineKind> machineKindProperty() {
        return machineKind;
    }

    public StringProperty sizeFilterProperty() {
        return sizeFilter;
    }

    /** The sizes the kind and the filter let through; unmodifiable. */
    public ObservableList<SizeRow> sizes() {
        return sizesView;
    }

    public ReadOnlyObjectProperty<SizeRow> selectedSizeProperty() {
        return selectedSize.getReadOnlyProperty();
    }

    /** How much cheaper low priority is for the chosen size (the default size before one is chosen). */
    public ReadOnlyIntegerProperty lowPrioritySavingPercentProperty() {
        return lowPrioritySavingPercent.getReadOnlyProperty();
    }

    /** The chosen size in one sentence (or how to choose one), in the current language. */
    public StringBinding selectedSizeSummaryProperty() {
        return selectedSizeSummary;
    }
}
