package dev.computestudio.domain;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A command job as submitted: where it runs, what it runs, in which image, on how many nodes.
 * {@code image} may be null (the runner's default image); {@code timeout} may be null (no limit).
 */
public record JobSpec(String name, String displayName, String experimentName, String compute, String command,
                      String image, int instanceCount, Map<String, String> environmentVariables, Duration timeout,
                      String description) {

    public static final String DEFAULT_EXPERIMENT = "Default";

    public JobSpec {
        Objects.requireNonNull(name, "name");
        environmentVariables = environmentVariables == null ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(environmentVariables));
        experimentName = experimentName == null || experimentName.isBlank() ? DEFAULT_EXPERIMENT : experimentName;
    }

    /** Every problem of this spec; empty when it is valid. */
    public List<Problem> check() {
        Problems problems = new Problems();
        if (name.isBlank() || !name.matches("[a-zA-Z0-9][a-zA-Z0-9_-]{0,254}")) {
            problems.add("name", "job-name",
                    "must be 1 to 255 letters, digits, '_' or '-', starting with a letter or digit");
        }
        if (compute == null || compute.isBlank()) {
            problems.add("compute", "required", "name the compute cluster the job runs on");
        }
        if (command == null || command.isBlank()) {
            problems.add("command", "required", "a command to run is required");
        }
        if (instanceCount < 1) {
            problems.add("resources.instance_count", "at-least-one", "must be 1 or more (it is " + instanceCount + ")");
        }
        environmentVariables.keySet().forEach(key -> {
            if (key == null || !key.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                problems.add("environment_variables", "variable-name",
                        "'" + key + "' is not a variable name: letters, digits and '_', not starting with a digit");
            }
        });
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            problems.add("limits.timeout", "positive", "must be more than 0 seconds");
        }
        if (image != null && !image.matches("[a-zA-Z0-9][a-zA-Z0-9._/:@-]*")) {
            problems.add("environment", "image-name", "'" + image + "' is not an image name like python:3.11-slim");
        }
        return problems.list();
    }
}
