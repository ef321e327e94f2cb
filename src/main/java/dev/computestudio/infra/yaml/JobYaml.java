package dev.computestudio.infra.yaml;

import dev.computestudio.domain.Message;
import dev.computestudio.domain.JobInput;
import dev.computestudio.domain.JobOutput;
import dev.computestudio.domain.JobSpec;
import dev.computestudio.domain.Problems;
import dev.computestudio.domain.port.EnvironmentTable;
import dev.computestudio.domain.port.SpecCodec.JobDocument;
import dev.computestudio.infra.yaml.YamlNode.Entry;
import dev.computestudio.infra.yaml.YamlNode.Kind;
import dev.computestudio.infra.yaml.YamlNode.Mapping;
import dev.computestudio.infra.yaml.YamlNode.Scalar;

import java.math.BigDecimal;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The commandJob schema ({@code type: command}) read into a {@link JobSpec} and written from one.
 * Local paths ({@code code}, {@code uri_file}/{@code uri_folder} inputs) are resolved against the
 * file's folder; {@code azureml:} environments through the local {@link EnvironmentTable}.
 */
final class JobYaml {

    static final String SCHEMA = "https://azuremlschemas.azureedge.net/latest/commandJob.schema.json";

    /** azureml:NAME@latest, azureml:NAME:VERSION, azureml:NAME. */
    private static final Pattern SHORT_REFERENCE = Pattern.compile("azureml:([^:@/]+)(?:@([^:@/]+)|:([^:@/]+))?");
    /** azureml://registries/REGISTRY/environments/NAME/versions/V or .../labels/L. */
    private static final Pattern REGISTRY_REFERENCE = Pattern.compile(
            "azureml://registries/[^/]+/environments/([^/]+)/(versions|labels)/([^/]+)");
    /** The longest number written out in plain digits; a double has at most 17 significant ones. */
    private static final int MAX_PLAIN_DIGITS = 64;
    private static final Pattern REMOTE = Pattern.compile("(?i)(azureml|https?|wasbs?|abfss?|adl|git\\+https?)[:].*");

    private static final Map<String, String> RENAMED = Map.of(
            "script", "command", "image", "environment", "environment_name", "environment",
            "instance_count", "resources.instance_count", "timeout", "limits.timeout",
            "compute_target", "compute", "experiment", "experiment_name", "env", "environment_variables");

    private JobYaml() {
    }

    static JobDocument read(Mapping root, ReadContext context, Path baseFolder, EnvironmentTable environments) {
        MappingReader doc = new MappingReader(root, "", context);
        doc.string("$schema");
        Optional<Scalar> type = doc.scalar("type");
        if (type.isPresent() && !type.get().text().trim().equalsIgnoreCase("command")) {
            context.problem("type", "job-type", type.get().mark(),
                    Message.of("invalid.job-file.job-type", Problems.shortened(type.get().text())));
            return null;
        }
        String name = Optional.ofNullable(doc.string("name")).orElse("");
        String displayName = doc.string("display_name");
        String experiment = doc.string("experiment_name");
        String description = doc.string("description");
        String command = doc.string("command");
        String code = code(doc, context, baseFolder);
        String image = environment(doc, context, environments);
        Map<String, String> variables = doc.stringMap("environment_variables");
        String compute = Optional.ofNullable(doc.string("compute"))
                .map(text -> text.startsWith("azureml:") ? text.substring("azureml:".length()) : text).orElse(null);
        Integer instanceCount = doc.mapping("resources").map(resources -> {
            Integer count = resources.integer("instance_count");
            resources.ignore("instance_type", Message.of("yaml.ignored.instance-type"));
            resources.ignore("shm_size", Message.of("yaml.ignored.not-applied"));
            resources.ignore("properties", Message.of("yaml.ignored.not-applied"));
            resources.finish(Map.of("node_count", "instance_count"));
            return count;
        }).orElse(null);
        Integer timeout = doc.mapping("limits").map(limits -> {
            Integer seconds = limits.integer("timeout");
            limits.finish(Map.of("max_run_duration_seconds", "timeout"));
            return seconds;
        }).orElse(null);
        Map<String, JobInput> inputs = inputs(doc, context, baseFolder);
        Map<String, JobOutput> outputs = outputs(doc, context);
        doc.ignore("tags", Message.of("yaml.ignored.not-kept"));
        doc.ignore("properties", Message.of("yaml.ignored.not-kept"));
        doc.ignore("distribution", Message.of("yaml.ignored.distribution"));
        doc.ignore("identity", Message.of("yaml.ignored.job-identity"));
        doc.ignore("services", Message.of("yaml.ignored.services"));
        doc.ignore("queue_settings", Message.of("yaml.ignored.queue-settings"));
        doc.accept("id", "status", "creation_context", "parameters", "studio_url", "parent_job_name", "is_deterministic");
        doc.finish(RENAMED);
        return new JobDocument(new JobSpec(name, displayName, experiment, compute, command, image,
                instanceCount == null ? 1 : instanceCount, variables,
                timeout == null ? null : Duration.ofSeconds(timeout), description, code, inputs, outputs),
                context.warnings, context.lines());
    }

    private static String code(MappingReader doc, ReadContext context, Path baseFolder) {
        Optional<Scalar> code = doc.scalar("code");
        if (code.isEmpty()) {
            return null;
        }
        return localPath(code.get(), "code", context, baseFolder);
    }

    /** An absolute local path; a cloud location is a problem, since nothing is downloaded here. */
    private static String localPath(Scalar value, String field, ReadContext context, Path baseFolder) {
        String text = value.text().trim();
        if (text.startsWith("file:")) {
            text = text.substring("file:".length());
        }
        if (REMOTE.matcher(text).matches()) {
            context.problem(field, "local-path", value.mark(),
                    Message.of("invalid.job-file.cloud-path", Problems.shortened(text)));
            return null;
        }
        try {
            return baseFolder.resolve(text).toAbsolutePath().normalize().toString();
        } catch (InvalidPathException e) {
            context.problem(field, "local-path", value.mark(),
                    Message.of("invalid.path.not-local", Problems.shortened(text).replace("\0", "\\0")));
            return null;
        }
    }

    private static String environment(MappingReader doc, ReadContext context, EnvironmentTable environments) {
        Entry entry = doc.entry("environment");
        if (entry == null) {
            return null;
        }
        if (entry.value() instanceof Mapping inline) {
            MappingReader environment = new MappingReader(inline, "environment", context);
            String image = environment.string("image");
            environment.ignore("conda_file", Message.of("yaml.ignored.conda-file"));
            environment.ignore("build", Message.of("yaml.ignored.build"));
            environment.accept("$schema", "name", "version", "description", "tags", "os_type");
            environment.finish(Map.of());
            if (image == null) {
                context.problem("environment.image", "required", inline.mark(),
                        Message.of("invalid.job-file.inline-image-required"));
            }
            return image;
        }
        Optional<Scalar> scalar = doc.scalar("environment");
        if (scalar.isEmpty()) {
            return null;
        }
        String text = scalar.get().text().trim();
        Matcher registry = REGISTRY_REFERENCE.matcher(text);
        if (registry.matches()) {
            boolean label = registry.group(2).equals("labels");
            return lookUp(registry.group(1), label ? registry.group(3) : null, label ? null : registry.group(3),
                    scalar.get(), context, environments);
        }
        Matcher reference = SHORT_REFERENCE.matcher(text);
        if (reference.matches()) {
            return lookUp(reference.group(1), reference.group(2), reference.group(3), scalar.get(), context,
                    environments);
        }
        if (text.startsWith("azureml:")) {
            context.problem("environment", "environment-reference", scalar.get().mark(),
                    Message.of("invalid.job-file.environment-reference", Problems.shortened(text)));
            return null;
        }
        return text;
    }

    private static String lookUp(String name, String label, String version, Scalar value, ReadContext context,
                                 EnvironmentTable environments) {
        if (label != null && !label.equals("latest")) {
            context.problem("environment", "environment-label", value.mark(),
                    Message.of("invalid.job-file.environment-label", label));
            return null;
        }
        Optional<String> image = environments.imageFor(name, version);
        if (image.isEmpty()) {
            String key = version == null ? name : name + ":" + version;
            context.problem("environment", "environment-name", value.mark(), Message.of(
                    "invalid.job-file.environment-unknown", Problems.shortened(key), environments.location(), key));
        }
        return image.orElse(null);
    }

    private static Map<String, JobInput> inputs(MappingReader doc, ReadContext context, Path baseFolder) {
        Map<String, JobInput> inputs = new LinkedHashMap<>();
        doc.mapping("inputs").ifPresent(reader -> reader.entries().forEach(entry -> {
            String field = reader.field(entry.key());
            reader.accept(entry.key());
            context.located(field, entry.mark());
            JobInput input = input(entry, field, context, baseFolder);
            if (input != null) {
                inputs.put(entry.key(), input);
            }
        }));
        return inputs;
    }

    private static JobInput input(Entry entry, String field, ReadContext context, Path baseFolder) {
        if (entry.value() instanceof Scalar scalar) {
            return switch (scalar.kind()) {
                case INTEGER -> new JobInput(JobInput.Type.INTEGER, scalar.text());
                case FLOAT -> new JobInput(JobInput.Type.NUMBER, plainNumber(scalar.text()));
                case BOOLEAN -> new JobInput(JobInput.Type.BOOLEAN, scalar.text());
                case STRING -> new JobInput(JobInput.Type.STRING, scalar.text());
                case NULL -> {
                    context.problem(field, "required", scalar.mark(), Message.of("invalid.input.no-value"));
                    yield null;
                }
            };
        }
        if (!(entry.value() instanceof Mapping mapping)) {
            context.problem(field, "input", entry.value().mark(), Message.of("invalid.input.shape"));
            return null;
        }
        MappingReader reader = new MappingReader(mapping, field, context);
        Optional<Scalar> typeText = reader.scalar("type");
        JobInput.Type type = typeText.isEmpty() ? JobInput.Type.URI_FOLDER
                : JobInput.Type.parse(typeText.get().text()).orElse(null);
        if (type == null || !type.isPath()) {
            if (type == null) {
                context.problem(field + ".type", "input-type", typeText.get().mark(),
                        Message.of("invalid.input.type", Problems.shortened(typeText.get().text())));
                return null;
            }
            // {type: integer, value: 10}: a literal written out.
            String value = Optional.ofNullable(reader.string("value")).orElseGet(() -> reader.string("default"));
            reader.finish(Map.of());
            if (value == null) {
                context.problem(field + ".value", "required", mapping.mark(),
                        Message.of("invalid.input.value-required", type.yamlName()));
                return null;
            }
            return new JobInput(type, type == JobInput.Type.BOOLEAN ? value.toLowerCase(Locale.ROOT) : value);
        }
        Optional<Scalar> path = reader.scalar("path");
        Optional<Scalar> mode = reader.scalar("mode");
        reader.accept("description", "optional");
        reader.finish(Map.of("uri", "path"));
        mode.ifPresent(m -> {
            String key = m.text().trim().toLowerCase(Locale.ROOT);
            if (key.equals("rw_mount") || key.equals("upload")) {
                context.problem(field + ".mode", "input-mode", m.mark(),
                        Message.of("invalid.input.mode-of-output", Problems.shortened(m.text())));
            } else if (!key.equals("ro_mount") && !key.equals("download") && !key.equals("direct")) {
                context.problem(field + ".mode", "input-mode", m.mark(),
                        Message.of("invalid.input.mode", Problems.shortened(m.text())));
            }
        });
        if (path.isEmpty()) {
            context.problem(field + ".path", "required", mapping.mark(),
                    Message.of("invalid.input.path-required", type.yamlName()));
            return null;
        }
        String local = localPath(path.get(), field + ".path", context, baseFolder);
        return local == null ? null : new JobInput(type, local);
    }

    /**
     * 1e-3 as 0.001, the way the command will see it; .inf and .nan stay as written (and are
     * refused). So does a number whose plain form would be long (1e999999999 has a billion digits).
     */
    private static String plainNumber(String text) {
        try {
            BigDecimal number = new BigDecimal(text);
            long digits = Math.max(number.precision(), Math.abs((long) number.precision() - number.scale()))
                    + Math.abs((long) number.scale());
            return digits <= MAX_PLAIN_DIGITS ? number.toPlainString() : text;
        } catch (NumberFormatException e) {
            return text;
        }
    }

    private static Map<String, JobOutput> outputs(MappingReader doc, ReadContext context) {
        Map<String, JobOutput> outputs = new LinkedHashMap<>();
        doc.mapping("outputs").ifPresent(reader -> reader.entries().forEach(entry -> {
            String field = reader.field(entry.key());
            reader.accept(entry.key());
            context.located(field, entry.mark());
            if (entry.value() instanceof Scalar scalar && scalar.kind() == Kind.NULL) {
                outputs.put(entry.key(), JobOutput.FOLDER);
                return;
            }
            if (!(entry.value() instanceof Mapping mapping)) {
                context.problem(field, "output", entry.value().mark(), Message.of("invalid.output.shape"));
                return;
            }
            MappingReader output = new MappingReader(mapping, field, context);
            Optional<Scalar> typeText = output.scalar("type");
            JobOutput.Type type = typeText.isEmpty() ? JobOutput.Type.URI_FOLDER
                    : JobOutput.Type.parse(typeText.get().text()).orElse(null);
            if (type == null) {
                context.problem(field + ".type", "output-type", typeText.get().mark(),
                        Message.of("invalid.output.type", Problems.shortened(typeText.get().text())));
                return;
            }
            output.scalar("mode");
            output.ignore("path", Message.of("yaml.ignored.output-path"));
            output.ignore("name", Message.of("yaml.ignored.not-registered"));
            output.ignore("version", Message.of("yaml.ignored.not-registered"));
            output.accept("description");
            output.finish(Map.of());
            outputs.put(entry.key(), new JobOutput(type));
        }));
        return outputs;
    }

    static Map<String, Object> write(JobSpec spec) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("$schema", SCHEMA);
        doc.put("type", "command");
        doc.put("name", spec.name());
        putIfSet(doc, "display_name", spec.displayName());
        doc.put("experiment_name", spec.experimentName());
        putIfSet(doc, "description", spec.description());
        doc.put("command", spec.command());
        putIfSet(doc, "code", spec.code());
        putIfSet(doc, "environment", spec.image());
        if (!spec.environmentVariables().isEmpty()) {
            doc.put("environment_variables", spec.environmentVariables());
        }
        doc.put("compute", "azureml:" + spec.compute());
        doc.put("resources", Map.of("instance_count", spec.instanceCount()));
        if (spec.timeout() != null) {
            doc.put("limits", Map.of("timeout", spec.timeout().toSeconds()));
        }
        if (!spec.inputs().isEmpty()) {
            Map<String, Object> inputs = new LinkedHashMap<>();
            spec.inputs().forEach((name, input) -> inputs.put(name, switch (input.type()) {
                case INTEGER -> new java.math.BigInteger(input.value());
                case NUMBER -> new BigDecimal(input.value());
                case BOOLEAN -> Boolean.valueOf(input.value());
                case STRING -> input.value();
                case URI_FILE, URI_FOLDER -> {
                    Map<String, Object> path = new LinkedHashMap<>();
                    path.put("type", input.type().yamlName());
                    path.put("path", input.value());
                    yield path;
                }
            }));
            doc.put("inputs", inputs);
        }
        if (!spec.outputs().isEmpty()) {
            Map<String, Object> outputs = new LinkedHashMap<>();
            spec.outputs().forEach((name, output) -> outputs.put(name, Map.of("type", output.type().yamlName())));
            doc.put("outputs", outputs);
        }
        return doc;
    }

    private static void putIfSet(Map<String, Object> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
