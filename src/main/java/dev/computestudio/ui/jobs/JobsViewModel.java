package dev.computestudio.ui.jobs;

import dev.computestudio.domain.ComputeCluster;
import dev.computestudio.domain.ConflictException;
import dev.computestudio.domain.Job;
import dev.computestudio.domain.JobSpec;
import dev.computestudio.domain.JobStatus;
import dev.computestudio.domain.NotFoundException;
import dev.computestudio.domain.Problem;
import dev.computestudio.domain.ValidationException;
import dev.computestudio.service.ComputeService;
import dev.computestudio.service.JobService;
import dev.computestudio.ui.common.Messages;
import dev.computestudio.ui.common.UiThreads;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.text.MessageFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The Jobs screen: a form that submits a command job, the workspace's jobs, the selected job's log
 * followed live, and cancel. Services run on the background executor; properties change only on
 * the FX executor. {@link #refresh()} is called off the FX thread about once a second while the
 * screen is shown.
 */
public final class JobsViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(JobsViewModel.class);
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
    private final UiThreads threads;
    private final ObservableValue<String> workspace;
    private final Messages messages;
    private final Clock clock;
    private final LogFollower logFollower;

    // Mirrors of FX-thread state for refresh(), which runs on another thread.
    private volatile String shownWorkspace;
    private volatile String followedJob;
    private volatile String separatorPattern;

    // Properties: the form
    private final ObjectProperty<String> computeName = new SimpleObjectProperty<>();
    private final StringProperty command = new SimpleStringProperty("");
    private final StringProperty image = new SimpleStringProperty("");
    private final ObjectProperty<Integer> instanceCount = new SimpleObjectProperty<>(1);
    private final StringProperty environmentVariables = new SimpleStringProperty("");
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty timeoutSeconds = new SimpleStringProperty("");
    private final ObservableList<String> computeNames = FXCollections.observableArrayList();
    private final ObservableList<String> computeNamesView = FXCollections.unmodifiableObservableList(computeNames);
    private final Map<Field, ReadOnlyStringWrapper> serviceErrors = new EnumMap<>(Field.class);
    private final ObjectBinding<Map<Field, String>> localErrors;
    private final Map<Field, ReadOnlyStringWrapper> fieldErrors = new EnumMap<>(Field.class);
    private final ReadOnlyStringWrapper submitError = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper submitting = new ReadOnlyBooleanWrapper();
    private final BooleanBinding formInvalid;
    private final BooleanBinding submitDisabled;

    // Properties: the table, the log and cancel
    private final ObservableList<JobRow> rows = FXCollections.observableArrayList();
    private final ObservableList<JobRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyObjectWrapper<JobRow> selectedJob = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<JobStatus> selectedStatus = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper logText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper cancelling = new ReadOnlyBooleanWrapper();
    private final BooleanBinding cancelDisabled;
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper messageIsError = new ReadOnlyBooleanWrapper();
    private boolean loadFailed;

    /**
     * Construct it on the FX thread.
     *
     * @param workspace the selected workspace, e.g. {@code ShellViewModel.selectedWorkspaceProperty()}
     * @param clock     measures how long running jobs have run, and gives the zone times are shown in
     */
    public JobsViewModel(JobService jobs, ComputeService compute, UiThreads threads,
                         ObservableValue<String> workspace, Messages messages, Clock clock) {
        this.jobs = Objects.requireNonNull(jobs, "jobs");
        this.compute = Objects.requireNonNull(compute, "compute");
        this.threads = Objects.requireNonNull(threads, "threads");
        this.workspace = Objects.requireNonNull(workspace, "workspace");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.logFollower = new LogFollower(jobs, this::separator);
        separatorPattern = messages.get("jobs.log.attemptSeparator");
        messages.bundleProperty().addListener((observable, old, now) ->
                separatorPattern = messages.get("jobs.log.attemptSeparator"));

        for (Field field : Field.values()) {
            serviceErrors.put(field, new ReadOnlyStringWrapper());
        }
        localErrors = Bindings.createObjectBinding(this::checkForm, computeName, command, image, instanceCount,
                environmentVariables, name, timeoutSeconds, messages.bundleProperty());
        for (Field field : Field.values()) {
            ReadOnlyStringWrapper error = new ReadOnlyStringWrapper();
            ReadOnlyStringWrapper fromService = serviceErrors.get(field);
            error.bind(Bindings.createStringBinding(() -> fromService.get() != null ? fromService.get()
                    : localErrors.get().get(field), fromService, localErrors));
            fieldErrors.put(field, error);
        }
        clearServiceErrorOnEdit(Field.COMPUTE, computeName);
        clearServiceErrorOnEdit(Field.COMMAND, command);
        clearServiceErrorOnEdit(Field.IMAGE, image);
        clearServiceErrorOnEdit(Field.INSTANCE_COUNT, instanceCount);
        clearServiceErrorOnEdit(Field.ENVIRONMENT, environmentVariables);
        clearServiceErrorOnEdit(Field.NAME, name);
        clearServiceErrorOnEdit(Field.TIMEOUT, timeoutSeconds);

        List<ObservableValue<?>> formState = new ArrayList<>(fieldErrors.values());
        formState.add(computeName);
        formState.add(command);
        formInvalid = Bindings.createBooleanBinding(() -> isBlank(computeName.get()) || isBlank(command.get())
                || fieldErrors.values().stream().anyMatch(error -> error.get() != null),
                formState.toArray(ObservableValue[]::new));
        submitDisabled = formInvalid.or(submitting).or(Bindings.createBooleanBinding(
                () -> workspace.getValue() == null, workspace));
        cancelDisabled = Bindings.createBooleanBinding(
                () -> selectedStatus.get() == null || selectedStatus.get().isFinal()
                        || selectedStatus.get() == JobStatus.CANCEL_REQUESTED, selectedStatus).or(cancelling);
        selectedJob.addListener((observable, old, now) -> {
            selectedStatus.unbind();
            if (now == null) {
                selectedStatus.set(null);
            } else {
                selectedStatus.bind(now.statusProperty());
            }
        });

        shownWorkspace = workspace.getValue();
        workspace.addListener((observable, old, now) -> workspaceChanged(now));
        threads.background().execute(this::refresh);
    }

    // Commands

    /**
     * Reads the jobs, the clusters and the selected job's new output, and shows them. Call it off
     * the FX thread; it never throws.
     */
    public void refresh() {
        String ws = shownWorkspace;
        if (ws == null) {
            return;
        }
        String job = followedJob;
        try {
            List<Job> list = jobs.list(ws);
            List<String> clusters = compute.list(ws).stream().filter(cluster -> !cluster.isAttached())
                    .map(ComputeCluster::name).sorted().toList();
            String log = job == null ? null : readLogQuietly(ws, job);
            Instant now = clock.instant();
            threads.fx().execute(() -> {
                if (ws.equals(shownWorkspace)) {
                    showJobs(list, now);
                    showClusters(clusters);
                    showLog(job, log);
                    if (loadFailed) {
                        loadFailed = false;
                        say("", false);
                    }
                }
            });
        } catch (RuntimeException e) {
            LOG.warn("Could not read the jobs of workspace {}", ws, e);
            threads.fx().execute(() -> {
                if (ws.equals(shownWorkspace)) {
                    loadFailed = true;
                    say(text("jobs.error.load", e.getMessage()), true);
                }
            });
        }
    }

    /** Reads everything again soon, on the background executor (F5). */
    public void refreshSoon() {
        threads.background().execute(this::refresh);
    }

    /** Submits the job the form describes; does nothing while {@link #submitDisabledProperty()} is true. */
    public void submit() {
        if (submitDisabled.get()) {
            return;
        }
        String ws = workspace.getValue();
        JobSpec spec = formSpec().spec();
        serviceErrors.values().forEach(error -> error.set(null));
        submitError.set(null);
        submitting.set(true);
        CompletableFuture.supplyAsync(() -> jobs.submit(ws, spec), threads.background())
                .whenComplete((job, failure) -> threads.fx().execute(() -> submitted(ws, job, failure)));
    }

    /** Shows this job's log and follows it; null shows none. */
    public void selectJob(String jobName) {
        JobRow row = jobName == null ? null
                : rows.stream().filter(r -> r.name().equals(jobName)).findFirst().orElse(null);
        if (row == selectedJob.get()) {
            return;
        }
        selectedJob.set(row);
        followedJob = row == null ? null : row.name();
        logText.set("");
        if (row != null) {
            String ws = shownWorkspace;
            String job = row.name();
            threads.background().execute(() -> {
                try {
                    String log = readLog(ws, job);
                    threads.fx().execute(() -> showLog(job, log));
                } catch (RuntimeException e) {
                    LOG.warn("Could not read the log of job {}", job, e);
                    threads.fx().execute(() -> say(text("jobs.error.log", e.getMessage()), true));
                }
            });
        }
    }

    /** Cancels the selected job; does nothing while {@link #cancelDisabledProperty()} is true. */
    public void cancelSelected() {
        JobRow row = selectedJob.get();
        if (row == null || cancelDisabled.get()) {
            return;
        }
        String ws = shownWorkspace;
        cancelling.set(true);
        CompletableFuture.supplyAsync(() -> jobs.cancel(ws, row.name()), threads.background())
                .whenComplete((job, failure) -> threads.fx().execute(() -> canceled(ws, row.name(), job, failure)));
    }

    /** Shows the problems the service found in a submitted job, each at the field it names. */
    void showProblems(List<Problem> problems) {
        List<String> general = new ArrayList<>();
        for (Problem problem : problems) {
            Optional<Field> field = Field.ofProblem(problem.field());
            if (field.isPresent()) {
                serviceErrors.get(field.get()).set(problem.message());
            } else {
                general.add(problem.field() + ": " + problem.message());
            }
        }
        submitError.set(general.isEmpty() ? messages.get("jobs.error.fixFields") : String.join("\n", general));
    }

    // Results

    private void submitted(String ws, Job job, Throwable failure) {
        submitting.set(false);
        if (failure != null) {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            if (cause instanceof ValidationException invalid) {
                showProblems(invalid.problems());
            } else if (cause instanceof NotFoundException || cause instanceof ConflictException) {
                submitError.set(cause.getMessage());
            } else {
                LOG.warn("Could not submit a job", cause);
                submitError.set(text("jobs.error.submit", cause.getMessage()));
            }
            return;
        }
        if (!ws.equals(shownWorkspace)) {
            return;
        }
        upsert(job, clock.instant());
        selectJob(job.name());
        name.set("");
        say(text("jobs.submitted", job.name(), job.spec().compute()), false);
        threads.background().execute(this::refresh);
    }

    private void canceled(String ws, String jobName, Job job, Throwable failure) {
        cancelling.set(false);
        if (!ws.equals(shownWorkspace)) {
            return;
        }
        if (failure != null) {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            if (!(cause instanceof ConflictException || cause instanceof NotFoundException)) {
                LOG.warn("Could not cancel job {}", jobName, cause);
            }
            say(text("jobs.error.cancel", jobName, cause.getMessage()), true);
        } else {
            upsert(job, clock.instant());
            say(text(job.status() == JobStatus.CANCELED ? "jobs.canceled" : "jobs.cancelRequested", jobName), false);
        }
        threads.background().execute(this::refresh);
    }

    private void workspaceChanged(String now) {
        shownWorkspace = now;
        followedJob = null;
        selectedJob.set(null);
        rows.clear();
        computeNames.clear();
        computeName.set(null);
        logText.set("");
        serviceErrors.values().forEach(error -> error.set(null));
        submitError.set(null);
        say("", false);
        loadFailed = false;
        threads.background().execute(() -> {
            logFollower.clear();
            refresh();
        });
    }

    private void showJobs(List<Job> list, Instant now) {
        Map<String, JobRow> byName = rows.stream().collect(Collectors.toMap(JobRow::name, row -> row));
        List<JobRow> ordered = new ArrayList<>();
        for (Job job : list) {
            JobRow row = byName.computeIfAbsent(job.name(), JobRow::new);
            row.update(job, now, clock.getZone());
            ordered.add(row);
        }
        ordered.sort(NEWEST_FIRST);
        Set<String> names = list.stream().map(Job::name).collect(Collectors.toSet());
        rows.removeIf(row -> !names.contains(row.name()));
        placeInOrder(ordered);
        if (selectedJob.get() != null && !names.contains(selectedJob.get().name())) {
            selectJob(null);
        }
    }

    private void upsert(Job job, Instant now) {
        JobRow row = rows.stream().filter(r -> r.name().equals(job.name())).findFirst().orElseGet(() -> new JobRow(job.name()));
        row.update(job, now, clock.getZone());
        List<JobRow> ordered = new ArrayList<>(rows);
        if (!ordered.contains(row)) {
            ordered.add(row);
        }
        ordered.sort(NEWEST_FIRST);
        placeInOrder(ordered);
    }

    private static final Comparator<JobRow> NEWEST_FIRST =
            Comparator.comparing(JobRow::createdAt).reversed().thenComparing(JobRow::name);

    /** Moves rows only where needed (adds, rare reorders), so the table keeps its selection. */
    private void placeInOrder(List<JobRow> ordered) {
        for (int i = 0; i < ordered.size(); i++) {
            JobRow wanted = ordered.get(i);
            if (i < rows.size() && rows.get(i) == wanted) {
                continue;
            }
            rows.remove(wanted);
            rows.add(i, wanted);
        }
    }

    private void showClusters(List<String> clusters) {
        if (!computeNames.equals(clusters)) {
            computeNames.setAll(clusters);
        }
        if (computeName.get() == null && !clusters.isEmpty()) {
            computeName.set(clusters.get(0));
        }
    }

    private void showLog(String job, String log) {
        if (log != null && job != null && job.equals(followedJob) && !log.equals(logText.get())) {
            logText.set(log);
        }
    }

    private String readLog(String ws, String job) {
        return logFollower.read(ws, job);
    }

    /** A log that cannot be read (the job was just deleted) must not stop the table from refreshing. */
    private String readLogQuietly(String ws, String job) {
        try {
            return readLog(ws, job);
        } catch (RuntimeException e) {
            LOG.debug("Could not read the log of job {}", job, e);
            return null;
        }
    }

    private String text(String key, Object... arguments) {
        String pattern = messages.get(key);
        return arguments.length == 0 ? pattern
                : new MessageFormat(pattern, messages.bundleProperty().get().getLocale()).format(arguments);
    }

    private String separator(int attempt) {
        return new MessageFormat(separatorPattern).format(new Object[] {attempt});
    }

    private void say(String text, boolean error) {
        message.set(text);
        messageIsError.set(error);
    }

    private void clearServiceErrorOnEdit(Field field, ObservableValue<?> value) {
        value.addListener((observable, old, now) -> serviceErrors.get(field).set(null));
    }

    // Validation as the user types

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
                problems.putIfAbsent(Field.ENVIRONMENT, text("jobs.problem.env.format", i + 1));
            } else if (!VARIABLE_NAME.matcher(key).matches()) {
                problems.putIfAbsent(Field.ENVIRONMENT, text("jobs.problem.env.name", i + 1, key));
            } else if (firstLine.containsKey(key)) {
                problems.putIfAbsent(Field.ENVIRONMENT, text("jobs.problem.env.twice", i + 1, key,
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
            spec = new JobSpec("unnamed", null, null, spec.compute(), spec.command(), spec.image(),
                    spec.instanceCount(), spec.environmentVariables(), spec.timeout(), null);
        }
        for (Problem problem : spec.check()) {
            if (problem.rule().equals("required")) {
                continue;
            }
            Field.ofProblem(problem.field()).ifPresent(field -> problems.putIfAbsent(field, describe(problem)));
        }
        return problems;
    }

    /** A domain problem in the user's language when the studio has words for its rule. */
    private String describe(Problem problem) {
        String key = "jobs.problem." + problem.rule();
        return messages.contains(key) ? messages.get(key) : problem.message();
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    // Properties: the form

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

    /** What is wrong with a field, or null: found as the user types, or by the service on submit. */
    public ReadOnlyStringProperty fieldErrorProperty(Field field) {
        return fieldErrors.get(field).getReadOnlyProperty();
    }

    public String fieldError(Field field) {
        return fieldErrors.get(field).get();
    }

    /** Why the last submit failed as a whole (e.g. the compute was deleted meanwhile), or null. */
    public ReadOnlyStringProperty submitErrorProperty() {
        return submitError.getReadOnlyProperty();
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

    // Properties: the table, the log and cancel

    /** The workspace's jobs, newest first; rows are updated in place. Unmodifiable. */
    public ObservableList<JobRow> jobs() {
        return rowsView;
    }

    public ReadOnlyObjectProperty<JobRow> selectedJobProperty() {
        return selectedJob.getReadOnlyProperty();
    }

    public JobRow selectedJob() {
        return selectedJob.get();
    }

    /** The selected job's output, the latest {@value LogFollower#MAX_CHARS} characters at most. */
    public ReadOnlyStringProperty logTextProperty() {
        return logText.getReadOnlyProperty();
    }

    public String logText() {
        return logText.get();
    }

    /** True with no job selected, for a job that has ended or is being canceled, and while a cancel is on its way. */
    public BooleanBinding cancelDisabledProperty() {
        return cancelDisabled;
    }

    public boolean isCancelDisabled() {
        return cancelDisabled.get();
    }

    /** The outcome of the last action (submitted, cancel requested, why it failed); empty for none. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public String message() {
        return message.get();
    }

    public ReadOnlyBooleanProperty messageIsErrorProperty() {
        return messageIsError.getReadOnlyProperty();
    }

    public boolean isMessageError() {
        return messageIsError.get();
    }
}
