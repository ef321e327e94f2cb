package dev.computestudio.ui.compute;

import dev.computestudio.ui.common.Messages;

import java.text.MessageFormat;
import java.util.ResourceBundle;

/** Renders a text once, in the current language, for messages that report an event rather than a state. */
final class Texts {

    private Texts() {
    }

    static String format(Messages messages, String key, Object... arguments) {
        ResourceBundle bundle = messages.bundleProperty().get();
        return new MessageFormat(bundle.getString(key), bundle.getLocale()).format(arguments);
    }
}
