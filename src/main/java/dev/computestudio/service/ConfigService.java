package dev.computestudio.service;

import dev.computestudio.domain.Message;
import dev.computestudio.domain.ValidationException;
import dev.computestudio.domain.port.SettingsRepository;

import java.util.LinkedHashMap;
import java.util.Map;

/** Settings a user may change from the command line, each with its default and its rule. */
public final class ConfigService {

    public static final String NODE_IMAGE = "docker.node-image";
    public static final String JOB_IMAGE = "docker.job-image";
    public static final String DEFAULT_IMAGE = "busybox:latest";

    private static final Map<String, String> DEFAULTS = Map.of(NODE_IMAGE, DEFAULT_IMAGE, JOB_IMAGE, DEFAULT_IMAGE);
    private static final String IMAGE_NAME = "[a-zA-Z0-9][a-zA-Z0-9._/:@-]*";

    private final SettingsRepository settings;

    public ConfigService(SettingsRepository settings) {
        this.settings = settings;
    }

    /** Every setting with its current value, by name. */
    public Map<String, String> list() {
        Map<String, String> values = new LinkedHashMap<>();
        DEFAULTS.keySet().stream().sorted().forEach(key -> values.put(key, get(key)));
        return values;
    }

    public String get(String key) {
        requireKnown(key);
        return settings.get(key).orElse(DEFAULTS.get(key));
    }

    public void set(String key, String value) {
        requireKnown(key);
        if (value == null || !value.matches(IMAGE_NAME)) {
            throw ValidationException.of("value", "image-name", Message.of("invalid.config.image-name", value));
        }
        settings.put(key, value);
    }

    private static void requireKnown(String key) {
        if (!DEFAULTS.containsKey(key)) {
            throw ValidationException.of("key", "setting", Message.of("invalid.config.key", key,
                    String.join(", ", DEFAULTS.keySet().stream().sorted().toList())));
        }
    }
}
