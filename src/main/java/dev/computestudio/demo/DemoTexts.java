package dev.computestudio.demo;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The runner's own words (step results, clean-up), from the studio's bundles' demo section. */
final class DemoTexts {

    private final ResourceBundle bundle;
    private final Locale language;

    DemoTexts(Locale language) {
        this.language = language;
        this.bundle = ResourceBundle.getBundle("i18n.messages", language,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    String get(String key, Object... arguments) {
        String pattern = bundle.getString("demo." + key);
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, language).format(arguments);
    }
}
