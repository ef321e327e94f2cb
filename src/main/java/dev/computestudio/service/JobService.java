package dev.computestudio.service;

import dev.computestudio.domain.ClusterError;
import dev.computestudio.domain.ComputeCluster;
import dev.computestudio.domain.ConflictException;
import dev.computestudio.domain.Job;
import dev.computestudio.domain.JobFiles;
import dev.computestudio.domain.JobInput;
import dev.computestudio.domain.JobSpec;
import dev.computestudio.domain.JobStatus;
import dev.computestudio.domain.LogEvent;
import dev.computestudio.domain.Message;
import dev.computestudio.domain.NotFoundException;
import dev.computestudio.domain.Problems;
import dev.computestudio.domain.ProvisioningState;
import dev.computestudio.domain.ScaleDecisions;
import dev.computestudio.domain.port.ClusterRepository;
import dev.computestudio.domain.port.EventLog;
import dev.computestudio.domain.port.JobRepository;
import dev.computestudio.domain.port.UnitOfWork;
import dev.computestudio.domain.port.WorkspaceRepository;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;

/** Submits, lists, shows and cancels command jobs, and reads their output. */
public final class JobService {

    private static final int MAX_CHUNK = 64 * 1024;
    private static final Message CANCELED_BY_REQUEST = Message.of("reason.job.canceled");
    /** The engine's decisions that speak of jobs waiting; the others (scale-down, kept idle) mean none wait. */
    private static final Set<String> ABOUT_WAITING_JOBS = Set.of(ScaleDecisions.SCALE_UP, ScaleDecisions.AT_MAX_NODES,
            ScaleDecisions.KEPT_FOR_WAITING_JOBS);

    private final WorkspaceRepository workspaces;
    private final ClusterRepository clusters;
    private final JobRepository jobs;
    private final EventLog events;
    private final UnitOfWork unitOfWork;
    private final JobFiles files;
    private final JobNames names;
    private final Clock clock;
    private final Runnable onChange;

    /**
     * @param onChange called after a submit or cancel, so that an engine in this process acts at
     *                 once instead of at its next tick
     */
    public JobService(WorkspaceRepository workspaces, ClusterRepository clusters, JobRepository jobs, EventLog events,
                      UnitOfWork unitOfWork, JobFiles files, RandomGenerator random, Clock clock, Runnable onChange) {
        this.unitOfWork = unitOfWork;
        this.workspaces = workspaces;
        this.clusters = clusters;
        this.jobs = jobs;
        this.events = events;
        this.files = files;
        this.names = new JobNames(random);
        this.clock = clock;
        this.onChange = onChange;
    }

    /**
     * Queues a job; a spec without a name gets one. Its code and local inputs are copied into the
     * job's folder now, as {@code az ml} uploads them at submission: changing them afterwards does
     * not change the job.
     */
    public Job submit(String workspace, JobSpec requested) {
        workspaces.require(workspace);
        JobSpec spec = requested.name().isBlank() ? requested.withName(names.next()) : requested;
        Problems problems = new Problems().addAll(spec.check());
        checkLocalPaths(spec, problems);
        problems.throwIfAny();
        ComputeCluster compute = clusters.find(workspace, spec.compute()).orElseThrow(() -> new NotFoundException(
                "compute", Message.of("notfound.compute", spec.compute(), workspace)));
        if (compute.isAttached()) {
            throw new ConflictException("compute", Message.of("conflict.job.compute-attached", compute.name(),
                    compute.attachedResourceId()));
        }
        if (compute.status().provisioningState() == ProvisioningState.DELETING) {
            throw new ConflictException("compute", Message.of("conflict.job.compute-deleting", compute.name()));
        }
        if (jobs.find(workspace, spec.name()).isPresent()) {
            throw new ConflictException("name", Message.of("conflict.job.name-taken", workspace, spec.name()));
        }
        Instant now = clock.instant();
        Job job = Job.submitted(workspace, spec, now);
        snapshot(workspace, spec);
        try {
            // Stored together: a queued job always has its "submitted" event, and that event its job.
            unitOfWork.atomically(() -> {
                jobs.insert(job);
                events.append(List.of(LogEvent.job(now, job, Message.of("reason.job.submitted"))));
                return null;
            });
        } catch (RuntimeException e) {
            deleteQuietly(files.jobFolder(workspace, spec.name()));
            throw e;
        }
        onChange.run();
        return job;
    }

    /** The folder a job's current attempt runs in: its processes' working folder, mounted in its containers. */
    public Path workingFolder(Job job) {
        return files.workingDirectory(job.workspace(), job.name(), job.attempt());
    }

    /** The folders an output of a job is written to, by output name. */
    public Map<String, Path> outputFolders(Job job) {
        Map<String, Path> folders = new LinkedHashMap<>();
        job.spec().outputs().keySet().forEach(name -> folders.put(name,
                files.outputFolder(job.workspace(), job.name(), name)));
        return folders;
    }

    private static void checkLocalPaths(JobSpec spec, Problems problems) {
        if (spec.code() != null && !spec.code().isBlank()) {
            LocalSources.path("code", spec.code(), problems).ifPresent(code -> {
                if (!Files.isDirectory(code)) {
                    problems.add("code", "local-folder", Message.of("invalid.job.not-a-local-folder",
                            Problems.shortened(spec.code())));
                } else {
                    LocalSources.checkCode("code", code, problems);
                }
            });
        }
        spec.inputs().forEach((name, input) -> {
            if (!input.type().isPath() || input.value().isBlank()) {
                return;
            }
            String field = "inputs." + name + ".path";
            LocalSources.path(field, input.value(), problems).ifPresent(path -> {
                boolean folder = input.type() == JobInput.Type.URI_FOLDER;
                if (folder ? !Files.isDirectory(path) : !Files.isRegularFile(path)) {
                    problems.add(field, "local-" + (folder ? "folder" : "file"), Message.of(folder
                            ? "invalid.job.not-a-local-folder" : "invalid.job.not-a-local-file", path.toString()));
                } else {
                    LocalSources.checkInput(field, path, problems);
                }
            });
        });
    }

    /** The code, and a read-only copy of each local input, in the job's folder. */
    private void snapshot(String workspace, JobSpec spec) {
        // No job of this name exists, so a folder of this name is a leftover (of a deleted workspace).
        deleteQuietly(files.jobFolder(workspace, spec.name()));
        try {
            if (spec.code() != null) {
                JobFiles.copyTree(copySource(spec.code()), files.codeSnapshot(workspace, spec.name()), false);
            }
            for (Map.Entry<String, JobInput> input : spec.inputs().entrySet()) {
                if (input.getValue().type().isPath()) {
                    JobFiles.copyTree(copySource(input.getValue().value()),
                            files.inputFolder(workspace, spec.name(), input.getKey()), true);
                }
            }
        } catch (IOException e) {
            deleteQuietly(files.jobFolder(workspace, spec.name()));
            throw new UncheckedIOException("cannot copy the code and inputs of job '" + spec.name() + "': "
                    + e.getMessage(), e);
        }
    }

    /**
     * A folder as {@link LocalSources} checked it: its real path, since the folder named may be a
     * link to it. A file keeps the name it was given, which is the name the job sees.
     */
    private static Path copySource(String path) throws IOException {
        Path source = Path.of(path);
        return Files.isDirectory(source) ? source.toRealPath() : source;
    }

    /** Removes a folder this service made, read-only copies included. */
    private static void deleteQuietly(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(folder)) {
            List<Path> paths = tree.toList();
            paths.forEach(path -> path.toFile().setWritable(true, true));
            paths.stream().sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    // left behind; nothing refers to it
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // left behind; nothing refers to it
        }
    }

    public List<Job> list(String workspace) {
        workspaces.require(workspace);
        return jobs.list(workspace);
    }

    public Job show(String workspace, String name) {
        workspaces.require(workspace);
        return jobs.find(workspace, name).orElseThrow(() -> new NotFoundException("name",
                Message.of("notfound.job", name, workspace)));
    }

    /**
     * The engine's latest note on why the queued jobs of this cluster still wait, read from what the
     * engine wrote, never worked out again here: the error it holds the cluster at (a lock, quota, no
     * node runner), else its newest decision when that is about waiting jobs (nodes being added, max
     * nodes reached, idle nodes kept for a job that needs several at once). Empty when the engine
     * noted nothing of the kind since its last other decision, or when the cluster does not exist.
     */
    public Optional<WaitingNote> whyWaiting(String workspace, String cluster) {
        workspaces.require(workspace);
        Optional<ComputeCluster> found = clusters.find(workspace, cluster);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        List<ClusterError> errors = found.get().status().errors();
        if (!errors.isEmpty()) {
            return Optional.of(new WaitingNote(errors.get(0).code(), errors.get(0).text()));
        }
        return events.lastClusterEvent(workspace, cluster)
                .filter(event -> ABOUT_WAITING_JOBS.contains(event.state()) && event.reason() != null)
                .map(event -> new WaitingNote(event.state(), event.reason()));
    }

    /**
     * A queued job is canceled at once; a running one is marked CancelRequested and the engine
     * stops it. A finished job cannot be canceled.
     */
    public Job cancel(String workspace, String name) {
        for (int tries = 0; tries < 5; tries++) {
            Job job = show(workspace, name);
            if (job.status().isFinal()) {
                throw new ConflictException("", Message.of("conflict.job.already-ended", name, job.status()));
            }
            if (job.status() == JobStatus.CANCEL_REQUESTED) {
                return job;
            }
            Instant now = clock.instant();
            Job next = job.status().holdsNodes() ? job.moveTo(JobStatus.CANCEL_REQUESTED, now)
                    : job.finished(JobStatus.CANCELED, null, CANCELED_BY_REQUEST, now);
            // Stored together: a canceled job always has its event, as a submitted one has.
            boolean moved = unitOfWork.atomically(() -> {
                if (!jobs.updateAndNoteIf(next, job.status())) {
                    return false;
                }
                events.append(List.of(LogEvent.job(now, next, Message.of("reason.job.cancel-requested"))));
                return true;
            });
            if (moved) {
                onChange.run();
                return next;
            }
        }
        throw new ConflictException("", Message.of("conflict.job.keeps-changing", name));
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
}
