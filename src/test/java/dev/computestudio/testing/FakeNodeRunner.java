package dev.computestudio.testing;

import dev.computestudio.domain.Message;
import dev.computestudio.domain.Node;
import dev.computestudio.domain.port.JobLaunch;
import dev.computestudio.domain.port.NodeRunner;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A node runner that runs nothing: it records what the engine asks of it, lets a test end a rank
 * with an exit code, and can be told to fail. Like a real runner, stopping a rank that still runs
 * makes it exit (code 143), so the engine also hears exits of attempts it has already ended.
 * Everything happens on the calling thread.
 */
public final class FakeNodeRunner implements NodeRunner {

    /** The exit code of a stopped rank: 128 + SIGTERM. */
    public static final int STOPPED_EXIT_CODE = 143;

    private record Rank(JobLaunch launch, JobExitListener listener) {
    }

    private final List<Node> startedNodes = new ArrayList<>();
    private final List<String> stoppedNodes = new ArrayList<>();
    private final List<JobLaunch> launches = new ArrayList<>();
    private final List<String> stoppedJobs = new ArrayList<>();
    private final Map<String, Rank> running = new LinkedHashMap<>();
    private final Set<String> alsoRunning = new LinkedHashSet<>();
    private int nodeStartsToFail;
    private Predicate<JobLaunch> failJobStart = launch -> false;
    private Message healthProblem;

    // Commands

    /** Ends a running rank of a job (its latest attempt) with this exit code, as the process would. */
    public void exit(String jobName, int rank, int exitCode) {
        String handle = handleOf(jobName, rank);
        Rank ended = running.remove(handle);
        ended.listener().exited(ended.launch(), exitCode);
    }

    /** From now on the runner says it cannot run anything, as a Docker engine gone silent at this address. */
    public void breakDown(String host) {
        healthProblem = Message.of("error.runner.docker-silent", host);
    }

    /** The next {@code times} node starts fail. */
    public void failNodeStarts(int times) {
        nodeStartsToFail = times;
    }

    /** Job starts matching {@code which} fail until told otherwise. */
    public void failJobStarts(Predicate<JobLaunch> which) {
        failJobStart = which;
    }

    /** Handles {@link #findRunning()} reports besides the ranks this runner started: left by an earlier process. */
    public void pretendRunning(String... handles) {
        alsoRunning.addAll(List.of(handles));
    }

    // Observations

    public List<Node> startedNodes() {
        return List.copyOf(startedNodes);
    }

    public List<String> stoppedNodeIds() {
        return List.copyOf(stoppedNodes);
    }

    /** Every rank started, in order. */
    public List<JobLaunch> launches() {
        return List.copyOf(launches);
    }

    public List<JobLaunch> launchesOf(String jobName) {
        return launches.stream().filter(launch -> launch.jobName().equals(jobName)).toList();
    }

    public List<String> stoppedJobHandles() {
        return List.copyOf(stoppedJobs);
    }

    /** The handle of the running rank of a job's latest attempt. */
    public String handleOf(String jobName, int rank) {
        return running.entrySet().stream()
                .filter(e -> e.getValue().launch().jobName().equals(jobName) && e.getValue().launch().rank() == rank)
                .reduce((first, later) -> later)
                .map(Map.Entry::getKey)
                .orElseThrow(() -> new AssertionError("rank " + rank + " of job " + jobName + " is not running; "
                        + "running: " + running.keySet()));
    }

    public Set<String> runningHandles() {
        return Set.copyOf(running.keySet());
    }

    // NodeRunner

    @Override
    public String name() {
        return "fake";
    }

    @Override
    public String startNode(Node node) {
        if (nodeStartsToFail > 0) {
            nodeStartsToFail--;
            throw new IllegalStateException("no capacity left on the host (fake)");
        }
        startedNodes.add(node);
        return "node-" + node.id();
    }

    @Override
    public void stopNode(Node node) {
        stoppedNodes.add(node.id());
    }

    @Override
    public String startJob(JobLaunch launch, JobExitListener listener) {
        if (failJobStart.test(launch)) {
            throw new IllegalStateException("image " + launch.image() + " could not be pulled (fake)");
        }
        String handle = "rank-" + launch.jobName() + "-" + launch.attempt() + "-" + launch.rank();
        launches.add(launch);
        running.put(handle, new Rank(launch, listener));
        return handle;
    }

    @Override
    public void stopJob(String handle) {
        stoppedJobs.add(handle);
        alsoRunning.remove(handle);
        Rank stopped = running.remove(handle);
        if (stopped != null) {
            stopped.listener().exited(stopped.launch(), STOPPED_EXIT_CODE);
        }
    }

    @Override
    public Message healthProblem() {
        return healthProblem;
    }

    @Override
    public boolean isAlive(String handle) {
        // Node handles name containers of a shared engine: they outlive a runner (an engine restart) until stopped.
        boolean node = handle.startsWith("node-") && !stoppedNodes.contains(handle.substring("node-".length()));
        return node || running.containsKey(handle) || alsoRunning.contains(handle);
    }

    @Override
    public Set<String> findRunning() {
        Set<String> all = new LinkedHashSet<>(running.keySet());
        all.addAll(alsoRunning);
        return all;
    }
}
