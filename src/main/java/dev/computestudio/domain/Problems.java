package dev.computestudio.domain;

import java.util.ArrayList;
import java.util.List;

/** Collects problems while a value is checked; {@link #throwIfAny()} rejects it with all of them. */
public final class Problems {

    /** Longer than any resource id (about 300 characters at most), so real values are quoted whole. */
    private static final int MAX_QUOTED = 320;

    private final List<Problem> found = new ArrayList<>();

    public Problems add(String field, String rule, Message text) {
        found.add(new Problem(field, rule, text));
        return this;
    }

    public Problems addAll(List<Problem> problems) {
        found.addAll(problems);
        return this;
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    public List<Problem> list() {
        return List.copyOf(found);
    }

    /**
     * A value as a message quotes it: cut to its first characters when long, so that a refusal of
     * a huge value stays a sentence.
     */
    public static String shortened(String value) {
        return value == null || value.length() <= MAX_QUOTED ? value : value.substring(0, MAX_QUOTED - 3) + "...";
    }

    public void throwIfAny() {
        if (!found.isEmpty()) {
            throw new ValidationException(found);
        }
    }
}
