package dev.computestudio.ui.identity;

import java.util.List;

/**
 * What the panel tells the user after an action: a bundle key and its arguments, so that the
 * view words it in the current language. Service errors come as {@code identity.error} with the
 * service's own sentence.
 */
public record Notice(String key, List<String> arguments, boolean failure) {

    public Notice {
        arguments = List.copyOf(arguments);
    }

    static Notice of(String key, String... arguments) {
        return new Notice(key, List.of(arguments), false);
    }

    static Notice failure(String message) {
        return new Notice("identity.error", List.of(message), true);
    }
}
