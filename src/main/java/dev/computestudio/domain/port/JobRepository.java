package dev.computestudio.domain.port;

import dev.computestudio.domain.Job;
import dev.computestudio.domain.JobStatus;

import java.util.List;
import java.util.Optional;

/** Stored jobs, keyed by workspace and name. */
public interface JobRepository {

    /** Throws {@code ConflictException} when the workspace already has a job of that name. */
    void insert(Job job);

    /**
     * Stores {@code job} only if the stored status is still {@code expected}, so that two processes
     * (the engine and a CLI cancel) never overwrite each other's move.
     *
     * @return whether the job was updated
     */
    boolean updateIf(Job job, JobStatus expected);

    Optional<Job> find(String workspace, String name);

    /** The workspace's jobs, newest first. */
    List<Job> list(String workspace);

    /** Jobs of every workspace that have not reached a final status, oldest first (the queue order). */
    List<Job> listUnfinished();
}
