package dev.computestudio.ui.jobs;

import dev.computestudio.domain.Job;
import dev.computestudio.service.ComputeService;
import dev.computestudio.service.JobService;
import dev.computestudio.ui.common.Messages;
import dev.computestudio.ui.common.UiThreads;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.value.ObservableValue;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The Jobs screen: the {@link JobSubmitForm}, the workspace's {@link JobList}, the selected job's
 * {@link JobLogPanel} and {@link JobCancel}, and a line that says how the user's last action went.
 * Construct it on the FX thread.
 */
public final class JobsViewModel {

    private final Messages messages;
    private final ActionOutcome outcome = new ActionOutcome();
    private final JobList list;
    private final JobLogPanel log;
    private final JobSubmitForm form;
    private final JobCancel cancel;

    /**
     * Starts reading the workspace's jobs at once, in the background.
     *
     * @param workspace   the selected workspace, e.g. {@code ShellViewModel.selectedWorkspaceProperty()}
     * @param engineClock the clock the engine runs on: a running job's duration is measured on it, so
     *                    in a demo at 20x it is shown in demo time
     * @param zone        the time zone creation times are shown in
     */
    public JobsViewModel(JobService jobs, ComputeService compute, UiThreads threads, ObservableValue<String> workspace,
                         Messages messages, Clock engineClock, ZoneId zone) {
        Objects.requireNonNull(jobs, "jobs");
        Objects.requireNonNull(compute, "compute");
        Objects.requireNonNull(threads, "threads");
        Objects.requireNonNull(workspace, "workspace");
        this.messages = Objects.requireNonNull(messages, "messages");
        JobTimes times = new JobTimes(Objects.requireNonNull(engineClock, "engineClock"),
                Objects.requireNonNull(zone, "zone"));
        list = new JobList(jobs, threads, workspace, messages, times);
        log = new JobLogPanel(jobs, threads, workspace, list.selectedJobProperty(), messages);
        form = new JobSubmitForm(jobs, compute, threads, workspace, messages, this::submitted);
        cancel = new JobCancel(jobs, threads, workspace, list, outcome, messages, this::refreshSoon);
        workspace.addListener((observable, old, now) -> {
            outcome.clear();
            refreshSoon();
        });
        refreshSoon();
    }

    // Commands

    /**
     * Reads the jobs, the clusters and the selected job's new output, and shows them. The shell calls
     * it off the FX thread about once a second while the screen is shown.
     */
    public void refresh() {
        list.refreshNow();
        form.refreshNow();
        log.refreshNow();
    }

    /** Reads everything again in the background (F5). */
    public void refreshSoon() {
        list.reload();
        form.reload();
        log.reload();
    }

    private void submitted(Job job) {
        list.upsert(job);
        list.select(job.name());
        outcome.report(messages.render("jobs.submitted", job.name(), job.spec().compute()));
        refreshSoon();
    }

    // Read-only views

    public JobSubmitForm form() {
        return form;
    }

    public JobList list() {
        return list;
    }

    public JobLogPanel log() {
        return log;
    }

    public JobCancel cancel() {
        return cancel;
    }

    /** How the last action went (submitted, cancel requested, why it was refused); empty for nothing. */
    public ReadOnlyStringProperty messageProperty() {
        return outcome.textProperty();
    }

    public String message() {
        return outcome.textProperty().get();
    }

    public ReadOnlyBooleanProperty messageIsErrorProperty() {
        return outcome.refusedProperty();
    }

    public boolean isMessageError() {
        return outcome.refusedProperty().get();
    }
}
