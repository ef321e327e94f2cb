package dev.computestudio.infra.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.computestudio.domain.ClusterError;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON text of list and map columns. One mapper for all: it is thread-safe once configured. */
final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };
    private static final TypeReference<LinkedHashMap<String, String>> STRING_MAP = new TypeReference<>() { };
    private static final TypeReference<List<ClusterError>> ERRORS = new TypeReference<>() { };

    private Json() {
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot store " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    static List<String> strings(String json) {
        return read(json, STRINGS);
    }

    /** Keeps the stored order, so tags and variables come back in the order they were given. */
    static Map<String, String> stringMap(String json) {
        return read(json, STRING_MAP);
    }

    static List<ClusterError> errors(String json) {
        return read(json, ERRORS);
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored JSON column cannot be read as " + type.getType(), e);
        }
    }
}
