package dev.computestudio.domain;

import java.util.Optional;

/** The VM priority: dedicated nodes are guaranteed, low-priority ones are cheaper and may be preempted. */
public enum VmTier {
    DEDICATED("dedicated", "Dedicated"),
    LOW_PRIORITY("low_priority", "LowPriority");

    private final String yamlName;
    private final String restName;

    VmTier(String yamlName, String restName) {
        this.yamlName = yamlName;
        this.restName = restName;
    }

    /** The v2 YAML / CLI spelling. */
    public String yamlName() {
        return yamlName;
    }

    /** The REST API spelling (vmPriority). */
    public String restName() {
        return restName;
    }

    /** Accepts the v2 spelling, the v1 / REST spelling and the 'lowpriority' seen in real files. */
    public static Optional<VmTier> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String key = Spellings.key(text);
        return switch (key) {
            case "dedicated" -> Optional.of(DEDICATED);
            case "lowpriority" -> Optional.of(LOW_PRIORITY);
            default -> Optional.empty();
        };
    }
}
