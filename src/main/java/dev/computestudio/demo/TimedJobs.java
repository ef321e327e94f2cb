package dev.computestudio.demo;

import dev.computestudio.domain.Job;
import dev.computestudio.domain.JobStatus;
import dev.computestudio.domain.NotFoundException;
import dev.computestudio.service.JobService;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The jobs of a scenario that work for a while on the demo clock rather than the real one: their
 * command waits for a release file in its working folder, and this releases an attempt once it has
 * run for its demo time, and only when no step still to come needs it running. A job that slept in
 * real time finished early at 20x and late at 1x, and whenever a trainer paused to explain; held
 * here, its end depends only on the demo clock and on the scenario's steps.
 */
final class TimedJobs {

    /** The file whose presence lets a held attempt go on; in the attempt's working folder, so containers see it too. */
    static final String RELEASE_FILE = ".demo-release";
    private static final Duration POLL = Duration.ofMillis(50);

    /** A job that works for {@code runsFor} of demo time on {@code cluster}. */
    record Timed(String job, String cluster, Duration runsFor) {
    }

    private final String workspace;
    private final JobService jobs;
    private final Clock clock;
    private final Predicate<Timed> neededRunning;
    private final Map<String, Timed> timed = new ConcurrentHashMap<>();
    /** When each attempt was first seen running, on the demo clock; by "job#attempt". */
    private final Map<String, Instant> started = new ConcurrentHashMap<>();
    private final Set<String> released = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService ticker;

    /**
     * @param neededRunning whether a step still to come needs the job running (it is held meanwhile)
     */
    TimedJobs(String workspace, JobService jobs, Clock clock, Predicate<Timed> neededRunning) {
        this.workspace = workspace;
        this.jobs = jobs;
        this.clock = clock;
        this.neededRunning = neededRunning;
    }

    /** The command a timed job runs: what it does first, its held work, then what it does last. */
    static String command(String first, String last) {
        String hold = "until [ -e " + RELEASE_FILE + " ]; do sleep 0.1; done";
        return (first.isBlank() ? "" : first + "; ") + hold + (last.isBlank() ? "" : "; " + last);
    }

    synchronized void add(Timed job) {
        timed.put(job.job(), job);
        if (ticker == null) {
            ticker = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "demo-timed-jobs");
                thread.setDaemon(true);
                return thread;
            });
            ticker.scheduleWithFixedDelay(this::releaseDue, 0, POLL.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    synchronized void stop() {
        if (ticker != null) {
            ticker.shutdownNow();
            ticker = null;
        }
        timed.clear();
    }

    /** Releases every running attempt that has worked its demo time and that no step to come needs running. */
    void releaseDue() {
        for (Timed job : timed.values()) {
            try {
                releaseIfDue(job, jobs.show(workspace, job.job()));
            } catch (NotFoundException gone) {
                timed.remove(job.job());
            } catch (RuntimeException e) {
                // Read again at the next poll: a scenario's wait reports what it sees if this never recovers.
            }
        }
    }

    private void releaseIfDue(Timed timedJob, Job job) {
        if (job.status() != JobStatus.RUNNING || job.attempt() == 0) {
            return;
        }
        String attempt = job.name() + "#" + job.attempt();
        Instant since = started.computeIfAbsent(attempt, key -> clock.instant());
        if (released.contains(attempt) || clock.instant().isBefore(since.plus(timedJob.runsFor()))
                || neededRunning.test(timedJob)) {
            return;
        }
        try {
            Files.createDirectories(jobs.workingFolder(job));
            Files.writeString(jobs.workingFolder(job).resolve(RELEASE_FILE), "released by the demo\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        released.add(attempt);
    }
}
