package dev.computestudio.domain;

import java.time.Instant;
import java.util.Objects;

/** A management lock on the workspace's resource group. */
public record ResourceLock(String workspace, String name, LockLevel level, String notes, Instant createdAt) {

    public ResourceLock {
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public static void validateName(String name) {
        if (name == null || !name.matches("[^<>%&:\\\\?/*]{1,260}") || name.isBlank()) {
            throw ValidationException.of("name", "lock-name", Message.of("invalid.lock.name"));
        }
    }
}
