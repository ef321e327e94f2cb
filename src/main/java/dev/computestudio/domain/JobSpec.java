package dev.computestudio.domain;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A command job as submitted: where it runs, what it runs, in which image, on how many nodes.
 * {@code image} may be null (the runner's default image); {@code timeout} may be null (no limit).
 * {@code code} is the absolute path of the local folder copied into the job's working folder, or
 * null; the command names inputs and outputs as {@code ${{inputs.NAME}}} and {@code ${{outputs.NAME}}}.
 */
public record JobSpec(String name, String displayName, String experimentName, String compute, String command,
                      String image, int instanceCount, Map<String, String> environmentVariables, Duration timeout,
                      String description, String code, Map<String, JobInput> inputs, Map<String, JobOutput> outputs) {

    public static final String DEFAULT_EXPERIMENT = "Default";

    /** {@code ${{inputs.x}}}, {@code ${{ outputs.y }}}: what the cloud substitutes in a command. */
    public static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{\\{\\s*([^}]*?)\\s*}}");
    private static final Pattern DATA_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,254}");

    public JobSpec {
        Objects.requireNonNull(name, "name");
        environmentVariables = environmentVariables == null ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(environmentVariables));
        experimentName = experimentName == null || experimentName.isBlank() ? DEFAULT_EXPERIMENT : experimentName;
        inputs = inputs == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
        outputs = outputs == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
    }

    /** A job without code, inputs or outputs. */
    public JobSpec(String name, String displayName, String experimentName, String compute, String command,
                   String image, int instanceCount, Map<String, String> environmentVariables, Duration timeout,
                   String description) {
        this(name, displayName, experimentName, compute, command, image, instanceCount, environmentVariables, timeout,
                description, null, Map.of(), Map.of());
    }

    public JobSpec withName(String newName) {
        return new JobSpec(newName, displayName, experimentName, compute, command, image, instanceCount,
                environmentVariables, timeout, description, code, inputs, outputs);
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
        if (code != null && code.isBlank()) {
            problems.add("code", "required", "name the local folder to copy into the job's working folder");
        }
        checkData(problems);
        return problems.list();
    }

    private void checkData(Problems problems) {
        inputs.forEach((key, input) -> {
            String field = "inputs." + key;
            if (!DATA_NAME.matcher(key).matches()) {
                problems.add(field, "input-name", "'" + key
                        + "' is not an input name: letters, digits and '_', not starting with a digit");
            }
            String value = input.value();
            switch (input.type()) {
                case INTEGER -> {
                    if (!value.matches("[-+]?\\d+")) {
                        problems.add(field, "integer", "'" + value + "' is not a whole number");
                    }
                }
                case NUMBER -> {
                    try {
                        Double.parseDouble(value);
                    } catch (NumberFormatException e) {
                        problems.add(field, "number", "'" + value + "' is not a number");
                    }
                }
                case BOOLEAN -> {
                    if (!value.equals("true") && !value.equals("false")) {
                        problems.add(field, "boolean", "'" + value + "' is not true or false");
                    }
                }
                case URI_FILE, URI_FOLDER -> {
                    if (value.isBlank()) {
                        problems.add(field + ".path", "required", "a " + input.type().yamlName() + " input needs a path");
                    }
                }
                case STRING -> {
                    // any text
                }
            }
        });
        outputs.keySet().forEach(key -> {
            if (!DATA_NAME.matcher(key).matches()) {
                problems.add("outputs." + key, "output-name", "'" + key
                        + "' is not an output name: letters, digits and '_', not starting with a digit");
            }
        });
        if (command == null) {
            return;
        }
        Matcher placeholders = PLACEHOLDER.matcher(command);
        while (placeholders.find()) {
            String reference = placeholders.group(1);
            String[] parts = reference.split("\\.", 2);
            boolean known = parts.length == 2 && (parts[0].equals("inputs") && inputs.containsKey(parts[1])
                    || parts[0].equals("outputs") && outputs.containsKey(parts[1]));
            if (known) {
                continue;
            }
            if (parts.length == 2 && (parts[0].equals("inputs") || parts[0].equals("outputs"))) {
                problems.add("command", "placeholder", "uses ${{" + reference + "}} but the job has no "
                        + parts[0].substring(0, parts[0].length() - 1) + " named '" + parts[1] + "'");
            } else {
                problems.add("command", "placeholder", "uses ${{" + reference
                        + "}}; a command job can use ${{inputs.NAME}} and ${{outputs.NAME}} only");
            }
        }
    }
}
