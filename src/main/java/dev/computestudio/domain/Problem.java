package dev.computestudio.domain;

import java.util.Objects;

/**
 * One broken rule: which field, which rule, and a sentence a person understands.
 * Validation collects every problem at once so a user can fix them in one go.
 */
public record Problem(String field, String rule, String message) {

    public Problem {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return field + ": " + message + " [" + rule + "]";
    }
}
