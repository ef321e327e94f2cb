package dev.computestudio.ui.compute;

import dev.computestudio.domain.Message;
import dev.computestudio.domain.Problem;
import dev.computestudio.ui.common.Refusal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the screen tells the user after an action: how it went, in lines kept by code, so that
 * they are worded in the current language while they are shown.
 */
public record Feedback(Kind kind, List<Message> lines) {

    public enum Kind { SUCCESS, INFO, ERROR }

    public Feedback {
        Objects.requireNonNull(kind, "kind");
        lines = List.copyOf(lines);
    }

    static Feedback of(Kind kind, Message line) {
        return new Feedback(kind, List.of(line));
    }

    static Feedback refused(Refusal refusal) {
        return new Feedback(Kind.ERROR, lines(refusal));
    }

    /** A refusal's problems, one a line, each with the field it names. */
    static List<Message> lines(Refusal refusal) {
        List<Message> lines = new ArrayList<>();
        for (Problem problem : refusal.problems()) {
            lines.add(problem.field().isEmpty() ? problem.text()
                    : Message.of("compute.feedback.problem", problem.field(), problem.text()));
        }
        return lines;
    }
}
