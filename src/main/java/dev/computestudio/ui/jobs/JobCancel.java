package dev.computestudio.ui.jobs;

import dev.computestudio.domain.Job;
import dev.computestudio.domain.JobStatus;
import dev.computestudio.service.JobService;
import dev.computestudio.ui.common.FieldProblems;
import dev.computestudio.ui.common.Messages;
import dev.computestudio.ui.common.Refusal;
import dev.computestudio.ui.common.ServiceCalls;
import dev.computestudio.ui.common.UiThreads;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;

/**
 * Cancelling the selected job: offered for a job that has not ended and is not already being
 * canceled, asked about first (the view shows {@link #question()} and cancels only on yes), and
 * followed by a word on how it went.
 */
public final class JobCancel {

    /** Whatever field a refusal of a cancel names, it is about the cancel. */
    private static final String CANCEL = "cancel";

    private final JobService jobs;
    private final ServiceCalls calls;
    private final Messages messages;
    private final ObservableValue<String> workspace;
    private final JobList list;
    private final ActionOutcome outcome;
    private final Runnable refreshSoon;
    private final FieldProblems problems;
    private final StringBinding refusal;

    // Properties
    private final ReadOnlyObjectWrapper<JobStatus> selectedStatus = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper cancelling = new ReadOnlyBooleanWrapper();
    private final BooleanBinding disabled;

    /** @param refreshSoon reads the screen again after a cancel, which the engine may still be carrying out */
    JobCancel(JobService jobs, UiThreads threads, ObservableValue<String> workspace, JobList list,
              ActionOutcome outcome, Messages messages, Runnable refreshSoon) {
        this.jobs = jobs;
        this.calls = new ServiceCalls(threads);
        this.messages = messages;
        this.workspace = workspace;
        this.list = list;
        this.outcome = outcome;
        this.refreshSoon = refreshSoon;
        problems = new FieldProblems(messages, field -> CANCEL);
        refusal = problems.text(CANCEL);
        disabled = Bindings.createBooleanBinding(() -> selectedStatus.get() == null || selectedStatus.get().isFinal()
                || selectedStatus.get() == JobStatus.CANCEL_REQUESTED, selectedStatus).or(cancelling);
        list.selectedJobProperty().addListener((observable, old, now) -> {
            selectedStatus.unbind();
            if (now == null) {
                selectedStatus.set(null);
            } else {
                selectedStatus.bind(now.statusProperty());
            }
        });
    }

    // Commands

    /**
     * The question the view asks before a cancel, naming the job; null when nothing can be canceled
     * (no job selected, or it has ended or is being canceled).
     */
    public String question() {
        JobRow row = list.selectedJob();
        if (row == null || disabled.get()) {
            return null;
        }
        return row.displayName().equals(row.name()) ? messages.render("jobs.cancel.confirm.header", row.name())
                : messages.render("jobs.cancel.confirm.headerNamed", row.displayName(), row.name());
    }

    /**
     * Cancels this job, once the user has confirmed: the job asked about, even if the selection
     * moved meanwhile. The service refuses, with its reason, a job that ended in the meantime.
     */
    public void cancel(JobRow row) {
        if (row == null || cancelling.get()) {
            return;
        }
        String target = workspace.getValue();
        String job = row.name();
        cancelling.set(true);
        calls.call(() -> jobs.cancel(target, job), canceled -> {
            cancelling.set(false);
            if (target.equals(workspace.getValue())) {
                canceled(canceled);
            }
        }, refused -> {
            cancelling.set(false);
            if (target.equals(workspace.getValue())) {
                refused(job, refused);
            }
        });
    }

    // Results

    private void canceled(Job job) {
        list.upsert(job);
        outcome.report(messages.render(job.status() == JobStatus.CANCELED ? "jobs.canceled" : "jobs.cancelRequested",
                job.name()));
        refreshSoon.run();
    }

    /** Says why, and reads the job again: it may have ended meanwhile, which is often the reason. */
    private void refused(String job, Refusal why) {
        problems.show(why);
        outcome.refuse(Bindings.createStringBinding(() -> messages.render("jobs.error.cancel", job, refusal.get()),
                refusal, messages.bundleProperty()));
        refreshSoon.run();
    }

    // Read-only views

    /** True with no job selected, for a job that has ended or is being canceled, and while a cancel is on its way. */
    public BooleanBinding disabledProperty() {
        return disabled;
    }

    public boolean isDisabled() {
        return disabled.get();
    }
}
