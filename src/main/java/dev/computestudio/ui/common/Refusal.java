package dev.computestudio.ui.common;

import dev.computestudio.domain.ConflictException;
import dev.computestudio.domain.Message;
import dev.computestudio.domain.NotFoundException;
import dev.computestudio.domain.Problem;
import dev.computestudio.domain.ValidationException;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Why a service call did not go through, as a view model shows it: every problem with the field it
 * names. {@link Kind#FAILED} is a bug or a broken environment, not the user's doing; it is logged
 * with its stack trace where it happens and shown as one line.
 */
public record Refusal(Kind kind, List<Problem> problems) {

    public enum Kind {
        /** The input breaks a rule (exit 2 on the command line). */
        INVALID,
        /** The input clashes with the current state: a taken name, a lock (exit 4). */
        CONFLICT,
        /** What the input names does not exist (any more) (exit 3). */
        NOT_FOUND,
        /** Not the user's doing. */
        FAILED
    }

    /** The field a failure that names no field is shown on: above the form. */
    public static final String NO_FIELD = "";

    public Refusal {
        problems = List.copyOf(problems);
    }

    /**
     * What a failure means to the user, the wrappers of futures and executors taken off; empty when
     * it is no refusal the user caused, i.e. a bug.
     */
    public static Optional<Refusal> expected(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof ValidationException invalid) {
            return Optional.of(new Refusal(Kind.INVALID, invalid.problems()));
        }
        if (cause instanceof ConflictException conflict) {
            return Optional.of(new Refusal(Kind.CONFLICT,
                    List.of(new Problem(conflict.field(), conflict.code(), conflict.text()))));
        }
        if (cause instanceof NotFoundException missing) {
            return Optional.of(new Refusal(Kind.NOT_FOUND,
                    List.of(new Problem(missing.field(), missing.code(), missing.text()))));
        }
        return Optional.empty();
    }

    /** A failure the user did not cause, as one line above the form. */
    public static Refusal failed(Throwable failure) {
        Throwable cause = unwrap(failure);
        String detail = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return new Refusal(Kind.FAILED, List.of(new Problem(NO_FIELD, "failed", Message.of("ui.failed", detail))));
    }

    public static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** Whether any problem is about {@code field} (a service field name). */
    public boolean concerns(String field) {
        return problems.stream().anyMatch(problem -> problem.field().equals(field));
    }

    /** Whether any problem has this code, e.g. the code of a taken name. */
    public boolean hasCode(String code) {
        return problems.stream().anyMatch(problem -> problem.code().equals(code));
    }
}
