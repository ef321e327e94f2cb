package dev.computestudio.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Job processes of one data folder that are still alive, found as the product finds them after a
 * crash: by the {@code COMPUTE_STUDIO_DATA_DIR} variable every job process carries (Linux /proc).
 */
final class MarkedProcesses {

    private MarkedProcesses() {
    }

    static List<ProcessHandle> of(Path dataFolder) {
        String marker = "COMPUTE_STUDIO_DATA_DIR=" + dataFolder.toAbsolutePath().normalize();
        try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
            return all.filter(ProcessHandle::isAlive).filter(p -> environment(p).contains(marker)).toList();
        }
    }

    static List<Long> pids(Path dataFolder) {
        return of(dataFolder).stream().map(ProcessHandle::pid).toList();
    }

    /** "pid: command line" of each, for a failure message. */
    static String describe(List<ProcessHandle> processes) {
        return processes.stream().map(p -> p.pid() + ": " + p.info().commandLine().orElse("?"))
                .collect(Collectors.joining("\n"));
    }

    /** Clean-up after a failed test, so that nothing of it outlives the build. */
    static void killAll(Path dataFolder) {
        of(dataFolder).forEach(ProcessHandle::destroyForcibly);
    }

    private static List<String> environment(ProcessHandle process) {
        try {
            byte[] environ = Files.readAllBytes(Path.of("/proc", Long.toString(process.pid()), "environ"));
            return List.of(new String(environ, StandardCharsets.UTF_8).split("\0"));
        } catch (IOException | RuntimeException e) {
            return List.of(); // gone meanwhile, or not ours to read
        }
    }
}
