package dev.computestudio.ui.jobs;

import javafx.beans.binding.Bindings;
import dev.computestudio.domain.Message;
import dev.computestudio.domain.Job;
import dev.computestudio.domain.JobStatus;
import dev.computestudio.ui.common.Messages;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of the job table, as shown. A row keeps its identity (the job's name) across refreshes
 * and its values are updated in place, so the table keeps its selection and scroll position.
 */
public final class JobRow {

    private final String name;
    private final JobTimes times;
    private final ReadOnlyObjectWrapper<JobStatus> status = new ReadOnlyObjectWrapper<>();
    private final StringBinding statusText;
    private final ReadOnlyStringWrapper compute = new ReadOnlyStringWrapper();
    private final ReadOnlyIntegerWrapper instanceCount = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper attempt = new ReadOnlyIntegerWrapper();
    private final ReadOnlyStringWrapper created = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper duration = new ReadOnlyStringWrapper();
    private final ReadOnlyObjectWrapper<Message> errorText = new ReadOnlyObjectWrapper<>();
    private final StringBinding error;
    private Instant createdAt;

    JobRow(String name, JobTimes times, Messages messages) {
        this.name = Objects.requireNonNull(name, "name");
        this.times = times;
        this.statusText = messages.display(status);
        this.error = Bindings.createStringBinding(
                () -> errorText.get() == null ? "" : messages.format(errorText.get()), errorText, messages.bundleProperty());
    }

    /** Takes the job's current values; {@code now}, on the engine's clock, measures a job that still runs. */
    void update(Job job, Instant now) {
        // Formatted once: the table refreshes 2,000 rows a second on the FX thread, and this never changes.
        if (!job.createdAt().equals(createdAt)) {
            created.set(times.created(job));
        }
        createdAt = job.createdAt();
        status.set(job.status());
        compute.set(job.spec().compute());
        instanceCount.set(job.spec().instanceCount());
        attempt.set(job.attempt());
        duration.set(times.duration(job, now));
        errorText.set(job.error());
    }

    Instant createdAt() {
        return createdAt;
    }

    public String name() {
        return name;
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

    public String duration() {
        return duration.get();
    }

    public ReadOnlyStringProperty durationProperty() {
        return duration.getReadOnlyProperty();
    }

    public String error() {
        return error.get();
    }

    /** The job's error in the current language; empty when it has none. */
    public StringBinding errorProperty() {
        return error;
    }

    @Override
    public String toString() {
        return name + " " + status.get();
    }
}
