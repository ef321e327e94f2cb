package dev.computestudio.domain.port;

import java.util.function.Supplier;

/**
 * Groups many small writes of one thread into few commits (the engine's pass writes each node and
 * job as it acts). A write that fails undoes only itself, as it would on its own, and what ran
 * before is committed even when the work throws; other processes see the writes when committed.
 */
public interface UnitOfWork {

    /** Runs {@code work}, its writes committed at the end; a nested call joins the outer one. */
    void run(Runnable work);

    /**
     * Commits what this thread's unit wrote so far (nothing outside a unit): before anything
     * outside the database may read it, such as a job's process asking the token endpoint.
     */
    void commitSoFar();

    /**
     * Runs {@code work} so that its writes are stored all together or not at all: when it throws,
     * every write it made is undone, so a change of several rows (a cluster and its event, a
     * cluster's nodes and the cluster) is never seen half done. Inside a unit it is a savepoint.
     */
    <T> T atomically(Supplier<T> work);
}
