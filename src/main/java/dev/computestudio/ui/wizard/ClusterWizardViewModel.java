package dev.computestudio.ui.wizard;

import dev.computestudio.domain.ClusterError;
import dev.computestudio.domain.ClusterIdentity;
import dev.computestudio.domain.ClusterSpec;
import dev.computestudio.domain.ComputeCluster;
import dev.computestudio.domain.ConflictException;
import dev.computestudio.domain.IdentityType;
import dev.computestudio.domain.NameRules;
import dev.computestudio.domain.NetworkSettings;
import dev.computestudio.domain.NotFoundException;
import dev.computestudio.domain.Problem;
import dev.computestudio.domain.QuotaKeys;
import dev.computestudio.domain.QuotaLedger;
import dev.computestudio.domain.SshSettings;
import dev.computestudio.domain.UserAssignedIdentity;
import dev.computestudio.domain.ValidationException;
import dev.computestudio.domain.VmCatalog;
import dev.computestudio.domain.VmSize;
import dev.computestudio.domain.VmTier;
import dev.computestudio.domain.Workspace;
import dev.computestudio.service.ComputeService;
import dev.computestudio.service.QuotaService;
import dev.computestudio.service.WorkspaceService;
import dev.computestudio.ui.common.Messages;
import dev.computestudio.ui.common.UiThreads;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import javafx.collections.transformation.FilteredList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The "new compute cluster" wizard, as Azure ML studio has it: virtual machine, settings,
 * identity, review. It owns the page index and the derived button states; it checks every field
 * as it changes with the domain's own rules ({@link NameRules}, {@link ClusterSpec#check}) and
 * maps what the service still refuses back to the step and field it names.
 *
 * <p>Services run on {@code threads.background()}; properties change on {@code threads.fx()} only.
 * Call {@link #load()} once after building it.
 */
public final class ClusterWizardViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterWizardViewModel.class);

    /** Regions offered besides the workspace's own; a cluster lives in its workspace's region by default. */
    static final List<String> REGIONS = List.of("eastus", "eastus2", "westus2", "westus3", "centralus",
            "northcentralus", "southcentralus", "canadacentral", "brazilsouth", "northeurope", "westeurope",
            "uksouth", "francecentral", "germanywestcentral", "swedencentral", "centralindia", "southeastasia",
            "japaneast", "koreacentral", "australiaeast");

    /** The wizard's pages, in order. */
    public enum Step {
        VIRTUAL_MACHINE, SETTINGS, IDENTITY, REVIEW;

        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** Which sizes the table lists. */
    public enum MachineKind { CPU, GPU }

    /** How the SSH admin signs in. */
    public enum Credential { PASSWORD, SSH_KEY }

    /** Where creation stands. */
    public enum Phase { EDITING, CREATING, WAITING_FOR_NODES, CREATED }

    /** An input the user fills in, on the step that shows it, with the name the service uses for it. */
    public enum Field {
        SIZE(Step.VIRTUAL_MACHINE, "size"),
        LOCATION(Step.VIRTUAL_MACHINE, "location"),
        NAME(Step.SETTINGS, "name"),
        MIN_NODES(Step.SETTINGS, "min_instances"),
        MAX_NODES(Step.SETTINGS, "max_instances"),
        IDLE_SECONDS(Step.SETTINGS, "idle_time_before_scale_down"),
        ADMIN_USERNAME(Step.SETTINGS, "ssh_settings.admin_username"),
        ADMIN_PASSWORD(Step.SETTINGS, "ssh_settings.admin_password"),
        SSH_KEY(Step.SETTINGS, "ssh_settings.ssh_key_value"),
        USER_ASSIGNED_IDS(Step.IDENTITY, "identity.user_assigned_identities");

        private final Step step;
        private final String serviceName;

        Field(Step step, String serviceName) {
            this.step = step;
            this.serviceName = serviceName;
        }

        public Step step() {
            return step;
        }
    }

    /** One line of the review page: the step it belongs to, what it is, what was chosen. */
    public record ReviewItem(Step step, String label, String value) {
    }

    /**
     * How the wizard waits for a new cluster's minimum nodes: {@code afterInterval} runs a probe
     * one interval later (off the FX thread), {@code clock} and {@code timeout} decide when to give up.
     */
    public record Polling(Executor afterInterval, Clock clock, Duration timeout) {

        public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

        public Polling {
            Objects.requireNonNull(afterInterval, "afterInterval");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(timeout, "timeout");
        }

        /** A probe every {@code interval} on {@code background}, giving up after a minute. */
        public static Polling every(Duration interval, Executor background) {
            return new Polling(CompletableFuture.delayedExecutor(interval.toMillis(), TimeUnit.MILLISECONDS, background),
                    Clock.systemUTC(), DEFAULT_TIMEOUT);
        }
    }

    private final String workspace;
    private final WorkspaceService workspaces;
    private final ComputeService compute;
    private final QuotaService quota;
    private final UiThreads threads;
    private final Messages messages;
    private final Polling polling;

    private VmCatalog catalog = new VmCatalog(List.of());
    private QuotaLedger ledger;
    private Set<String> existingNames = Set.of();
    private final Set<Field> touched = EnumSet.noneOf(Field.class);
    private final Map<Field, String> refusedByService = new EnumMap<>(Field.class);
    private volatile boolean closed;
    private boolean settingQuietly;

    // Properties: navigation and loading
    private final ReadOnlyIntegerWrapper page = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyObjectWrapper<Step> step = new ReadOnlyObjectWrapper<>(Step.VIRTUAL_MACHINE);
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper workspaceLocation = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper exampleIdentityId = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper closeRequested = new ReadOnlyBooleanWrapper();

    // Properties: inputs (the view binds them both ways)
    private final ObservableList<String> locations = FXCollections.observableArrayList();
    private final StringProperty location = new SimpleStringProperty("");
    private final ObjectProperty<VmTier> tier = new SimpleObjectProperty<>(VmTier.DEDICATED);
    private final ObjectProperty<MachineKind> machineKind = new SimpleObjectProperty<>(MachineKind.CPU);
    private final StringProperty sizeFilter = new SimpleStringProperty("");
    private final ObservableList<SizeRow> allSizes = FXCollections.observableArrayList();
    private final FilteredList<SizeRow> sizes = new FilteredList<>(allSizes);
    private final ReadOnlyObjectWrapper<SizeRow> selectedSize = new ReadOnlyObjectWrapper<>();
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty minNodes = new SimpleStringProperty("0");
    private final StringProperty maxNodes = new SimpleStringProperty(String.valueOf(ClusterSpec.DEFAULT_MAX_NODES));
    private final StringProperty idleSeconds = new SimpleStringProperty(
            String.valueOf(ClusterSpec.DEFAULT_IDLE_TIME.toSeconds()));
    private final BooleanProperty sshEnabled = new SimpleBooleanProperty(false);
    private final StringProperty adminUsername = new SimpleStringProperty("");
    private final ObjectProperty<Credential> credential = new SimpleObjectProperty<>(Credential.PASSWORD);
    private final StringProperty adminPassword = new SimpleStringProperty("");
    private final StringProperty sshKey = new SimpleStringProperty("");
    private final ObjectProperty<IdentityType> identityType = new SimpleObjectProperty<>(IdentityType.NONE);
    private final StringProperty userAssignedIds = new SimpleStringProperty("");

    // Properties: what the checks and the estimate say
    private final ObservableMap<Field, String> problems = FXCollections.observableMap(new EnumMap<>(Field.class));
    private final Map<Field, ReadOnlyStringWrapper> errors = new EnumMap<>(Field.class);
    private final ReadOnlyIntegerWrapper lowPrioritySavingPercent = new ReadOnlyIntegerWrapper();
    private final ReadOnlyDoubleWrapper costAtMin = new ReadOnlyDoubleWrapper();
    private final ReadOnlyDoubleWrapper costAtMax = new ReadOnlyDoubleWrapper();
    private final ReadOnlyStringWrapper costAtMinText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper costAtMaxText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper selectedSizeSummary = new ReadOnlyStringWrapper("");
    private final ObservableList<String> quotaWarnings = FXCollections.observableArrayList();
    private final ObservableList<ReviewItem> reviewItems = FXCollections.observableArrayList();

    // Properties: creating
    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(Phase.EDITING);
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper errorText = new ReadOnlyStringWrapper("");
    private final ObservableList<String> serviceWarnings = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<ComputeCluster> createdCluster = new ReadOnlyObjectWrapper<>();

    // Unmodifiable views made once: a view made per call would be collected, and its listeners with it.
    private final ObservableList<String> locationsView = FXCollections.unmodifiableObservableList(locations);
    private final ObservableList<SizeRow> sizesView = FXCollections.unmodifiableObservableList(sizes);
    private final ObservableList<String> quotaWarningsView = FXCollections.unmodifiableObservableList(quotaWarnings);
    private final ObservableList<ReviewItem> reviewItemsView = FXCollections.unmodifiableObservableList(reviewItems);
    private final ObservableList<String> serviceWarningsView = FXCollections.unmodifiableObservableList(serviceWarnings);
    private final ObservableMap<Field, String> problemsView = FXCollections.unmodifiableObservableMap(problems);

    private final BooleanBinding stepValid;
    private final BooleanBinding nextDisabled;
    private final BooleanBinding backDisabled;
    private final BooleanBinding createDisabled;
    private final BooleanBinding working;

    public ClusterWizardViewModel(String workspace, WorkspaceService workspaces, ComputeService compute,
                                  QuotaService quota, UiThreads threads, Messages messages, Polling polling) {
        this.workspace = Objects.requireNonNull(workspace, "workspace");
        this.workspaces = Objects.requireNonNull(workspaces, "workspaces");
        this.compute = Objects.requireNonNull(compute, "compute");
        this.quota = Objects.requireNonNull(quota, "quota");
        this.threads = Objects.requireNonNull(threads, "threads");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.polling = Objects.requireNonNull(polling, "polling");
        for (Field field : Field.values()) {
            errors.put(field, new ReadOnlyStringWrapper());
        }

        step.bind(Bindings.createObjectBinding(() -> Step.values()[page.get()], page));
        working = Bindings.createBooleanBinding(
                () -> phase.get() == Phase.CREATING || phase.get() == Phase.WAITING_FOR_NODES, phase);
        BooleanBinding editing = Bindings.createBooleanBinding(() -> phase.get() == Phase.EDITING, phase);
        stepValid = Bindings.createBooleanBinding(() -> isValid(step.get()), step, problems, loaded);
        nextDisabled = step.isEqualTo(Step.REVIEW).or(stepValid.not()).or(editing.not());
        backDisabled = page.isEqualTo(0).or(editing.not());
        createDisabled = Bindings.createBooleanBinding(
                () -> step.get() != Step.REVIEW || !loaded.get() || !problems.isEmpty() || phase.get() != Phase.EDITING,
                step, loaded, problems, phase);

        sizes.predicateProperty().bind(Bindings.createObjectBinding(
                () -> row -> matches(row, machineKind.get(), sizeFilter.get()), machineKind, sizeFilter));

        watch(Field.LOCATION, location);
        watch(Field.NAME, name);
        watch(Field.MIN_NODES, minNodes);
        watch(Field.MAX_NODES, maxNodes);
        watch(Field.IDLE_SECONDS, idleSeconds);
        watch(Field.ADMIN_USERNAME, adminUsername);
        watch(Field.ADMIN_PASSWORD, adminPassword);
        watch(Field.SSH_KEY, sshKey);
        watch(Field.USER_ASSIGNED_IDS, userAssignedIds);
        for (Observable other : List.of(tier, sshEnabled, credential, identityType, selectedSize, messages.bundleProperty())) {
            other.addListener(observable -> revalidate());
        }
        tier.addListener(observable -> updateRows());
        revalidate();
    }

    // Commands

    /** Reads the workspace, the catalog, the quota and the names taken, off the FX thread. */
    public void load() {
        CompletableFuture.supplyAsync(() -> new Loaded(workspaces.show(workspace), compute.listSizes(),
                        quota.ledger(workspace), compute.list(workspace).stream().map(ComputeCluster::name)
                                .collect(Collectors.toSet())), threads.background())
                .whenComplete((data, failure) -> threads.fx().execute(() -> applyLoaded(data, failure)));
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

    /** Creates the cluster, then waits for its minimum nodes; what the service refuses goes back to its field. */
    public void create() {
        if (createDisabled.get()) {
            return;
        }
        String clusterName = name.get();
        ClusterSpec spec = spec();
        errorText.set("");
        serviceWarnings.clear();
        phase.set(Phase.CREATING);
        statusText.set(text("wizard.status.creating", clusterName));
        CompletableFuture.supplyAsync(() -> compute.create(workspace, clusterName, spec), threads.background())
                .whenComplete((created, failure) -> threads.fx().execute(() -> {
                    if (failure != null) {
                        refused(unwrap(failure), clusterName);
                    } else {
                        created(created, spec.minNodes());
                    }
                }));
    }

    /** Cancel, Close or Esc: stops waiting for nodes (the cluster, if created, stays) and asks to close. */
    public void cancel() {
        closed = true;
        closeRequested.set(true);
    }

    // Loading and checking

    private record Loaded(Workspace workspace, List<VmSize> sizes, QuotaLedger ledger, Set<String> names) {
    }

    private void applyLoaded(Loaded data, Throwable failure) {
        if (failure != null) {
            Throwable cause = unwrap(failure);
            LOG.warn("Could not prepare the cluster wizard for workspace {}", workspace, cause);
            errorText.set(text("wizard.error.load", workspace, messageOf(cause)));
            return;
        }
        catalog = new VmCatalog(data.sizes());
        ledger = data.ledger();
        existingNames = data.names();
        exampleIdentityId.set(UserAssignedIdentity.resourceIdFor(data.workspace(), "my-identity"));
        String region = data.workspace().location();
        workspaceLocation.set(region);
        LinkedHashSet<String> regions = new LinkedHashSet<>();
        regions.add(region);
        regions.addAll(REGIONS);
        locations.setAll(regions);
        if (!touched.contains(Field.LOCATION)) {
            setQuietly(location, region);
        }
        allSizes.setAll(data.sizes().stream().map(SizeRow::new).toList());
        updateRows();
        loaded.set(true);
        revalidate();
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

    private static boolean matches(SizeRow row, MachineKind kind, String filter) {
        if ((kind == MachineKind.GPU) != (row.gpus() > 0)) {
            return false;
        }
        String wanted = filter == null ? "" : filter.trim().toLowerCase(Locale.ROOT);
        return wanted.isEmpty() || (row.name() + " " + row.family() + " " + row.gpuModel() + " "
                + QuotaKeys.familyDisplayName(row.family())).toLowerCase(Locale.ROOT).contains(wanted);
    }

    /** An edit marks its field as touched (its message may show) and withdraws what the service said of it. */
    private void watch(Field field, StringProperty input) {
        input.addListener(observable -> {
            if (!settingQuietly) {
                touched.add(field);
                refusedByService.remove(field);
            }
            revalidate();
        });
    }

    private void setQuietly(StringProperty input, String value) {
        settingQuietly = true;
        try {
            input.set(value);
        } finally {
            settingQuietly = false;
        }
    }

    private void revalidate() {
        Map<Field, String> found = check();
        found.putAll(refusedByService);
        problems.keySet().retainAll(found.keySet());
        problems.putAll(found);
        for (Field field : Field.values()) {
            errors.get(field).set(touched.contains(field) ? found.get(field) : null);
        }
        updateEstimate();
    }

    /** Every problem of the current input, one message per field (several joined by line breaks). */
    private Map<Field, String> check() {
        Map<Field, List<String>> found = new EnumMap<>(Field.class);
        if (selectedSize.get() == null) {
            add(found, Field.SIZE, text("wizard.vm.sizeRequired"));
        }
        NameRules.checkComputeName(Field.NAME.serviceName, name.get()).forEach(p -> add(found, Field.NAME, p.message()));
        if (!found.containsKey(Field.NAME) && existingNames.stream().anyMatch(n -> n.equalsIgnoreCase(name.get()))) {
            add(found, Field.NAME, text("wizard.settings.name.taken", name.get(), workspace));
        }
        Integer min = wholeNumber(minNodes.get());
        Integer max = wholeNumber(maxNodes.get());
        Integer idle = wholeNumber(idleSeconds.get());
        if (min == null) {
            add(found, Field.MIN_NODES, text("wizard.settings.wholeNumber"));
        }
        if (max == null) {
            add(found, Field.MAX_NODES, text("wizard.settings.wholeNumber"));
        }
        if (idle == null) {
            add(found, Field.IDLE_SECONDS, text("wizard.settings.wholeNumber"));
        }
        int minValue = min == null ? 0 : min;
        int maxValue = max == null ? Math.max(1, minValue) : max;
        ClusterSpec spec = spec(minValue, maxValue, idle == null ? 0 : idle);
        for (Problem problem : spec.check(catalog)) {
            fieldOf(problem.field()).filter(field -> field != Field.SIZE)
                    .filter(field -> !(field == Field.MAX_NODES && min == null))
                    .ifPresent(field -> add(found, field, problem.message()));
        }
        if (max != null && ledger != null && !found.containsKey(Field.MAX_NODES)) {
            int perCluster = ledger.limit(QuotaKeys.NODES_PER_CLUSTER);
            if (max > perCluster) {
                add(found, Field.MAX_NODES, text("wizard.settings.maxNodes.quota", perCluster));
            }
        }
        Map<Field, String> joined = new EnumMap<>(Field.class);
        found.forEach((field, list) -> joined.put(field, String.join("\n", list)));
        return joined;
    }

    private static void add(Map<Field, List<String>> found, Field field, String message) {
        List<String> list = found.computeIfAbsent(field, f -> new ArrayList<>());
        if (!list.contains(message)) {
            list.add(message);
        }
    }

    /** The field a service problem names; "ssh_settings" alone (no credentials) goes to the credential in use. */
    private Optional<Field> fieldOf(String serviceField) {
        for (Field field : Field.values()) {
            if (field.serviceName.equals(serviceField)) {
                return Optional.of(field);
            }
        }
        if (serviceField.startsWith("ssh_settings")) {
            return Optional.of(credential.get() == Credential.PASSWORD ? Field.ADMIN_PASSWORD : Field.SSH_KEY);
        }
        if (serviceField.startsWith("identity")) {
            return Optional.of(Field.USER_ASSIGNED_IDS);
        }
        return Optional.empty();
    }

    private static Integer wholeNumber(String text) {
        try {
            return text == null ? null : Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private boolean isValid(Step of) {
        return loaded.get() && problems.keySet().stream().noneMatch(field -> field.step() == of);
    }

    /** The spec the inputs stand for; numbers that do not parse count as their defaults. */
    ClusterSpec spec() {
        Integer min = wholeNumber(minNodes.get());
        Integer max = wholeNumber(maxNodes.get());
        Integer idle = wholeNumber(idleSeconds.get());
        return spec(min == null ? 0 : min, max == null ? ClusterSpec.DEFAULT_MAX_NODES : max,
                idle == null ? (int) ClusterSpec.DEFAULT_IDLE_TIME.toSeconds() : idle);
    }

    private ClusterSpec spec(int min, int max, int idle) {
        SizeRow size = selectedSize.get();
        SshSettings ssh = !sshEnabled.get() ? SshSettings.DISABLED : new SshSettings(true, adminUsername.get(),
                credential.get() == Credential.PASSWORD ? adminPassword.get() : null,
                credential.get() == Credential.SSH_KEY ? sshKey.get().trim() : null);
        String region = location.get() == null || location.get().isBlank() ? null : location.get().trim();
        return new ClusterSpec(size == null ? VmCatalog.DEFAULT_SIZE : size.name(), tier.get(), min, max,
                Duration.ofSeconds(idle), ssh, NetworkSettings.NONE, identity(), Map.of(), null, region);
    }

    private ClusterIdentity identity() {
        return switch (identityType.get()) {
            case NONE -> ClusterIdentity.NONE;
            case SYSTEM_ASSIGNED -> ClusterIdentity.SYSTEM_ASSIGNED;
            case USER_ASSIGNED -> ClusterIdentity.userAssigned(userAssignedIds.get().lines().map(String::trim)
                    .filter(line -> !line.isEmpty()).toList());
        };
    }

    // The estimate and the review

    private void updateEstimate() {
        SizeRow row = selectedSize.get();
        VmSize size = row == null ? catalog.find(VmCatalog.DEFAULT_SIZE).orElse(null) : row.size();
        lowPrioritySavingPercent.set(size == null || size.dedicatedPricePerHour() <= 0 ? 0
                : (int) Math.round(100 * (1 - size.lowPriorityPricePerHour() / size.dedicatedPricePerHour())));
        Integer min = wholeNumber(minNodes.get());
        Integer max = wholeNumber(maxNodes.get());
        double price = row == null ? 0 : row.size().pricePerHour(tier.get());
        costAtMin.set(min == null ? 0 : price * Math.max(0, min));
        costAtMax.set(max == null ? 0 : price * Math.max(0, max));
        costAtMinText.set(text("wizard.review.cost.atMin", min == null ? "?" : min, costAtMin.get()));
        costAtMaxText.set(text("wizard.review.cost.atMax", max == null ? "?" : max, costAtMax.get()));
        selectedSizeSummary.set(row == null ? text("wizard.vm.noSelection") : text("wizard.vm.selection",
                row.name(), row.vCpus(), row.memoryGiB(), gpuText(row.size()), price,
                tierName(tier.get())));
        quotaWarnings.setAll(quotaWarnings(row, min, max));
        reviewItems.setAll(review(row));
    }

    private List<String> quotaWarnings(SizeRow row, Integer min, Integer max) {
        if (row == null || ledger == null || max == null || max < 1) {
            return List.of();
        }
        QuotaLedger.Fit fit = ledger.fit(row.size(), tier.get(), max);
        if (fit.nodes() >= max) {
            return List.of();
        }
        String key = fit.limitingKey();
        long available = Math.max(0, ledger.limit(key) - ledger.used(key));
        List<String> warnings = new ArrayList<>();
        warnings.add(text("wizard.review.quota.exceeded", max, row.vCpus(), (long) max * row.vCpus(),
                QuotaKeys.usageName(key), available, fit.nodes()));
        if (min != null && fit.nodes() < min) {
            warnings.add(text("wizard.review.quota.belowMin", min, fit.nodes()));
        }
        warnings.add(text("wizard.review.quota.raise", workspace, key, (long) max * row.vCpus() + ledger.used(key)));
        return warnings;
    }

    private List<ReviewItem> review(SizeRow row) {
        List<ReviewItem> items = new ArrayList<>();
        String region = location.get() == null || location.get().isBlank() ? workspaceLocation.get() : location.get();
        items.add(new ReviewItem(Step.VIRTUAL_MACHINE, text("wizard.vm.location"), region));
        items.add(new ReviewItem(Step.VIRTUAL_MACHINE, text("wizard.vm.tier"), tierName(tier.get())));
        items.add(new ReviewItem(Step.VIRTUAL_MACHINE, text("wizard.vm.size"), row == null ? "-"
                : text("wizard.review.size", row.name(), row.vCpus(), row.memoryGiB(), gpuText(row.size()),
                        QuotaKeys.familyDisplayName(row.family()))));
        items.add(new ReviewItem(Step.SETTINGS, text("wizard.settings.name"), name.get()));
        items.add(new ReviewItem(Step.SETTINGS, text("wizard.settings.minNodes"), minNodes.get().trim()));
        items.add(new ReviewItem(Step.SETTINGS, text("wizard.settings.maxNodes"), maxNodes.get().trim()));
        items.add(new ReviewItem(Step.SETTINGS, text("wizard.settings.idleSeconds"),
                text("wizard.review.seconds", idleSeconds.get().trim())));
        items.add(new ReviewItem(Step.SETTINGS, text("wizard.settings.ssh"), !sshEnabled.get()
                ? text("wizard.review.ssh.off")
                : text(credential.get() == Credential.PASSWORD ? "wizard.review.ssh.password" : "wizard.review.ssh.key",
                        adminUsername.get())));
        String identityText = switch (identityType.get()) {
            case NONE -> text("wizard.identity.none");
            case SYSTEM_ASSIGNED -> text("wizard.identity.system");
            case USER_ASSIGNED -> text("wizard.identity.user") + "\n" + String.join("\n",
                    identity().userAssignedIdentityIds());
        };
        items.add(new ReviewItem(Step.IDENTITY, text("wizard.identity.type"), identityText));
        return items;
    }

    String gpuText(VmSize size) {
        if (!size.isGpu()) {
            return text("wizard.vm.gpu.none");
        }
        return size.gpuModel().isBlank() ? String.valueOf(size.gpus())
                : text("wizard.vm.gpu.count", size.gpus(), size.gpuModel());
    }

    String tierName(VmTier value) {
        return text(value == VmTier.DEDICATED ? "wizard.vm.tier.dedicated" : "wizard.vm.tier.lowPriority");
    }

    // Creating

    private void created(ComputeService.Created created, int min) {
        createdCluster.set(created.cluster());
        serviceWarnings.setAll(created.warnings());
        String clusterName = created.cluster().name();
        if (min <= 0) {
            finish(text("wizard.status.created", clusterName));
            return;
        }
        phase.set(Phase.WAITING_FOR_NODES);
        statusText.set(text("wizard.status.waiting", clusterName, 0, min));
        Instant deadline = polling.clock().instant().plus(polling.timeout());
        polling.afterInterval().execute(() -> probe(clusterName, min, deadline));
    }

    /** One look at the new cluster, off the FX thread; schedules the next until min nodes, an error or the deadline. */
    private void probe(String clusterName, int min, Instant deadline) {
        if (closed) {
            return;
        }
        ComputeCluster cluster;
        try {
            cluster = compute.show(workspace, clusterName);
        } catch (RuntimeException e) {
            threads.fx().execute(() -> {
                errorText.set(text("wizard.error.afterCreate", clusterName, messageOf(e)));
                finish(text("wizard.status.createdNotReady", clusterName));
            });
            return;
        }
        int current = cluster.status().currentNodeCount();
        List<ClusterError> clusterErrors = cluster.status().errors();
        boolean timedOut = !polling.clock().instant().isBefore(deadline);
        threads.fx().execute(() -> {
            createdCluster.set(cluster);
            if (current >= min) {
                finish(text("wizard.status.ready", clusterName, current));
            } else if (!clusterErrors.isEmpty()) {
                errorText.set(clusterErrors.stream().map(e -> e.code() + ": " + e.message())
                        .collect(Collectors.joining("\n")));
                finish(text("wizard.status.stuck", clusterName, current, min));
            } else if (timedOut) {
                finish(text("wizard.status.timeout", clusterName, polling.timeout().toSeconds(), current, min));
            } else {
                statusText.set(text("wizard.status.waiting", clusterName, current, min));
            }
        });
        if (current < min && clusterErrors.isEmpty() && !timedOut) {
            polling.afterInterval().execute(() -> probe(clusterName, min, deadline));
        }
    }

    private void finish(String status) {
        statusText.set(status);
        phase.set(Phase.CREATED);
    }

    /** Sends what the service refused back to the step and field it names; the rest stays on the review page. */
    private void refused(Throwable failure, String clusterName) {
        phase.set(Phase.EDITING);
        statusText.set("");
        Map<Field, String> byField = new LinkedHashMap<>();
        List<String> general = new ArrayList<>();
        if (failure instanceof ValidationException invalid) {
            for (Problem problem : invalid.problems()) {
                fieldOf(problem.field()).ifPresentOrElse(
                        field -> byField.merge(field, problem.message(), (a, b) -> a + "\n" + b),
                        () -> general.add(problem.field() + ": " + problem.message()));
            }
        } else if (failure instanceof ConflictException conflict && namesTheCluster(conflict, clusterName)) {
            byField.put(Field.NAME, conflict.getMessage());
        } else if (failure instanceof ConflictException || failure instanceof NotFoundException) {
            general.add(failure.getMessage());
        } else {
            LOG.warn("Creating compute {} in workspace {} failed", clusterName, workspace, failure);
            general.add(messageOf(failure));
        }
        if (byField.containsKey(Field.NAME) && failure instanceof ConflictException) {
            existingNames = new LinkedHashSet<>(existingNames);
            existingNames.add(clusterName);
        }
        refusedByService.putAll(byField);
        touched.addAll(byField.keySet());
        errorText.set(String.join("\n", general));
        revalidate();
        byField.keySet().stream().map(Field::step).min(Step::compareTo)
                .ifPresent(first -> page.set(first.ordinal()));
    }

    private static boolean namesTheCluster(ConflictException conflict, String clusterName) {
        String message = conflict.getMessage();
        return message != null && message.contains("compute named '" + clusterName + "'");
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static String messageOf(Throwable failure) {
        return failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    }

    /** A text of the bundle in the current language; patterns with arguments follow MessageFormat. */
    private String text(String key, Object... arguments) {
        return WizardTexts.format(messages, key, arguments);
    }

    // Read-only views and inputs

    public String workspace() {
        return workspace;
    }

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

    /** Creating or waiting for nodes: show progress. */
    public BooleanBinding workingProperty() {
        return working;
    }

    public ReadOnlyBooleanProperty closeRequestedProperty() {
        return closeRequested.getReadOnlyProperty();
    }

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

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty minNodesProperty() {
        return minNodes;
    }

    public StringProperty maxNodesProperty() {
        return maxNodes;
    }

    public StringProperty idleSecondsProperty() {
        return idleSeconds;
    }

    public BooleanProperty sshEnabledProperty() {
        return sshEnabled;
    }

    public StringProperty adminUsernameProperty() {
        return adminUsername;
    }

    public ObjectProperty<Credential> credentialProperty() {
        return credential;
    }

    public StringProperty adminPasswordProperty() {
        return adminPassword;
    }

    public StringProperty sshKeyProperty() {
        return sshKey;
    }

    public ObjectProperty<IdentityType> identityTypeProperty() {
        return identityType;
    }

    /** User-assigned identity resource ids, one per line. */
    public StringProperty userAssignedIdsProperty() {
        return userAssignedIds;
    }

    /** A user-assigned identity id of the right shape for this workspace, to show as an example. */
    public ReadOnlyStringProperty exampleIdentityIdProperty() {
        return exampleIdentityId.getReadOnlyProperty();
    }

    /** The message shown at a field: its problem once the user has edited it (or the service refused it). */
    public ReadOnlyStringProperty errorProperty(Field field) {
        return errors.get(field).getReadOnlyProperty();
    }

    /** Every field's problem, shown or not yet; empty when all is valid. Unmodifiable. */
    public ObservableMap<Field, String> problems() {
        return problemsView;
    }

    public ReadOnlyIntegerProperty lowPrioritySavingPercentProperty() {
        return lowPrioritySavingPercent.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty selectedSizeSummaryProperty() {
        return selectedSizeSummary.getReadOnlyProperty();
    }

    /** Estimated price per hour with min nodes running (USD, illustrative list prices). */
    public ReadOnlyDoubleProperty costAtMinProperty() {
        return costAtMin.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty costAtMaxProperty() {
        return costAtMax.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty costAtMinTextProperty() {
        return costAtMinText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty costAtMaxTextProperty() {
        return costAtMaxText.getReadOnlyProperty();
    }

    /** Why max nodes could not all run with the quota left, and how many could. */
    public ObservableList<String> quotaWarnings() {
        return quotaWarningsView;
    }

    public ObservableList<ReviewItem> reviewItems() {
        return reviewItemsView;
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusTextProperty() {
        return statusText.getReadOnlyProperty();
    }

    /** What went wrong that no single field explains (a lock, the workspace gone, the cluster's errors). */
    public ReadOnlyStringProperty errorTextProperty() {
        return errorText.getReadOnlyProperty();
    }

    /** What the service said about the created cluster (e.g. it can never reach its max). */
    public ObservableList<String> serviceWarnings() {
        return serviceWarningsView;
    }

    /** The cluster once created (then as last seen while waiting for nodes); null before. */
    public ReadOnlyObjectProperty<ComputeCluster> createdClusterProperty() {
        return createdCluster.getReadOnlyProperty();
    }
}
