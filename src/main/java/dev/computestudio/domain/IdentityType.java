package dev.computestudio.domain;

import java.util.Optional;

/** A cluster has no managed identity, one system-assigned identity, or user-assigned ones; never both kinds. */
public enum IdentityType {
    NONE("none", "None"),
    SYSTEM_ASSIGNED("system_assigned", "SystemAssigned"),
    USER_ASSIGNED("user_assigned", "UserAssigned");

    private final String yamlName;
    private final String restName;

    IdentityType(String yamlName, String restName) {
        this.yamlName = yamlName;
        this.restName = restName;
    }

    public String yamlName() {
        return yamlName;
    }

    public String restName() {
        return restName;
    }

    /** Accepts 'system_assigned', 'SystemAssigned', 'systemassigned' and the same for the others. */
    public static Optional<IdentityType> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String key = Spellings.key(text);
        for (IdentityType type : values()) {
            if (Spellings.key(type.restName).equals(key)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
