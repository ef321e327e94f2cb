package dev.computestudio.domain.port;

import dev.computestudio.domain.Message;
import dev.computestudio.domain.Node;

import java.util.Set;

/**
 * Where nodes and jobs really run: local processes or Docker containers. Only the engine that
 * holds the lease calls a runner, from its one reconciliation thread.
 */
public interface NodeRunner {

    /** "process" or "docker", as shown to users. */
    String name();

    /** Brings a node up and returns the handle to find it again (a container id), or null when a node is only a slot. */
    String startNode(Node node);

    /** Takes a node down, with whatever still runs on it. */
    void stopNode(Node node);

    /**
     * Starts one rank of a job on a node; {@code listener} hears when it ends, from any thread.
     *
     * @return the handle of what runs (a process id, a container id), recorded so a new engine can find it
     */
    String startJob(JobLaunch launch, JobExitListener listener);

    /** Stops a job's rank and everything it started; nothing happens when it already ended. */
    void stopJob(String handle);

    /** Whether what a handle names is still running. */
    boolean isAlive(String handle);

    /**
     * Handles of everything this runner finds running for the given data folder, known to the
     * database or not: after a crash the engine stops those it does not know.
     */
    Set<String> findRunning();

    /**
     * Why nothing can run right now (the Docker engine stopped answering), by code; null while
     * the runner works.
     */
    Message healthProblem();

    /** Hears the end of one job rank. */
    @FunctionalInterface
    interface JobExitListener {
        void exited(JobLaunch launch, int exitCode);
    }
}
