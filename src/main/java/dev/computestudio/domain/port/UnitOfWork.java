package dev.computestudio.domain.port;

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
}
