package dev.computestudio.ui.jobs;

import dev.computestudio.domain.ComputeCluster;
import dev.computestudio.domain.Job;
import dev.computestudio.domain.JobSpec;
import dev.computestudio.domain.Problem;
import dev.computestudio.service.ComputeService;
import dev.computestudio.service.JobService;
import dev.computestudio.ui.common.FieldProblems;
import dev.computestudio.ui.common.Messages;
import dev.computestudio.ui.common.Refusal;
import dev.computestudio.ui.common.ServiceCalls;
import dev.computestudio.ui.common.UiThreads;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The form that submits a command job to one of the workspace's clusters. Each field is checked as
 * the user types, by the rules the service applies; the service's refusal is shown at the field it
 * names until that field is edited, and what names no field above the submit button.
 */
public final class JobSubmitForm {

    private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** The form's fields, each with the name the service gives it in a {@link Problem}. */
    public enum Field {
        COMPUTE("compute"), COMMAND("command"), IMAGE("environment"), INSTANCE_COUNT("resources.instance_count"),
        ENVIRONMENT("environment_variables"), NAME("name"), TIMEOUT("limits.timeout");

        private final String serviceName;

        Field(String serviceName) {
            this.serviceName = serviceName;
        }

        /** The field a service problem is about; empty for a problem of the job as a whole. */
        public static Optional<Field> ofProblem(String serviceField) {
            for (Field field : values()) {
                if (field.serviceName.equals(serviceField)) {
                    return Optional.of(field);
                }
            }
            return Optional.empty();
        }
    }

    private final JobService jobs;
    private final ComputeService compute;
    private final ServiceCalls calls;
    private final Messages messages;
    private final ObservableValue<String> workspace;
    private final Consumer<Job> onSubmitted;
    private final FieldProblems serviceProblems;
    /** The service's last refusal put every problem at a field. */
    private final BooleanProperty refusedAtFields = new SimpleBooleanProperty();
    // The FX thread's workspace, for refreshes off it.
    private volatile String shownWorkspace;

    // Properties
    private final ObjectProperty<String> computeName = new SimpleObjectProperty<>();
    private final StringProperty command = new SimpleStringProperty("");
    private final StringProperty image = new SimpleStringProperty("");
    private final ObjectProperty<Integer> instanceCount = new SimpleObjectProperty<>(1);
    private final StringProperty environmentVariables = new SimpleStringProperty("");
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty timeoutSeconds = new SimpleStringProperty("");
    private final ObservableList<String> computeNames = FXCollections.observableArrayList();
    private final ObservableList<String> computeNamesView = FXCollections.unmodifiableObservableList(computeNames);
    private final StringBinding computePrompt;
    private final ObjectBinding<Map<Field, String>> typedErrors;
    private final Map<Field, StringBinding> fieldErrors = new EnumMap<>(Field.class);
    private final StringBinding submitError;
    private final ReadOnlyBooleanWrapper submitting = new ReadOnlyBooleanWrapper();
    private final BooleanBinding submitDisabled;

    /**
     * @param workspace   the selected workspace
     * @param onSubmitted shows a job the service queued; called on the FX thread while its workspace is shown
     */
    JobSubmitForm(JobService jobs, ComputeService compute, UiThreads threads, ObservableValue<String> workspace,
                  Messages messages, Consumer<Job> onSubmitted) {
        this.jobs = jobs;
        this.compute = compute;
        this.calls = new ServiceCalls(threads);
        this.messages = messages;
        this.workspace = workspace;
        this.onSubmitted = onSubmitted;
        serviceProblems = new FieldProblems(messages,
                serviceField -> Field.ofProblem(serviceField).map(Field::name).orElse(null));

        computePrompt = Bindings.createStringBinding(() -> messages.get(computeNames.isEmpty()
                ? "jobs.form.compute.none" : "jobs.form.compute.prompt"), computeNames, messages.bundleProperty());
        typedErrors = Bindings.createObjectBinding(this::checkForm, computeName, command, image, instanceCount,
                environmentVariables, name, timeoutSeconds, messages.bundleProperty());
        for (Field field : Field.values()) {
            StringBinding fromService = serviceProblems.text(field.name());
            fieldErrors.put(field, Bindings.createStringBinding(() -> fromService.get() != null ? fromService.get()
                    : typedErrors.get().get(field), fromService, typedErrors));
        }
        StringBinding general = serviceProblems.general();
        submitError = Bindings.createStringBinding(() -> general.get() != null ? general.get()
                        : refusedAtFields.get() ? messages.get("jobs.error.fixFields") : null,
                general, refusedAtFields, messages.bundleProperty());
        clearServiceProblemOnEdit(Field.COMPUTE, computeName);
        clearServiceProblemOnEdit(Field.COMMAND, command);
        clearServiceProblemOnEdit(Field.IMAGE, image);
        clearServiceProblemOnEdit(Field.INSTANCE_COUNT, instanceCount);
        clearServiceProblemOnEdit(Field.ENVIRONMENT, environmentVariables);
        clearServiceProblemOnEdit(Field.NAME, name);
        clearServiceProblemOnEdit(Field.TIMEOUT, timeoutSeconds);

        List<ObservableValue<?>> formState = new ArrayList<>(fieldErrors.values());
        formState.add(computeName);
        formState.add(command);
        formState.add(workspace);
        submitDisabled = Bindings.createBooleanBinding(() -> workspace.getValue() == null
                        || isBlank(computeName.get()) || isBlank(command.get())
                        || fieldErrors.values().stream().anyMatch(error -> error.get() != null),
                formState.toArray(ObservableValue[]::new)).or(submitting);

        shownWorkspace = workspace.getValue();
        workspace.addListener((observable, old, now) -> workspaceChanged(now));
    }

    // Commands

    /** Reads the workspace's clusters again on the calling thread: the shell's refresh, off the FX thread. */
    void refreshNow() {
        String shown = shownWorkspace;
        if (shown != null) {
            calls.readNow(() -> clustersOf(shown), clusters -> showClusters(shown, clusters));
        }
    }

    /** Reads the workspace's clusters again in the background. */
    void reload() {
        String shown = shownWorkspace;
        if (shown != null) {
            calls.read(() -> clustersOf(shown), clusters -> showClusters(shown, clusters));
        }
    }

    /** Submits the job the form describes; does nothing while {@link #submitDisabledProperty()} is true. */
    public void submit() {
        if (submitDisabled.get()) {
            return;
        }
        String target = workspace.getValue();
        JobSpec spec = formSpec().spec();
        serviceProblems.clear();
        refusedAtFields.set(false);
        submitting.set(true);
        calls.call(() -> jobs.submit(target, spec), job -> {
            submitting.set(false);
            if (target.equals(workspace.getValue())) {
                name.set("");
                onSubmitted.accept(job);
            }
        }, refusal -> {
            submitting.set(false);
            show(refusal);
        });
    }

    /** Shows why the service refused the job: each problem at the field it names, the others above. */
    void show(Refusal refusal) {
        serviceProblems.show(refusal);
        refusedAtFields.set(true);
    }

    // State changes, on the FX thread

    private List<String> clustersOf(String shown) {
        return compute.list(shown).stream().filter(cluster -> !cluster.isAttached())
                .map(ComputeCluster::name).sorted().toList();
    }

    private void showClusters(String shown, List<String> clusters) {
        if (!shown.equals(shownWorkspace)) {
            return;
        }
        if (!computeNames.equals(clusters)) {
            computeNames.setAll(clusters);
        }
        if (computeName.get() == null && !clusters.isEmpty()) {
            computeName.set(clusters.get(0));
        }
    }

    private void workspaceChanged(String now) {
        shownWorkspace = now;
        computeNames.clear();
        computeName.set(null);
        serviceProblems.clear();
        refusedAtFields.set(false);
    }

    private void clearServiceProblemOnEdit(Field field, ObservableValue<?> value) {
        value.addListener((observable, old, now) -> serviceProblems.clear(field.name()));
    }

    // Checks as the user types

    /** The form read as a job spec, with the problems only the form can have (text that is not a number...). */
    private record FormSpec(JobSpec spec, Map<Field, String> formProblems) {
    }

    private FormSpec formSpec() {
        Map<Field, String> problems = new EnumMap<>(Field.class);
        Map<String, String> variables = new LinkedHashMap<>();
        Map<String, Integer> firstLine = new HashMap<>();
        String[] lines = environmentVariables.get() == null ? new String[0] : environmentVariables.get().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int equals = line.indexOf('=');
            String key = equals < 0 ? line : line.substring(0, equals).strip();
            if (equals <= 0) {
                problems.putIfAbsent(Field.ENVIRONMENT, messages.render("jobs.problem.env.format", i + 1));
            } else if (!VARIABLE_NAME.matcher(key).matches()) {
                problems.putIfAbsent(Field.ENVIRONMENT, messages.render("jobs.problem.env.name", i + 1, key));
            } else if (firstLine.containsKey(key)) {
                problems.putIfAbsent(Field.ENVIRONMENT, messages.render("jobs.problem.env.twice", i + 1, key,
                        firstLine.get(key)));
            } else {
                firstLine.put(key, i + 1);
                variables.put(key, line.substring(equals + 1));
            }
        }
        Duration timeout = null;
        String seconds = timeoutSeconds.get() == null ? "" : timeoutSeconds.get().strip();
        if (!seconds.isEmpty()) {
            try {
                timeout = Duration.ofSeconds(Long.parseLong(seconds));
            } catch (NumberFormatException e) {
                problems.put(Field.TIMEOUT, messages.get("jobs.problem.timeout.number"));
            }
        }
        Integer count = instanceCount.get();
        if (count == null) {
            problems.put(Field.INSTANCE_COUNT, messages.get("jobs.problem.at-least-one"));
        }
        String imageName = image.get() == null || image.get().isBlank() ? null : image.get().strip();
        String jobName = name.get() == null ? "" : name.get().strip();
        JobSpec spec = new JobSpec(jobName, null, null, computeName.get(), command.get(), imageName,
                count == null ? 1 : count, variables, timeout, null);
        return new FormSpec(spec, problems);
    }

    /**
     * The problems to show at each field while the user types: the form's own, then the domain's
     * rules (the ones the service applies). A missing compute or command only disables submit.
     */
    private Map<Field, String> checkForm() {
        FormSpec form = formSpec();
        Map<Field, String> problems = new EnumMap<>(form.formProblems());
        JobSpec spec = form.spec();
        if (spec.name().isEmpty()) {
            // The service names a job submitted without one; check the rest of the spec.
            spec = spec.withName("unnamed");
        }
        for (Problem problem : spec.check()) {
            if (problem.rule().equals("required")) {
                continue;
            }
            Field.ofProblem(problem.field()).ifPresent(field -> problems.putIfAbsent(field, describe(problem)));
        }
        return problems;
    }

    /** A domain problem in the studio's own words for its rule when it has them, else in the domain's. */
    private String describe(Problem problem) {
        String key = "jobs.problem." + problem.rule();
        return messages.contains(key) ? messages.get(key) : messages.format(problem.text());
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    // Properties

    /** The compute cluster to run on; one of {@link #computeNames()}. */
    public ObjectProperty<String> computeNameProperty() {
        return computeName;
    }

    public StringProperty commandProperty() {
        return command;
    }

    /** The Docker image; empty for the runner's default. */
    public StringProperty imageProperty() {
        return image;
    }

    public ObjectProperty<Integer> instanceCountProperty() {
        return instanceCount;
    }

    /** {@code KEY=VALUE} lines; blank lines and lines starting with # are skipped. */
    public StringProperty environmentVariablesProperty() {
        return environmentVariables;
    }

    /** The job's name; empty lets the service choose one. */
    public StringProperty nameProperty() {
        return name;
    }

    /** Whole seconds; empty for no limit. */
    public StringProperty timeoutSecondsProperty() {
        return timeoutSeconds;
    }

    /** The workspace's compute clusters that can run jobs, by name; unmodifiable. */
    public ObservableList<String> computeNames() {
        return computeNamesView;
    }

    /** What the compute choice says while empty: choose one, or that the workspace has none yet. */
    public StringBinding computePromptProperty() {
        return computePrompt;
    }

    /** What is wrong with a field, or null: found by the service on submit, or as the user types. */
    public StringBinding fieldErrorProperty(Field field) {
        return fieldErrors.get(field);
    }

    public String fieldError(Field field) {
        return fieldErrors.get(field).get();
    }

    /** Why the last submit was refused as a whole (e.g. the compute was deleted meanwhile), or null. */
    public StringBinding submitErrorProperty() {
        return submitError;
    }

    public String submitError() {
        return submitError.get();
    }

    public ReadOnlyBooleanProperty submittingProperty() {
        return submitting.getReadOnlyProperty();
    }

    public BooleanBinding submitDisabledProperty() {
        return submitDisabled;
    }

    public boolean isSubmitDisabled() {
        return submitDisabled.get();
    }
}
