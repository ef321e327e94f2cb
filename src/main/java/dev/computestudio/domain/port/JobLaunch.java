package dev.computestudio.domain.port;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * One rank of one attempt of a job, as a runner needs it: what to run, where, with which
 * variables, writing its output to {@code logFile}.
 */
public record JobLaunch(String workspace, String jobName, int attempt, String nodeId, String nodeHandle, int rank,
                        int nodeCount, String command, String image, Map<String, String> environment,
                        Path workingDirectory, Path logFile, Duration timeout) {

    public JobLaunch {
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(jobName, "jobName");
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        Objects.requireNonNull(logFile, "logFile");
        environment = Map.copyOf(environment);
    }
}
