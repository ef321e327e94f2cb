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
            problems.add("name", "job-name", Message.of("invalid.job.name"));
        }
        if (compute == null || compute.isBlank()) {
            problems.add("compute", "required", Message.of("invalid.job.compute-required"));
        }
        if (command == null || command.isBlank()) {
            problems.add("command", "required", Message.of("invalid.job.command-required"));
        } else {
            checkProcessText(problems, "command", command, MAX_COMMAND);
        }
        checkLength(problems, "experiment_name", experimentName, MAX_EXPERIMENT_NAME);
        checkLength(problems, "display_name", displayName, MAX_DISPLAY_NAME);
        checkLength(problems, "description", description, MAX_DESCRIPTION);
        if (instanceCount < 1) {
            problems.add("resources.instance_count", "at-least-one",
                    Message.of("invalid.value.at-least-one", instanceCount));
        }
        environmentVariables.forEach((key, value) -> {
            if (key == null || !key.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                problems.add("environment_variables", "variable-name",
                        Message.of("invalid.job.variable-name", shortened(String.valueOf(key))));
            }
            if (value != null && value.indexOf('\0') >= 0) {
                problems.add("environment_variables." + key, "no-nul", Message.of("invalid.job.variable-nul"));
            }
        });
        if (totalLength(environmentVariables.entrySet().stream()
                .map(entry -> String.valueOf(entry.getKey()) + entry.getValue()).toList()) > MAX_VALUES_TOTAL) {
            problems.add("environment_variables", "total-length",
                    Message.of("invalid.job.variables-total-length", MAX_VALUES_TOTAL));
        }
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            problems.add("limits.timeout", "positive", Message.of("invalid.job.timeout-positive"));
        }
        if (image != null && (image.length() > MAX_IMAGE || !image.matches("[a-zA-Z0-9][a-zA-Z0-9._/:@-]*"))) {
            problems.add("environment", "image-name",
                    Message.of("invalid.job.image-name", shortened(image), MAX_IMAGE));
        }
        if (code != null && code.isBlank()) {
            problems.add("code", "required", Message.of("invalid.job.code-required"));
        }
        checkData(problems);
        return problems.list();
    }

    /** Text that reaches a process (a command, a value put into one) cannot hold NUL: no program can receive it. */
    private static void checkProcessText(Problems problems, String field, String text, int maxLength) {
        if (text.indexOf('\0') >= 0) {
            problems.add(field, "no-nul", Message.of("invalid.value.no-nul"));
        }
        checkLength(problems, field, text, maxLength);
    }

    private static void checkLength(Problems problems, String field, String text, int maxLength) {
        if (text != null && text.length() > maxLength) {
            problems.add(field, "length", Message.of("invalid.value.max-length-has", maxLength, text.length()));
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
                problems.add(field, "input-name", Message.of("invalid.job.input-name", shortened(key)));
            }
            String value = input.value();
            switch (input.type()) {
                case INTEGER -> {
                    if (!value.matches("[-+]?\\d+")) {
                        problems.add(field, "integer", Message.of("invalid.input.integer", shortened(value)));
                    }
                }
                case NUMBER -> {
                    if (!isFiniteNumber(value)) {
                        problems.add(field, "number", Message.of("invalid.input.number", shortened(value)));
                    }
                }
                case BOOLEAN -> {
                    if (!value.equals("true") && !value.equals("false")) {
                        problems.add(field, "boolean", Message.of("invalid.input.boolean", shortened(value)));
                    }
                }
                case URI_FILE, URI_FOLDER -> {
                    if (value.isBlank()) {
                        problems.add(field + ".path", "required",
                                Message.of("invalid.input.path-required", input.type().yamlName()));
                    }
                }
                case STRING -> checkProcessText(problems, field, value, MAX_VALUES_TOTAL);
            }
        });
        if (totalLength(inputs.values().stream().map(JobInput::value).toList()) > MAX_VALUES_TOTAL) {
            problems.add("inputs", "total-length", Message.of("invalid.job.inputs-total-length", MAX_VALUES_TOTAL));
        }
        outputs.keySet().forEach(key -> {
            if (!DATA_NAME.matcher(key).matches()) {
                problems.add("outputs." + key, "output-name", Message.of("invalid.job.output-name", shortened(key)));
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
                String code = parts[0].equals("inputs") ? "invalid.job.placeholder-no-input"
                        : "invalid.job.placeholder-no-output";
                problems.add("command", "placeholder", Message.of(code, shortened(reference), shortened(parts[1])));
            } else {
                problems.add("command", "placeholder",
                        Message.of("invalid.job.placeholder-unknown", shortened(reference)));
            }
        }
    }
}
