package dev.computestudio.domain;

import java.nio.file.Path;

/** Where a job's files live under the data folder: one folder per job, one per attempt inside it. */
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
}
