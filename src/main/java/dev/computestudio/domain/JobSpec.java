package dev.computestudio.domain;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.computestudio.domain.Problems.shortened;

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
    /** As long as the store keeps them. */
    private static final int MAX_EXPERIMENT_NAME = 255;
    private static final int MAX_IMAGE = 512;
    private static final int MAX_DISPLAY_NAME = 1024;
    private static final int MAX_DESCRIPTION = 5000;
    /** Linux passes one argument of at most 128 KiB to a program, and the command is one ({@code sh -c}). */
    private static final int MAX_COMMAND = 100_000;
    /** All variables together, and all literal inputs together: what a process environment comfortably holds. */
    private static final int MAX_VALUES_TOTAL = 100_000;

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
        } else {
            checkProcessText(problems, "command", command, MAX_COMMAND);
        }
        checkLength(problems, "experiment_name", experimentName, MAX_EXPERIMENT_NAME);
        checkLength(problems, "display_name", displayName, MAX_DISPLAY_NAME);
        checkLength(problems, "description", description, MAX_DESCRIPTION);
        if (instanceCount < 1) {
            problems.add("resources.instance_count", "at-least-one", "must be 1 or more (it is " + instanceCount + ")");
        }
        environmentVariables.forEach((key, value) -> {
            if (key == null || !key.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                problems.add("environment_variables", "variable-name",
                        "'" + shortened(String.valueOf(key))
                                + "' is not a variable name: letters, digits and '_', not starting with a digit");
            }
            if (value != null && value.indexOf('\0') >= 0) {
                problems.add("environment_variables." + key, "no-nul", "a value cannot hold the NUL character");
            }
        });
        if (totalLength(environmentVariables.entrySet().stream()
                .map(entry -> String.valueOf(entry.getKey()) + entry.getValue()).toList()) > MAX_VALUES_TOTAL) {
            problems.add("environment_variables", "total-length",
                    "names and values together must be at most " + MAX_VALUES_TOTAL + " characters");
        }
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            problems.add("limits.timeout", "positive", "must be more than 0 seconds");
        }
        if (image != null && (image.length() > MAX_IMAGE || !image.matches("[a-zA-Z0-9][a-zA-Z0-9._/:@-]*"))) {
            problems.add("environment", "image-name", "'" + shortened(image) + "' is not an image name like "
                    + "python:3.11-slim (at most " + MAX_IMAGE + " characters)");
        }
        if (code != null && code.isBlank()) {
            problems.add("code", "required", "name the local folder to copy into the job's working folder");
        }
        checkData(problems);
        return problems.list();
    }

    /** Text that reaches a process (a command, a value put into one) cannot hold NUL: no program can receive it. */
    private static void checkProcessText(Problems problems, String field, String text, int maxLength) {
        if (text.indexOf('\0') >= 0) {
            problems.add(field, "no-nul", "cannot hold the NUL character");
        }
        checkLength(problems, field, text, maxLength);
    }

    private static void checkLength(Problems problems, String field, String text, int maxLength) {
        if (text != null && text.length() > maxLength) {
            problems.add(field, "length", "must be at most " + maxLength + " characters (it has " + text.length() + ")");
        }
    }

    private static long totalLength(List<String> texts) {
        return texts.stream().mapToLong(text -> text == null ? 0 : text.length()).sum();
    }

    private static boolean isFiniteNumber(String value) {
        try {
            return Double.isFinite(Double.parseDouble(value));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private void checkData(Problems problems) {
        inputs.forEach((key, input) -> {
            String field = "inputs." + key;
            if (!DATA_NAME.matcher(key).matches()) {
                problems.add(field, "input-name", "'" + shortened(key)
                        + "' is not an input name: letters, digits and '_', not starting with a digit");
            }
            String value = input.value();
            switch (input.type()) {
                case INTEGER -> {
                    if (!value.matches("[-+]?\\d+")) {
                        problems.add(field, "integer", "'" + shortened(value) + "' is not a whole number");
                    }
                }
                case NUMBER -> {
                    if (!isFiniteNumber(value)) {
                        problems.add(field, "number", "'" + shortened(value) + "' is not a finite number");
                    }
                }
                case BOOLEAN -> {
                    if (!value.equals("true") && !value.equals("false")) {
                        problems.add(field, "boolean", "'" + shortened(value) + "' is not true or false");
                    }
                }
                case URI_FILE, URI_FOLDER -> {
                    if (value.isBlank()) {
                        problems.add(field + ".path", "required", "a " + input.type().yamlName() + " input needs a path");
                    }
                }
                case STRING -> checkProcessText(problems, field, value, MAX_VALUES_TOTAL);
            }
        });
        if (totalLength(inputs.values().stream().map(JobInput::value).toList()) > MAX_VALUES_TOTAL) {
            problems.add("inputs", "total-length", "values together must be at most " + MAX_VALUES_TOTAL + " characters");
        }
        outputs.keySet().forEach(key -> {
            if (!DATA_NAME.matcher(key).matches()) {
                problems.add("outputs." + key, "output-name", "'" + shortened(key)
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
                problems.add("command", "placeholder", "uses ${{" + shortened(reference) + "}} but the job has no "
                        + parts[0].substring(0, parts[0].length() - 1) + " named '" + shortened(parts[1]) + "'");
            } else {
                problems.add("command", "placeholder", "uses ${{" + shortened(reference)
                        + "}}; a command job can use ${{inputs.NAME}} and ${{outputs.NAME}} only");
            }
        }
    }
}
