package dev.computestudio.domain;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The cloud's job statuses with the explicit table of allowed moves. Going back to QUEUED from a
 * running state is how a job restarts after its node was preempted or lost.
 */
public enum JobStatus {
    NOT_STARTED("NotStarted"), QUEUED("Queued"), PREPARING("Preparing"), STARTING("Starting"),
    RUNNING("Running"), FINALIZING("Finalizing"), CANCEL_REQUESTED("CancelRequested"),
    COMPLETED("Completed"), FAILED("Failed"), CANCELED("Canceled"), NOT_RESPONDING("NotResponding");

    private static final Map<JobStatus, Set<JobStatus>> ALLOWED = new EnumMap<>(JobStatus.class);

    static {
        allow(NOT_STARTED, QUEUED, CANCEL_REQUESTED, CANCELED, FAILED);
        allow(QUEUED, PREPARING, CANCEL_REQUESTED, CANCELED, FAILED);
        allow(PREPARING, STARTING, RUNNING, QUEUED, CANCEL_REQUESTED, FAILED);
        allow(STARTING, RUNNING, QUEUED, CANCEL_REQUESTED, FAILED);
        allow(RUNNING, FINALIZING, COMPLETED, FAILED, QUEUED, CANCEL_REQUESTED, NOT_RESPONDING);
        allow(NOT_RESPONDING, RUNNING, QUEUED, CANCEL_REQUESTED, FAILED);
        allow(FINALIZING, COMPLETED, FAILED);
        allow(CANCEL_REQUESTED, CANCELED, FAILED);
        allow(COMPLETED);
        allow(FAILED);
        allow(CANCELED);
    }

    private final String restName;

    JobStatus(String restName) {
        this.restName = restName;
    }

    private static void allow(JobStatus from, JobStatus... to) {
        Set<JobStatus> targets = EnumSet.noneOf(JobStatus.class);
        targets.addAll(java.util.Arrays.asList(to));
        ALLOWED.put(from, Collections.unmodifiableSet(targets));
    }

    public String restName() {
        return restName;
    }

    public boolean canMoveTo(JobStatus next) {
        return ALLOWED.get(this).contains(next);
    }

    public boolean isFinal() {
        return ALLOWED.get(this).isEmpty();
    }

    /** Holding nodes: the job has been placed and not yet released them. */
    public boolean holdsNodes() {
        return this == PREPARING || this == STARTING || this == RUNNING || this == NOT_RESPONDING
                || this == FINALIZING;
    }

    public static JobStatus fromRestName(String name) {
        for (JobStatus status : values()) {
            if (status.restName.equalsIgnoreCase(name)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown job status " + name);
    }
}
