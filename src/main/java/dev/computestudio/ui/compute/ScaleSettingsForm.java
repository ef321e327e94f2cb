package dev.computestudio.ui.compute;

import dev.computestudio.domain.ComputeCluster;
import dev.computestudio.service.ComputeService;
import dev.computestudio.ui.common.Messages;
import dev.computestudio.ui.common.ServiceForm;
import dev.computestudio.ui.common.UiThreads;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The "Edit scale settings" dialog's state: min and max nodes and the idle time before scale-down,
 * as typed. Each field says what is wrong with it as the user types; Save stays disabled until
 * all are valid, and the service's answer (e.g. a lock) is shown when it refuses.
 */
public final class ScaleSettingsForm extends ServiceForm {

    static final String MIN = "min";
    static final String MAX = "max";
    static final String IDLE = "idle";

    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?\\d{1,9}");

    private final ComputeService compute;
    private final String workspace;
    private final String cluster;
    private final Consumer<ComputeCluster> onSaved;

    // Properties
    private final StringProperty min = new SimpleStringProperty(this, "min");
    private final StringProperty max = new SimpleStringProperty(this, "max");
    private final StringProperty idle = new SimpleStringProperty(this, "idle");
    private final StringBinding minError;
    private final StringBinding maxError;
    private final StringBinding idleError;
    private final BooleanBinding saveDisabled;

    ScaleSettingsForm(ComputeService compute, UiThreads threads, Messages messages, String workspace,
                      ComputeCluster current, Consumer<ComputeCluster> onSaved) {
        super(threads, messages);
        this.compute = compute;
        this.workspace = workspace;
        this.cluster = current.name();
        this.onSaved = onSaved;
        min.set(Integer.toString(current.spec().minNodes()));
        max.set(Integer.toString(current.spec().maxNodes()));
        idle.set(Long.toString(current.spec().idleTimeBeforeScaleDown().toSeconds()));

        minError = error(MIN, this::checkMin, min);
        maxError = error(MAX, this::checkMax, min, max);
        idleError = error(IDLE, this::checkIdle, idle);
        saveDisabled = minError.isNotNull().or(maxError.isNotNull()).or(idleError.isNotNull())
                .or(savingProperty());
        clearServiceAnswerOnChange(min, max, idle);
    }

    // Commands

    /** Sends the settings to the service; {@link #savedProperty()} turns true when it accepted them. */
    public void save() {
        if (saveDisabled.get()) {
            return;
        }
        ComputeService.Update update = new ComputeService.Update(parse(min.get()), parse(max.get()),
                Duration.ofSeconds(parse(idle.get())), null, false);
        submit(() -> compute.update(workspace, cluster, update), onSaved);
    }

    @Override
    protected String formFieldOf(String serviceField) {
        return switch (serviceField) {
            case "min_instances" -> MIN;
            case "max_instances" -> MAX;
            case "idle_time_before_scale_down" -> IDLE;
            default -> null;
        };
    }

    // Validation as the user types

    private StringBinding error(String field, Supplier<String> check,
                                ObservableValue<?>... inputs) {
        ObservableValue<?>[] dependencies = new ObservableValue<?>[inputs.length + 2];
        System.arraycopy(inputs, 0, dependencies, 0, inputs.length);
        dependencies[inputs.length] = serviceError(field);
        dependencies[inputs.length + 1] = messages.bundleProperty();
        return Bindings.createStringBinding(() -> {
            String local = check.get();
            return local != null ? local : serviceError(field).get();
        }, dependencies);
    }

    private String checkMin() {
        Integer value = parse(min.get());
        if (value == null) {
            return messages.get("compute.scale.error.number");
        }
        return value < 0 ? messages.get("compute.scale.error.minNegative") : null;
    }

    private String checkMax() {
        Integer value = parse(max.get());
        if (value == null) {
            return messages.get("compute.scale.error.number");
        }
        if (value < 1) {
            return messages.get("compute.scale.error.maxZero");
        }
        Integer lower = parse(min.get());
        if (lower != null && value < lower) {
            return messages.render("compute.scale.error.maxBelowMin", lower);
        }
        return null;
    }

    private String checkIdle() {
        Integer value = parse(idle.get());
        if (value == null) {
            return messages.get("compute.scale.error.number");
        }
        return value < 0 ? messages.get("compute.scale.error.idleNegative") : null;
    }

    private static Integer parse(String text) {
        if (text == null || !WHOLE_NUMBER.matcher(text.strip()).matches()) {
            return null;
        }
        return Integer.parseInt(text.strip());
    }

    // Properties

    public String clusterName() {
        return cluster;
    }

    public StringProperty minProperty() {
        return min;
    }

    public StringProperty maxProperty() {
        return max;
    }

    public StringProperty idleProperty() {
        return idle;
    }

    /** What is wrong with the minimum as typed, or what the service said about it; null when nothing. */
    public StringBinding minErrorProperty() {
        return minError;
    }

    public StringBinding maxErrorProperty() {
        return maxError;
    }

    public StringBinding idleErrorProperty() {
        return idleError;
    }

    public BooleanBinding saveDisabledProperty() {
        return saveDisabled;
    }
}
