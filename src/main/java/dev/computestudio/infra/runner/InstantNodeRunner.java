package dev.computestudio.infra.runner;

import dev.computestudio.domain.Message;
import dev.computestudio.domain.Node;
import dev.computestudio.domain.port.JobLaunch;
import dev.computestudio.domain.port.NodeRunner;

import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A runner where nodes are ready at once and every job rank ends at once with exit code 0. It
 * measures the scheduler alone, without any process or container cost (the benchmarks use it).
 */
public final class InstantNodeRunner implements NodeRunner {

    private final AtomicLong handles = new AtomicLong();
    private final AtomicLong started = new AtomicLong();

    @Override
    public String name() {
        return "instant";
    }

    @Override
    public String startNode(Node node) {
        return null;
    }

    @Override
    public void stopNode(Node node) {
        // nothing runs
    }

    @Override
    public String startJob(JobLaunch launch, JobExitListener listener) {
        started.incrementAndGet();
        listener.exited(launch, 0);
        return "instant-" + handles.incrementAndGet();
    }

    @Override
    public void stopJob(String handle) {
        // already ended
    }

    /** Local processes can always be started. */
    @Override
    public Message healthProblem() {
        return null;
    }

    @Override
    public boolean isAlive(String handle) {
        return false;
    }

    @Override
    public Set<String> findRunning() {
        return Set.of();
    }

    /** How many job ranks were started so far. */
    public long startedRanks() {
        return started.get();
    }
}
