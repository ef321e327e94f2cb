package dev.computestudio.infra.runner;

import dev.computestudio.domain.Message;
import dev.computestudio.domain.Node;
import dev.computestudio.domain.port.JobBinding;
import dev.computestudio.domain.port.JobLaunch;
import dev.computestudio.domain.port.NodeRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Nodes as slots and jobs as local processes ({@code sh -c COMMAND}) in their working folder,
 * with output appended to the rank's log file. Every process carries the data folder in its
 * environment, so that a new engine can find the ones a crashed engine left behind.
 */
public final class ProcessNodeRunner implements NodeRunner {

    /** The variable that marks a process as ours, for this data folder. */
    public static final String MARKER = "COMPUTE_STUDIO_DATA_DIR";

    private static final Logger LOG = LoggerFactory.getLogger(ProcessNodeRunner.class);
    private static final long GRACE_MILLIS = 2_000;

    private final Path dataFolder;

    public ProcessNodeRunner(Path dataFolder) {
        this.dataFolder = dataFolder.toAbsolutePath().normalize();
    }

    @Override
    public String name() {
        return "process";
    }

    @Override
    public String startNode(Node node) {
        return null;
    }

    @Override
    public void stopNode(Node node) {
        // A slot has nothing of its own to stop; its job was stopped before.
    }

    @Override
    public String startJob(JobLaunch launch, JobExitListener listener) {
        try {
            Files.createDirectories(launch.workingDirectory());
            Files.createDirectories(launch.logFile().getParent());
            // A local process sees inputs and outputs where they are on this machine.
            ProcessBuilder builder = new ProcessBuilder("sh", "-c", launch.commandWith(ProcessNodeRunner::hostPath))
                    .directory(launch.workingDirectory().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(launch.logFile().toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            builder.environment().putAll(launch.environmentWith(ProcessNodeRunner::hostPath));
            builder.environment().put(MARKER, dataFolder.toString());
            Process process = builder.start();
            String handle = ProcessHandles.handleOf(process.toHandle());
            process.onExit().thenAccept(ended -> listener.exited(launch, ended.exitValue()));
            return handle;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the job's command: " + e.getMessage(), e);
        }
    }

    private static String hostPath(JobBinding binding) {
        return binding.hostFolder().toString();
    }

    @Override
    public void stopJob(String handle) {
        ProcessHandles.find(handle).ifPresent(ProcessNodeRunner::stopTree);
    }

    /** Local processes can always be started. */
    @Override
    public Message healthProblem() {
        return null;
    }

    @Override
    public boolean isAlive(String handle) {
        return ProcessHandles.find(handle).map(ProcessHandle::isAlive).orElse(false);
    }

    /** Our processes for this data folder, found by their marker variable (Linux: /proc). */
    @Override
    public Set<String> findRunning() {
        Set<String> handles = new HashSet<>();
        Path proc = Path.of("/proc");
        if (!Files.isDirectory(proc)) {
            return handles;
        }
        String marker = MARKER + "=" + dataFolder;
        try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
            all.filter(p -> p.pid() != ProcessHandle.current().pid())
                    .filter(p -> environmentContains(proc.resolve(Long.toString(p.pid())).resolve("environ"), marker))
                    .forEach(p -> handles.add(ProcessHandles.handleOf(p)));
        }
        return handles;
    }

    /**
     * Stops a process and every descendant, parents first: a shell whose child dies first would
     * go on to its next command. Politely first, then by force after a grace period.
     */
    private static void stopTree(ProcessHandle root) {
        List<ProcessHandle> tree = Stream.concat(Stream.of(root), root.descendants()).toList();
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.currentTimeMillis() + GRACE_MILLIS;
        for (ProcessHandle process : tree) {
            long left = deadline - System.currentTimeMillis();
            try {
                process.onExit().get(Math.max(1, left), TimeUnit.MILLISECONDS);
            } catch (Exception notYet) {
                process.destroyForcibly();
            }
        }
        LOG.debug("stopped process tree of {}", root.pid());
    }

    /** Whether a process environment (/proc/PID/environ: NUL-separated entries) holds the entry. */
    private static boolean environmentContains(Path environ, String entry) {
        try {
            String content = new String(Files.readAllBytes(environ), StandardCharsets.UTF_8);
            return Arrays.asList(content.split("\0")).contains(entry);
        } catch (IOException | SecurityException e) {
            return false; // gone meanwhile, or not ours to read
        }
    }

    /** Handles as "pid@start-millis", so that a reused pid is never mistaken for our process. */
    static final class ProcessHandles {

        private ProcessHandles() {
        }

        static String handleOf(ProcessHandle process) {
            long start = process.info().startInstant().map(java.time.Instant::toEpochMilli).orElse(0L);
            return process.pid() + "@" + start;
        }

        static Optional<ProcessHandle> find(String handle) {
            if (handle == null || !handle.contains("@")) {
                return Optional.empty();
            }
            String[] parts = handle.split("@", 2);
            try {
                long pid = Long.parseLong(parts[0]);
                long start = Long.parseLong(parts[1]);
                return ProcessHandle.of(pid).filter(p -> handleOf(p).equals(pid + "@" + start));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
    }
}
