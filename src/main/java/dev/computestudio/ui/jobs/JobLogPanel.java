package dev.computestudio.ui.jobs;

import dev.computestudio.service.JobService;
import dev.computestudio.ui.common.Messages;
import dev.computestudio.ui.common.ServiceCalls;
import dev.computestudio.ui.common.UiThreads;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;

import java.text.MessageFormat;

/**
 * The selected job's log, followed live: each refresh adds what the job wrote since, and a job
 * that restarted after its node was preempted goes on with its next attempt after a separator line.
 */
public final class JobLogPanel {

    private final ServiceCalls calls;
    private final LogFollower follower;
    // The FX thread's choices, for refreshes off it.
    private volatile String shownWorkspace;
    private volatile String followedJob;
    private volatile String separatorPattern;

    // Properties
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
    private final StringBinding title;

    JobLogPanel(JobService jobs, UiThreads threads, ObservableValue<String> workspace,
                ObservableValue<JobRow> selectedJob, Messages messages) {
        this.calls = new ServiceCalls(threads);
        this.follower = new LogFollower(jobs, this::separator);
        title = Bindings.createStringBinding(() -> selectedJob.getValue() == null ? messages.get("jobs.log.none")
                        : messages.render("jobs.log.title", selectedJob.getValue().name()),
                selectedJob, messages.bundleProperty());
        separatorPattern = messages.get("jobs.log.attemptSeparator");
        messages.bundleProperty().addListener((observable, old, now) ->
                separatorPattern = messages.get("jobs.log.attemptSeparator"));
        shownWorkspace = workspace.getValue();
        workspace.addListener((observable, old, now) -> shownWorkspace = now);
        selectedJob.addListener((observable, old, now) -> follow(now));
    }

    // Commands

    /** Reads what the followed job wrote since, on the calling thread: the shell's refresh, off the FX thread. */
    void refreshNow() {
        String workspace = shownWorkspace;
        String job = followedJob;
        if (workspace != null && job != null) {
            calls.readNow(() -> follower.read(workspace, job), log -> show(job, log));
        }
    }

    /** Reads what the followed job wrote since, in the background. */
    void reload() {
        String workspace = shownWorkspace;
        String job = followedJob;
        if (workspace != null && job != null) {
            calls.read(() -> follower.read(workspace, job), log -> show(job, log));
        }
    }

    // State changes, on the FX thread

    private void follow(JobRow row) {
        followedJob = row == null ? null : row.name();
        text.set("");
        reload();
    }

    private void show(String job, String log) {
        if (job.equals(followedJob) && !log.equals(text.get())) {
            text.set(log);
        }
    }

    /** The line before the output of attempt n (n > 1); read off the FX thread, hence the pattern kept aside. */
    private String separator(int attempt) {
        return new MessageFormat(separatorPattern).format(new Object[] {attempt});
    }

    // Read-only views

    /** The followed job's output, the latest {@value LogFollower#MAX_CHARS} characters at most. */
    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    public String text() {
        return text.get();
    }

    /** Whose log this is, or that a job is to be selected. */
    public StringBinding titleProperty() {
        return title;
    }
}
