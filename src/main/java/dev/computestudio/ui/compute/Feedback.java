package dev.computestudio.ui.compute;

import java.util.Objects;

/** What the screen tells the user after an action: how it went, in a sentence. */
public record Feedback(Kind kind, String text) {

    public enum Kind { SUCCESS, INFO, ERROR }

    public Feedback {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
    }
}
