package dev.computestudio.domain.port;

import dev.computestudio.domain.Job;
import dev.computestudio.domain.JobStatus;

import java.util.List;
import java.util.Optional;

/** Stored jobs, keyed by workspace and name. */
public interface JobRepository {

    /**
     * Stores a submitted job and notes it for the engine ({@link #takeNoted}). Throws
     * {@code ConflictException} when the workspace already has a job of that name.
     */
    void insert(Job job);

    /**
     * Stores {@code job}'s status only if the stored status is still {@code expected}, so that two
     * processes (the engine and a CLI cancel) never overwrite each other's move. The spec never
     * changes after submission. This is the engine's own write: it is not noted.
     *
     * @return whether the job was updated
     */
    boolean updateIf(Job job, JobStatus expected);

    /**
     * {@link #updateIf} for a change made outside the engine (a cancel): the change and its note
     * for the engine are stored together or not at all.
     */
    boolean updateAndNoteIf(Job job, JobStatus expected);

    /**
     * The jobs submitted or changed outside the engine since the last call, as stored now, in the
     * order they were noted; each note is returned once. The engine holds its queue in memory and
     * reads only these.
     */
    List<Job> takeNoted();

    Optional<Job> find(String workspace, String name);

    /** The workspace's jobs, newest first. */
    List<Job> list(String workspace);

    /** Jobs of every workspace that have not reached a final status, oldest first (the queue order). */
    List<Job> listUnfinished();
}
