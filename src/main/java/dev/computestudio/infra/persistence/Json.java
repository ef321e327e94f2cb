package dev.computestudio.infra.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.computestudio.domain.ClusterError;
import dev.computestudio.domain.JobInput;
import dev.computestudio.domain.JobOutput;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON text of list and map columns. One mapper for all: it is thread-safe once configured. */
final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };
    private static final TypeReference<LinkedHashMap<String, String>> STRING_MAP = new TypeReference<>() { };
    private static final TypeReference<List<ClusterError>> ERRORS = new TypeReference<>() { };
    private static final TypeReference<LinkedHashMap<String, LinkedHashMap<String, String>>> NESTED_MAP =
            new TypeReference<>() { };

    private Json() {
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot store " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    // Most stored lists and maps are empty (a queued job has no nodes, inputs nor variables), and the
    // engine reads every unfinished job each pass: those skip the parser.
    static List<String> strings(String json) {
        if ("[]".equals(json)) {
            return new ArrayList<>();
        }
        return read(json, STRINGS);
    }

    /** Keeps the stored order, so tags and variables come back in the order they were given. */
    static Map<String, String> stringMap(String json) {
        if ("{}".equals(json)) {
            return new LinkedHashMap<>();
        }
        return read(json, STRING_MAP);
    }

    static List<ClusterError> errors(String json) {
        return read(json, ERRORS);
    }

    /** Inputs as {@code {"name": {"type": "uri_folder", "value": "/abs/path"}}}: the YAML's type names. */
    static Map<String, Map<String, String>> inputs(Map<String, JobInput> inputs) {
        Map<String, Map<String, String>> stored = new LinkedHashMap<>();
        inputs.forEach((name, input) -> stored.put(name,
                Map.of("type", input.type().yamlName(), "value", input.value())));
        return stored;
    }

    static Map<String, JobInput> inputs(String json) {
        Map<String, JobInput> inputs = new LinkedHashMap<>();
        if ("{}".equals(json)) {
            return inputs;
        }
        read(json, NESTED_MAP).forEach((name, input) -> inputs.put(name, new JobInput(
                JobInput.Type.parse(input.get("type")).orElseThrow(() -> new IllegalStateException(
                        "a stored input has the unknown type " + input.get("type"))), input.get("value"))));
        return inputs;
    }

    /** Outputs as {@code {"name": "uri_folder"}}. */
    static Map<String, String> outputs(Map<String, JobOutput> outputs) {
        Map<String, String> stored = new LinkedHashMap<>();
        outputs.forEach((name, output) -> stored.put(name, output.type().yamlName()));
        return stored;
    }

    static Map<String, JobOutput> outputs(String json) {
        Map<String, JobOutput> outputs = new LinkedHashMap<>();
        stringMap(json).forEach((name, type) -> outputs.put(name, new JobOutput(JobOutput.Type.parse(type)
                .orElseThrow(() -> new IllegalStateException("a stored output has the unknown type " + type)))));
        return outputs;
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored JSON column cannot be read as " + type.getType(), e);
        }
    }
}
