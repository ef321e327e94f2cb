package dev.computestudio.domain;

import java.util.Optional;

/**
 * The two resource lock levels. Both stop the cluster from scaling, which is why the cloud's docs
 * warn against locking the workspace's resource group.
 */
public enum LockLevel {
    CAN_NOT_DELETE("CanNotDelete", "resources can be read and changed but not deleted"),
    READ_ONLY("ReadOnly", "resources can be read but neither changed nor deleted");

    private final String restName;
    private final String effect;

    LockLevel(String restName, String effect) {
        this.restName = restName;
        this.effect = effect;
    }

    public String restName() {
        return restName;
    }

    /** What the lock blocks, in a sentence. */
    public String effect() {
        return effect;
    }

    public static Optional<LockLevel> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String key = Spellings.key(text);
        for (LockLevel level : values()) {
            if (Spellings.key(level.restName).equals(key)) {
                return Optional.of(level);
            }
        }
        return Optional.empty();
    }
}
