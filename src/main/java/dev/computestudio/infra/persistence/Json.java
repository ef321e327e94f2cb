package dev.computestudio.infra.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
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

    /**
     * A cluster's errors as {@code [{"code": "QuotaExceeded", "message": "<English>", "text": {"code": ...,
     * "args": [...]}}]}: the English for whoever reads the database, the text by code for the studio.
     */
    static String errors(List<ClusterError> errors) {
        if (errors.isEmpty()) {
            return "[]";
        }
        ArrayNode stored = MAPPER.createArrayNode();
        for (ClusterError error : errors) {
            stored.addObject().put("code", error.code()).put("message", error.message())
                    .set("text", StoredMessages.tree(error.text()));
        }
        return StoredMessages.write(stored);
    }

    /** Errors written before texts had codes hold only {@code code} and {@code message}. */
    static List<ClusterError> errors(String json) {
        List<ClusterError> errors = new ArrayList<>();
        if ("[]".equals(json)) {
            return errors;
        }
        for (JsonNode error : StoredMessages.parse(json)) {
            JsonNode text = error.get("text");
            errors.add(new ClusterError(error.get("code").asText(), text == null
                    ? StoredMessages.recorded(error.path("message").asText()) : StoredMessages.fromTree(text)));
        }
        return errors;
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
