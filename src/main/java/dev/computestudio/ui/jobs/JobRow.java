package dev.computestudio.ui.jobs;

import dev.computestudio.domain.Job;
import dev.computestudio.domain.JobStatus;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * One line of the job table, as shown. A row keeps its identity (the job's name) across refreshes
 * and its values are updated in place, so the table keeps its selection and scroll position.
 */
public final class JobRow {

    private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final String name;
    private final ReadOnlyObjectWrapper<JobStatus> status = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper compute = new ReadOnlyStringWrapper();
    private final ReadOnlyIntegerWrapper instanceCount = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper attempt = new ReadOnlyIntegerWrapper();
    private final ReadOnlyStringWrapper created = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper duration = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper();
    private Instant createdAt;

    JobRow(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    /** Takes the job's current values; {@code now} measures a job that still runs. */
    void update(Job job, Instant now, ZoneId zone) {
        createdAt = job.createdAt();
        status.set(job.status());
        compute.set(job.spec().compute());
        instanceCount.set(job.spec().instanceCount());
        attempt.set(job.attempt());
        created.set(CREATED.format(job.createdAt().atZone(zone)));
        duration.set(job.startedAt() == null ? ""
                : describe(Duration.between(job.startedAt(), job.endedAt() != null ? job.endedAt() : now)));
        error.set(job.error() == null ? "" : job.error());
    }

    /** Like {@code 42 s}, {@code 3 min 05 s}, {@code 2 h 04 min}. */
    static String describe(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return String.format("%d min %02d s", seconds / 60, seconds % 60);
        }
        return String.format("%d h %02d min", seconds / 3600, seconds % 3600 / 60);
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

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    @Override
    public String toString() {
        return name + " " + status.get();
    }
}
