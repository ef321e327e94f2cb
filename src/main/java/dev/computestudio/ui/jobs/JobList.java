package dev.computestudio.ui.jobs;

import dev.computestudio.domain.Job;
import dev.computestudio.domain.JobStatus;
import dev.computestudio.service.JobService;
import dev.computestudio.service.WaitingNote;
import dev.computestudio.ui.common.Messages;
import dev.computestudio.ui.common.Rows;
import dev.computestudio.ui.common.ServiceCalls;
import dev.computestudio.ui.common.UiThreads;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The selected workspace's jobs, newest first, and the selected one. Rows keep their identity
 * across refreshes and are updated in place, so the table keeps its selection and scroll position.
 */
public final class JobList {

    private static final Comparator<JobRow> NEWEST_FIRST =
            Comparator.comparing(JobRow::createdAt).reversed().thenComparing(JobRow::name);
    /** The same order on the jobs as read. */
    private static final Comparator<Job> NEWEST_JOB_FIRST =
            Comparator.comparing(Job::createdAt).reversed().thenComparing(Job::name);

    private final JobService jobs;
    private final ServiceCalls calls;
    private final Messages messages;
    private final JobTimes times;
    // The FX thread's workspace, for refreshes off it.
    private volatile String shownWorkspace;

    // Properties
    private final ObservableList<JobRow> rows = FXCollections.observableArrayList();
    private final ObservableList<JobRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyObjectWrapper<JobRow> selected = new ReadOnlyObjectWrapper<>();
    /** A job to select once a read lists it (a notice opened before the screen read its workspace). */
    private String revealed;

    /** @param workspace the selected workspace, e.g. {@code ShellViewModel.selectedWorkspaceProperty()} */
    JobList(JobService jobs, UiThreads threads, ObservableValue<String> workspace, Messages messages, JobTimes times) {
        this.jobs = jobs;
        this.calls = new ServiceCalls(threads);
        this.messages = messages;
        this.times = times;
        shownWorkspace = workspace.getValue();
        workspace.addListener((observable, old, now) -> {
            shownWorkspace = now;
            revealed = null;
            selected.set(null);
            rows.clear();
        });
    }

    /**
     * The jobs as read, the engine's time they were read at, and its notes on why the clusters of
     * queued jobs keep them waiting, by cluster.
     */
    private record Snapshot(String workspace, List<Job> jobs, Instant now, Map<String, WaitingNote> waiting) {
    }

    // Commands

    /** Reads the jobs again on the calling thread: the shell's refresh, off the FX thread. */
    void refreshNow() {
        String workspace = shownWorkspace;
        if (workspace != null) {
            calls.readNow(() -> read(workspace), this::show);
        }
    }

    /** Reads the jobs again in the background. */
    void reload() {
        String workspace = shownWorkspace;
        if (workspace != null) {
            calls.read(() -> read(workspace), this::show);
        }
    }

    /** Selects the job of this name; null selects none. */
    public void select(String jobName) {
        JobRow row = jobName == null ? null
                : rows.stream().filter(r -> r.name().equals(jobName)).findFirst().orElse(null);
        if (row != selected.get()) {
            selected.set(row);
        }
    }

    /** Selects the job of this name now, or as soon as a read lists it. */
    public void reveal(String jobName) {
        select(jobName);
        revealed = selected.get() == null ? jobName : null;
    }

    /** Shows a job as a command of this screen left it, before the next refresh reads it. */
    void upsert(Job job) {
        JobRow row = rows.stream().filter(r -> r.name().equals(job.name())).findFirst()
                .orElseGet(() -> new JobRow(job.name(), times, messages));
        // The note stays what the last read found: a command does not change why a cluster waits.
        row.update(job, times.now(), row.waitingNote());
        List<JobRow> ordered = new ArrayList<>(rows);
        if (!ordered.contains(row)) {
            ordered.add(row);
        }
        ordered.sort(NEWEST_FIRST);
        placeInOrder(ordered);
    }

    // State changes, on the FX thread

    /** Reads and sorts off the FX thread, which then only brings the rows in line. */
    private Snapshot read(String workspace) {
        List<Job> newestFirst = new ArrayList<>(jobs.list(workspace));
        newestFirst.sort(NEWEST_JOB_FIRST);
        Map<String, WaitingNote> waiting = new HashMap<>();
        newestFirst.stream().filter(job -> job.status() == JobStatus.QUEUED).map(job -> job.spec().compute()).distinct()
                .forEach(cluster -> jobs.whyWaiting(workspace, cluster).ifPresent(note -> waiting.put(cluster, note)));
        return new Snapshot(workspace, newestFirst, times.now(), waiting);
    }

    private void show(Snapshot snapshot) {
        if (!snapshot.workspace().equals(shownWorkspace)) {
            return;
        }
        Rows.sync(rows, snapshot.jobs(), Job::name, JobRow::name, job -> {
            JobRow row = new JobRow(job.name(), times, messages);
            row.update(job, snapshot.now(), snapshot.waiting().get(job.spec().compute()));
            return row;
        }, (row, job) -> row.update(job, snapshot.now(), snapshot.waiting().get(job.spec().compute())));
        Set<String> names = snapshot.jobs().stream().map(Job::name).collect(Collectors.toSet());
        if (selected.get() != null && !names.contains(selected.get().name())) {
            selected.set(null);
        }
        if (revealed != null && names.contains(revealed)) {
            select(revealed);
            revealed = null;
        }
    }

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

    // Read-only views

    /** The workspace's jobs, newest first; rows are updated in place. Unmodifiable. */
    public ObservableList<JobRow> jobs() {
        return rowsView;
    }

    public ReadOnlyObjectProperty<JobRow> selectedJobProperty() {
        return selected.getReadOnlyProperty();
    }

    public JobRow selectedJob() {
        return selected.get();
    }
}
