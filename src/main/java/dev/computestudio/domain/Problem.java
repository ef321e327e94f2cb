package dev.computestudio.domain;

import java.util.List;
import java.util.Objects;

/**
 * One broken rule: which field, which rule, and the text that explains it, by code. Validation
 * collects every problem at once so a user can fix them in one go.
 */
public record Problem(String field, String rule, Message text) {

    public Problem {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(text, "text");
    }

    /** The stable code of the explanation: the key of its text in the bundles. */
    public String code() {
        return text.code();
    }

    public List<Object> arguments() {
        return text.arguments();
    }

    /** The explanation in English, as the command line prints it. */
    public String message() {
        return text.english();
    }

    @Override
    public String toString() {
        return field + ": " + message() + " [" + rule + "]";
    }
}
