package dev.computestudio.ui.compute;

import java.util.Objects;

/**
 * An error the cluster reports, with what to do about it; {@code hint} is null for a code the
 * studio has no advice for.
 */
public record ClusterErrorRow(String code, String message, String hint) {

    public ClusterErrorRow {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
