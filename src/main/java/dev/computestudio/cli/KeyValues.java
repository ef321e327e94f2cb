package dev.computestudio.cli;

import dev.computestudio.domain.Message;
import dev.computestudio.domain.ValidationException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses repeated {@code KEY=VALUE} arguments (tags, environment variables). */
final class KeyValues {

    private KeyValues() {
    }

    static Map<String, String> parse(String field, List<String> pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        if (pairs == null) {
            return map;
        }
        for (String pair : pairs) {
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw ValidationException.of(field, "key-value", Message.of("invalid.cli.key-value", pair));
            }
            map.put(pair.substring(0, equals), pair.substring(equals + 1));
        }
        return map;
    }
}
