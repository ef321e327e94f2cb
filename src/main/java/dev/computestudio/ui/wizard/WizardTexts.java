package dev.computestudio.ui.wizard;

import dev.computestudio.ui.common.Messages;

import java.text.MessageFormat;

/** Renders a bundle text with arguments once, in the current language (for texts built at a moment, not bound). */
final class WizardTexts {

    private WizardTexts() {
    }

    /** Patterns with arguments follow MessageFormat; a text without arguments is taken as written. */
    static String format(Messages messages, String key, Object... arguments) {
        String pattern = messages.get(key);
        if (arguments.length == 0) {
            return pattern;
        }
        return new MessageFormat(pattern, messages.bundleProperty().get().getLocale()).format(arguments);
    }
}
