package dev.computestudio.domain;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where a job's files live under the data folder: one folder per job, one per attempt inside it,
 * and, kept with the job, the snapshot of its code, its inputs and its outputs.
 */
public record JobFiles(Path dataFolder) {

    public Path jobFolder(String workspace, String jobName) {
        return dataFolder.resolve("jobs").resolve(workspace).resolve(jobName);
    }

    public Path attemptFolder(String workspace, String jobName, int attempt) {
        return jobFolder(workspace, jobName).resolve("attempt-" + attempt);
    }

    /** The working folder every rank of an attempt starts in. */
    public Path workingDirectory(String workspace, String jobName, int attempt) {
        return attemptFolder(workspace, jobName, attempt).resolve("work");
    }

    /** The output of one rank, named as the cloud names it. */
    public Path logFile(String workspace, String jobName, int attempt, int rank) {
        return attemptFolder(workspace, jobName, attempt).resolve("std_log_process_" + rank + ".txt");
    }

    /** The job's code as it was at submission; each attempt's working folder starts as a copy of it. */
    public Path codeSnapshot(String workspace, String jobName) {
        return jobFolder(workspace, jobName).resolve("code");
    }

    /** The read-only copy of a local file or folder input, taken at submission. */
    public Path inputFolder(String workspace, String jobName, String input) {
        return jobFolder(workspace, jobName).resolve("inputs").resolve(input);
    }

    /** Where the job writes an output; kept with the job after it ends. */
    public Path outputFolder(String workspace, String jobName, String output) {
        return jobFolder(workspace, jobName).resolve("outputs").resolve(output);
    }

    /**
     * Copies a file or a folder's content into {@code target} (created if needed). With
     * {@code readOnly}, the copies lose their write permission, so a job cannot change its inputs.
     */
    public static void copyTree(Path source, Path target, boolean readOnly) throws IOException {
        Files.createDirectories(target);
        if (!Files.isDirectory(source)) {
            Path copy = target.resolve(source.getFileName().toString());
            Files.copy(source, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            protect(List.of(copy, target), readOnly);
            return;
        }
        List<Path> copies;
        try (Stream<Path> tree = Files.walk(source)) {
            copies = tree.map(path -> {
                Path copy = target.resolve(source.relativize(path).toString());
                try {
                    if (Files.isDirectory(path)) {
                        Files.createDirectories(copy);
                    } else {
                        Files.copy(path, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                    }
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                return copy;
            }).toList();
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
        protect(copies, readOnly);
    }

    /** After the whole copy is made: a folder without write permission could not receive its files. */
    private static void protect(List<Path> paths, boolean readOnly) throws IOException {
        if (!readOnly || !FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        for (int i = paths.size() - 1; i >= 0; i--) {
            Path path = paths.get(i);
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(
                    Files.isDirectory(path) ? "r-x------" : "r--------"));
        }
    }
}
