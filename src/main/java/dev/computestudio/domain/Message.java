package dev.computestudio.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A text by code, not by sentence: the key of its pattern in the {@code i18n/domain} bundles and
 * the values that fill it. Each door renders it in its own language (the studio in the user's, the
 * command line in English) through {@link MessageFormatter}; nothing matches on the rendered text.
 *
 * <p>An argument may itself be a {@code Message} or an enum: both are rendered in the same language
 * as the text around them.
 */
public record Message(String code, List<Object> arguments) {

    public Message {
        Objects.requireNonNull(code, "code");
        // Not List.copyOf: arguments may be null (an absent value is rendered as such).
        arguments = Collections.unmodifiableList(new ArrayList<>(arguments));
    }

    public static Message of(String code, Object... arguments) {
        return new Message(code, Arrays.asList(arguments));
    }

    /** The text in English, for the command line, logs and exception messages. */
    public String english() {
        return MessageFormatter.ENGLISH.format(this);
    }

    @Override
    public String toString() {
        return english();
    }
}
