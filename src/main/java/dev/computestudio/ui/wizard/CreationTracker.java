package dev.computestudio.ui.wizard;

import dev.computestudio.domain.ClusterSpec;
import dev.computestudio.domain.ComputeCluster;
import dev.computestudio.domain.Message;
import dev.computestudio.service.ComputeService;
import dev.computestudio.ui.common.Refusal;
import dev.computestudio.ui.common.ServiceCalls;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Creating the cluster and following it until its minimum nodes run: the create call, then a look
 * at the cluster every interval until it has its minimum, reports an error, or the time is up.
 * What the service refuses goes back to the wizard, which shows it on the inputs.
 */
public final class CreationTracker {

    /** Where creation stands. */
    public enum Phase { EDITING, CREATING, WAITING_FOR_NODES, CREATED }

    /**
     * How the wizard waits for a new cluster's minimum nodes: {@code afterInterval} runs a look one
     * interval later, {@code clock} and {@code timeout} decide when to give up.
     */
    public record Polling(Executor afterInterval, Clock clock, Duration timeout) {

        public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

        public Polling {
            Objects.requireNonNull(afterInterval, "afterInterval");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(timeout, "timeout");
        }

        /** A look every {@code interval} on {@code background}, giving up after a minute. */
        public static Polling every(Duration interval, Executor background) {
            return new Polling(CompletableFuture.delayedExecutor(interval.toMillis(), TimeUnit.MILLISECONDS, background),
                    Clock.systemUTC(), DEFAULT_TIMEOUT);
        }
    }

    private final String workspace;
    private final ComputeService compute;
    private final ServiceCalls calls;
    private final Polling polling;
    private final WizardTexts texts;
    private volatile boolean closed;

    // Properties
    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(Phase.EDITING);
    private final ObjectProperty<Message> status = new SimpleObjectProperty<>();
    private final ObjectProperty<List<Message>> errors = new SimpleObjectProperty<>(List.of());
    private final ObservableList<String> serviceWarnings = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<ComputeCluster> createdCluster = new ReadOnlyObjectWrapper<>();
    private final StringBinding statusText;
    private final StringBinding errorText;
    private final BooleanBinding working;

    // An unmodifiable view made once: a view made per call would be collected, and its listeners with it.
    private final ObservableList<String> serviceWarningsView = FXCollections.unmodifiableObservableList(serviceWarnings);

    CreationTracker(String workspace, ComputeService compute, ServiceCalls calls, Polling polling, WizardTexts texts) {
        this.workspace = workspace;
        this.compute = compute;
        this.calls = calls;
        this.polling = Objects.requireNonNull(polling, "polling");
        this.texts = texts;
        statusText = texts.bind(() -> status.get() == null ? "" : texts.format(status.get()), status);
        errorText = texts.bind(() -> errors.get().stream().map(texts::format).collect(Collectors.joining("\n")),
                errors);
        working = Bindings.createBooleanBinding(
                () -> phase.get() == Phase.CREATING || phase.get() == Phase.WAITING_FOR_NODES, phase);
    }

    // Commands

    /**
     * Creates the cluster, then waits for its minimum nodes. A refusal puts the phase back to
     * editing and goes to {@code onRefused}, on the FX thread.
     */
    void create(String name, ClusterSpec spec, Consumer<Refusal> onRefused) {
        errors.set(List.of());
        serviceWarnings.clear();
        phase.set(Phase.CREATING);
        status.set(Message.of("wizard.status.creating", name));
        calls.call(() -> compute.create(workspace, name, spec), created -> created(created, spec.minNodes()),
                refusal -> {
                    phase.set(Phase.EDITING);
                    status.set(null);
                    onRefused.accept(refusal);
                });
    }

    /** Stops following the cluster (which stays created). */
    void close() {
        closed = true;
    }

    private void created(ComputeService.Created created, int min) {
        createdCluster.set(created.cluster());
        serviceWarnings.setAll(created.warnings().stream().map(texts::format).toList());
        String name = created.cluster().name();
        if (min <= 0) {
            finish(Message.of("wizard.status.created", name));
            return;
        }
        phase.set(Phase.WAITING_FOR_NODES);
        status.set(Message.of("wizard.status.waiting", name, 0, min));
        lookLater(name, min, polling.clock().instant().plus(polling.timeout()));
    }

    private void lookLater(String name, int min, Instant deadline) {
        polling.afterInterval().execute(() -> {
            if (!closed) {
                calls.call(() -> compute.show(workspace, name), cluster -> seen(cluster, min, deadline),
                        refusal -> {
                            errors.set(refusal.problems().stream()
                                    .map(problem -> Message.of("wizard.error.afterCreate", name, problem.text()))
                                    .toList());
                            finish(Message.of("wizard.status.createdNotReady", name));
                        });
            }
        });
    }

    /** What one look found: ready, stuck on an error, out of time, or still on its way. */
    private void seen(ComputeCluster cluster, int min, Instant deadline) {
        createdCluster.set(cluster);
        String name = cluster.name();
        int current = cluster.status().currentNodeCount();
        if (current >= min) {
            finish(Message.of("wizard.status.ready", name, current));
        } else if (!cluster.status().errors().isEmpty()) {
            errors.set(cluster.status().errors().stream()
                    .map(error -> Message.of("wizard.error.cluster", error.code(), error.text())).toList());
            finish(Message.of("wizard.status.stuck", name, current, min));
        } else if (!polling.clock().instant().isBefore(deadline)) {
            finish(Message.of("wizard.status.timeout", name, polling.timeout().toSeconds(), current, min));
        } else {
            status.set(Message.of("wizard.status.waiting", name, current, min));
            lookLater(name, min, deadline);
        }
    }

    private void finish(Message outcome) {
        status.set(outcome);
        phase.set(Phase.CREATED);
    }

    // Read-only views

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    /** Creating or waiting for nodes: show progress. */
    public BooleanBinding workingProperty() {
        return working;
    }

    /** Where creation stands, in the current language; empty while editing. */
    public StringBinding statusTextProperty() {
        return statusText;
    }

    /** What went wrong once the cluster existed (its errors, or reading it again); empty when nothing. */
    public StringBinding errorTextProperty() {
        return errorText;
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
