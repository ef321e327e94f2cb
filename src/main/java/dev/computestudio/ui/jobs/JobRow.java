package dev.computestudio.ui.jobs;

import dev.computestudio.domain.Job;
import dev.computestudio.domain.JobStatus;
import dev.computestudio.domain.Message;
import dev.computestudio.service.WaitingNote;
import dev.computestudio.ui.common.Messages;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One job as the screen shows it, in its table line and in its details, as the cloud's job list
 * does: display name, experiment, status (with why a queued job waits), compute, attempt, duration
 * and exit code. A row keeps its identity (the job's name) across refreshes and its values are
 * updated in place, so the table keeps its selection and scroll position.
 */
public final class JobRow {

    private final String name;
    private final JobTimes times;
    private final Messages messages;
    private final ReadOnlyStringWrapper displayName = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper experiment = new ReadOnlyStringWrapper();
    private final ReadOnlyObjectWrapper<JobStatus> status = new ReadOnlyObjectWrapper<>();
    private final StringBinding statusText;
    private final ReadOnlyObjectWrapper<WaitingNote> waitingNote = new ReadOnlyObjectWrapper<>();
    private final StringBinding waitingFor;
    private final StringBinding waiting;
    private final StringBinding statusLine;
    private final ReadOnlyStringWrapper compute = new ReadOnlyStringWrapper();
    private final ReadOnlyIntegerWrapper instanceCount = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper attempt = new ReadOnlyIntegerWrapper();
    private final ReadOnlyStringWrapper created = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper started = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper ended = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Duration> runTime = new ReadOnlyObjectWrapper<>();
    private final StringBinding duration;
    private final ReadOnlyStringWrapper exitCode = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper nodes = new ReadOnlyStringWrapper();
    private final ReadOnlyObjectWrapper<Message> errorText = new ReadOnlyObjectWrapper<>();
    private final StringBinding error;
    private Instant createdAt;
    private Instant startedAt;
    private Instant endedAt;

    JobRow(String name, JobTimes times, Messages messages) {
        this.name = Objects.requireNonNull(name, "name");
        this.times = times;
        this.messages = messages;
        statusText = messages.display(status);
        waitingFor = Bindings.createStringBinding(() -> waitingNote.get() == null ? "" : shortReason(waitingNote.get()),
                waitingNote, messages.bundleProperty());
        waiting = Bindings.createStringBinding(
                () -> waitingNote.get() == null ? "" : messages.format(waitingNote.get().text()),
                waitingNote, messages.bundleProperty());
        statusLine = Bindings.createStringBinding(() -> waitingFor.get().isEmpty() ? statusText.get()
                : messages.render("jobs.status.waiting", statusText.get(), waitingFor.get()), statusText, waitingFor);
        duration = Bindings.createStringBinding(() -> JobTimes.describe(runTime.get(), messages),
                runTime, messages.bundleProperty());
        error = Bindings.createStringBinding(() -> errorText.get() == null ? "" : messages.format(errorText.get()),
                errorText, messages.bundleProperty());
    }

    /**
     * Takes the job's current values; {@code now}, on the engine's clock, measures a job that still
     * runs, and {@code note} is the engine's word on why the job's cluster keeps its queued jobs
     * waiting (null for none), shown only while this job is queued.
     */
    void update(Job job, Instant now, WaitingNote note) {
        // Times are formatted only when they change: the table refreshes 2,000 rows a second on the FX thread.
        if (!job.createdAt().equals(createdAt)) {
            created.set(times.created(job));
        }
        createdAt = job.createdAt();
        if (!Objects.equals(job.startedAt(), startedAt)) {
            started.set(times.instant(job.startedAt()));
        }
        startedAt = job.startedAt();
        if (!Objects.equals(job.endedAt(), endedAt)) {
            ended.set(times.instant(job.endedAt()));
        }
        endedAt = job.endedAt();
        String display = job.spec().displayName();
        displayName.set(display == null || display.isBlank() ? job.name() : display);
        experiment.set(job.spec().experimentName());
        status.set(job.status());
        // Each read brings new but equal notes, durations and errors: setting only a different one
        // spares the bindings and cells over 2,000 rows from recomputing every second.
        setIfChanged(waitingNote, job.status() == JobStatus.QUEUED ? note : null);
        compute.set(job.spec().compute());
        instanceCount.set(job.spec().instanceCount());
        attempt.set(job.attempt());
        setIfChanged(runTime, times.duration(job, now));
        exitCode.set(job.exitCode() == null ? "" : String.valueOf(job.exitCode()));
        nodes.set(String.join(", ", job.nodeIds()));
        setIfChanged(errorText, job.error());
    }

    private static <T> void setIfChanged(ReadOnlyObjectWrapper<T> property, T value) {
        if (!Objects.equals(property.get(), value)) {
            property.set(value);
        }
    }

    /** A few words for the table, e.g. "lock"; the engine's full note is {@link #waitingProperty()}. */
    private String shortReason(WaitingNote note) {
        String key = "jobs.waiting." + note.code();
        return messages.contains(key) ? messages.get(key) : messages.get("jobs.waiting.other");
    }

    WaitingNote waitingNote() {
        return waitingNote.get();
    }

    Instant createdAt() {
        return createdAt;
    }

    /** The job's name: its id in the workspace. */
    public String name() {
        return name;
    }

    /** The name given to show, or the job's name when none was given, as the cloud shows it. */
    public String displayName() {
        return displayName.get();
    }

    public ReadOnlyStringProperty displayNameProperty() {
        return displayName.getReadOnlyProperty();
    }

    public String experiment() {
        return experiment.get();
    }

    public ReadOnlyStringProperty experimentProperty() {
        return experiment.getReadOnlyProperty();
    }

    public JobStatus status() {
        return status.get();
    }

    public ReadOnlyObjectProperty<JobStatus> statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The status's name in the current language. */
    public String statusText() {
        return statusText.get();
    }

    public StringBinding statusTextProperty() {
        return statusText;
    }

    /** The status and, for a queued job the engine noted a reason for, what it waits for: "Queued: lock". */
    public String statusLine() {
        return statusLine.get();
    }

    public StringBinding statusLineProperty() {
        return statusLine;
    }

    /** What a queued job waits for, in a few words ("lock", "quota", "max nodes", "node starting"); empty for none. */
    public String waitingFor() {
        return waitingFor.get();
    }

    public StringBinding waitingForProperty() {
        return waitingFor;
    }

    /** The engine's note on why a queued job waits, in full and in the current language; empty for none. */
    public String waiting() {
        return waiting.get();
    }

    public StringBinding waitingProperty() {
        return waiting;
    }

    public String compute() {
        return compute.get();
    }

    public ReadOnlyStringProperty computeProperty() {
        return compute.getReadOnlyProperty();
    }

    public int instanceCount() {
        return instanceCount.get();
    }

    public ReadOnlyIntegerProperty instanceCountProperty() {
        return instanceCount.getReadOnlyProperty();
    }

    public int attempt() {
        return attempt.get();
    }

    public ReadOnlyIntegerProperty attemptProperty() {
        return attempt.getReadOnlyProperty();
    }

    public String created() {
        return created.get();
    }

    public ReadOnlyStringProperty createdProperty() {
        return created.getReadOnlyProperty();
    }

    /** When the current attempt started, to the second; empty before it has. */
    public String started() {
        return started.get();
    }

    public ReadOnlyStringProperty startedProperty() {
        return started.getReadOnlyProperty();
    }

    /** When the job ended, to the second; empty while it has not. */
    public String ended() {
        return ended.get();
    }

    public ReadOnlyStringProperty endedProperty() {
        return ended.getReadOnlyProperty();
    }

    /** Start to end, or to now while it runs (it grows at each refresh); empty before it starts. */
    public String duration() {
        return duration.get();
    }

    public StringBinding durationProperty() {
        return duration;
    }

    /** The command's exit code; empty while it has none. */
    public String exitCode() {
        return exitCode.get();
    }

    public ReadOnlyStringProperty exitCodeProperty() {
        return exitCode.getReadOnlyProperty();
    }

    /** The nodes the job runs or ran on, e.g. {@code tvm-1_1, tvm-1_2}; empty while it has none. */
    public String nodes() {
        return nodes.get();
    }

    public ReadOnlyStringProperty nodesProperty() {
        return nodes.getReadOnlyProperty();
    }

    public String error() {
        return error.get();
    }

    /** The job's error in full and in the current language; empty when it has none. */
    public StringBinding errorProperty() {
        return error;
    }

    @Override
    public String toString() {
        return name + " " + status.get();
    }
}
