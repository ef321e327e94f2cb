package dev.computestudio.service;

import dev.computestudio.domain.ComputeCluster;
import dev.computestudio.domain.ConflictException;
import dev.computestudio.domain.Job;
import dev.computestudio.domain.JobFiles;
import dev.computestudio.domain.JobSpec;
import dev.computestudio.domain.JobStatus;
import dev.computestudio.domain.LogEvent;
import dev.computestudio.domain.NotFoundException;
import dev.computestudio.domain.Problems;
import dev.computestudio.domain.ProvisioningState;
import dev.computestudio.domain.port.ClusterRepository;
import dev.computestudio.domain.port.EventLog;
import dev.computestudio.domain.port.JobRepository;
import dev.computestudio.domain.port.WorkspaceRepository;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.random.RandomGenerator;

/** Submits, lists, shows and cancels command jobs, and reads their output. */
public final class JobService {

    private static final int MAX_CHUNK = 64 * 1024;

    private final WorkspaceRepository workspaces;
    private final ClusterRepository clusters;
    private final JobRepository jobs;
    private final EventLog events;
    private final JobFiles files;
    private final JobNames names;
    private final Clock clock;
    private final Runnable onChange;

    /**
     * @param onChange called after a submit or cancel, so that an engine in this process acts at
     *                 once instead of at its next tick
     */
    public JobService(WorkspaceRepository workspaces, ClusterRepository clusters, JobRepository jobs, EventLog events,
                      JobFiles files, RandomGenerator random, Clock clock, Runnable onChange) {
        this.workspaces = workspaces;
        this.clusters = clusters;
        this.jobs = jobs;
        this.events = events;
        this.files = files;
        this.names = new JobNames(random);
        this.clock = clock;
        this.onChange = onChange;
    }

    /** Queues a job; a spec without a name gets one. */
    public Job submit(String workspace, JobSpec requested) {
        requireWorkspace(workspace);
        JobSpec spec = requested.name().isBlank() ? new JobSpec(names.next(), requested.displayName(),
                requested.experimentName(), requested.compute(), requested.command(), requested.image(),
                requested.instanceCount(), requested.environmentVariables(), requested.timeout(),
                requested.description()) : requested;
        new Problems().addAll(spec.check()).throwIfAny();
        ComputeCluster compute = clusters.find(workspace, spec.compute()).orElseThrow(() -> new NotFoundException(
                "compute '" + spec.compute() + "' was not found in workspace '" + workspace + "'"));
        if (compute.isAttached()) {
            throw new ConflictException("compute '" + compute.name() + "' is attached compute (" + compute.attachedResourceId()
                    + "); this studio runs jobs only on compute clusters it created");
        }
        if (compute.status().provisioningState() == ProvisioningState.DELETING) {
            throw new ConflictException("compute '" + compute.name() + "' is being deleted");
        }
        Instant now = clock.instant();
        Job job = Job.submitted(workspace, spec, now);
        jobs.insert(job);
        events.append(List.of(LogEvent.job(now, job, "submitted")));
        onChange.run();
        return job;
    }

    public List<Job> list(String workspace) {
        requireWorkspace(workspace);
        return jobs.list(workspace);
    }

    public Job show(String workspace, String name) {
        requireWorkspace(workspace);
        return jobs.find(workspace, name).orElseThrow(() -> new NotFoundException(
                "job '" + name + "' was not found in workspace '" + workspace + "'"));
    }

    /**
     * A queued job is canceled at once; a running one is marked CancelRequested and the engine
     * stops it. A finished job cannot be canceled.
     */
    public Job cancel(String workspace, String name) {
        for (int tries = 0; tries < 5; tries++) {
            Job job = show(workspace, name);
            if (job.status().isFinal()) {
                throw new ConflictException("job '" + name + "' has already ended (" + job.status().restName() + ")");
            }
            if (job.status() == JobStatus.CANCEL_REQUESTED) {
                return job;
            }
            Instant now = clock.instant();
            Job next = job.status().holdsNodes() ? job.moveTo(JobStatus.CANCEL_REQUESTED, now)
                    : job.finished(JobStatus.CANCELED, null, "canceled by request", now);
            if (jobs.updateIf(next, job.status())) {
                events.append(List.of(LogEvent.job(now, next, "cancel requested")));
                onChange.run();
                return next;
            }
        }
        throw new ConflictException("job '" + name + "' keeps changing; try to cancel it again");
    }

    /** Output of the job's current attempt (rank 0) after {@code offset}; offset 0 restarts a new attempt. */
    public LogChunk readLog(String workspace, String name, int attempt, long offset) {
        Job job = show(workspace, name);
        int current = Math.max(1, job.attempt());
        long from = current == attempt ? offset : 0;
        Path log = files.logFile(workspace, name, current, 0);
        if (!Files.exists(log)) {
            return new LogChunk(current, "", from);
        }
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long length = file.length();
            if (length <= from) {
                return new LogChunk(current, "", from);
            }
            byte[] buffer = new byte[(int) Math.min(MAX_CHUNK, length - from)];
            file.seek(from);
            file.readFully(buffer);
            int complete = lastCompleteCharacter(buffer);
            return new LogChunk(current, new String(buffer, 0, complete, StandardCharsets.UTF_8), from + complete);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the log of job '" + name + "': " + e.getMessage(), e);
        }
    }

    /** Never cut a UTF-8 character in two between chunks. */
    private static int lastCompleteCharacter(byte[] buffer) {
        int end = buffer.length;
        int i = end - 1;
        int continuation = 0;
        while (i >= 0 && (buffer[i] & 0xC0) == 0x80 && continuation < 3) {
            i--;
            continuation++;
        }
        if (i < 0) {
            return end;
        }
        int lead = buffer[i] & 0xFF;
        int expected = lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : lead >= 0xC0 ? 1 : 0;
        return expected > continuation ? i : end;
    }

    private void requireWorkspace(String workspace) {
        if (workspaces.find(workspace).isEmpty()) {
            throw new NotFoundException("workspace", workspace);
        }
    }
}
