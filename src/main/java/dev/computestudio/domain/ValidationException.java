package dev.computestudio.domain;

import java.util.List;
import java.util.stream.Collectors;

/** The one error type for rejected input: it carries every problem found, never just the first. */
public final class ValidationException extends RuntimeException {

    private final transient List<Problem> problems;

    public ValidationException(List<Problem> problems) {
        super(describe(problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a validation failure needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public static ValidationException of(String field, String rule, Message text) {
        return new ValidationException(List.of(new Problem(field, rule, text)));
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String describe(List<Problem> problems) {
        return problems.stream().map(Problem::toString).collect(Collectors.joining("; "));
    }
}
