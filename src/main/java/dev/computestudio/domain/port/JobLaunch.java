package dev.computestudio.domain.port;

import dev.computestudio.domain.JobSpec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Matcher;

/**
 * One rank of one attempt of a job, as a runner needs it: what to run, where, with which
 * variables, writing its output to {@code logFile}. The command may name the job's inputs and
 * outputs ({@code ${{inputs.x}}}); a runner resolves them with {@link #commandWith} and
 * {@link #environmentWith}, saying where each bound folder appears to the job.
 */
public record JobLaunch(String workspace, String jobName, int attempt, String nodeId, String nodeHandle, int rank,
                        int nodeCount, String command, String image, Map<String, String> environment,
                        Path workingDirectory, Path logFile, Duration timeout, List<JobBinding> bindings) {

    public JobLaunch {
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(jobName, "jobName");
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        Objects.requireNonNull(logFile, "logFile");
        environment = Map.copyOf(environment);
        bindings = List.copyOf(bindings == null ? List.of() : bindings);
    }

    /** A launch without inputs or outputs. */
    public JobLaunch(String workspace, String jobName, int attempt, String nodeId, String nodeHandle, int rank,
                     int nodeCount, String command, String image, Map<String, String> environment,
                     Path workingDirectory, Path logFile, Duration timeout) {
        this(workspace, jobName, attempt, nodeId, nodeHandle, rank, nodeCount, command, image, environment,
                workingDirectory, logFile, timeout, List.of());
    }

    /**
     * The command with every {@code ${{inputs.x}}} and {@code ${{outputs.x}}} replaced, as the cloud
     * does it: literally, without quoting. {@code folderInJob} says where a binding's host folder
     * appears to the job (the host path itself for a local process).
     */
    public String commandWith(Function<JobBinding, String> folderInJob) {
        Map<String, String> values = values(folderInJob);
        Matcher placeholders = JobSpec.PLACEHOLDER.matcher(command);
        StringBuilder resolved = new StringBuilder();
        while (placeholders.find()) {
            String value = values.get(placeholders.group(1));
            placeholders.appendReplacement(resolved, Matcher.quoteReplacement(value == null ? placeholders.group()
                    : value));
        }
        placeholders.appendTail(resolved);
        return resolved.toString();
    }

    /** The environment plus {@code AZURE_ML_INPUT_x} and {@code AZURE_ML_OUTPUT_x}, as the cloud sets them. */
    public Map<String, String> environmentWith(Function<JobBinding, String> folderInJob) {
        Map<String, String> all = new LinkedHashMap<>(environment);
        Map<String, String> values = values(folderInJob);
        for (JobBinding binding : bindings) {
            all.put("AZURE_ML_" + binding.direction().key().toUpperCase(Locale.ROOT).replaceAll("S$", "") + "_"
                    + binding.name(), values.get(binding.reference()));
        }
        return all;
    }

    private Map<String, String> values(Function<JobBinding, String> folderInJob) {
        Map<String, String> values = new LinkedHashMap<>();
        for (JobBinding binding : bindings) {
            values.put(binding.reference(), binding.isLiteral() ? binding.literal()
                    : binding.pathIn(folderInJob.apply(binding)));
        }
        return values;
    }
}
