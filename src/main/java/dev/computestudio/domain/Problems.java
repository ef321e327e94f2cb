package dev.computestudio.domain;

import java.util.ArrayList;
import java.util.List;

/** Collects problems while a value is checked; {@link #throwIfAny()} rejects it with all of them. */
public final class Problems {

    private final List<Problem> found = new ArrayList<>();

    public Problems add(String field, String rule, String message) {
        found.add(new Problem(field, rule, message));
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

    public void throwIfAny() {
        if (!found.isEmpty()) {
            throw new ValidationException(found);
        }
    }
}
