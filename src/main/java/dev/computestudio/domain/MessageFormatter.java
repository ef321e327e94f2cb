package dev.computestudio.domain;

import java.math.BigInteger;
import java.text.MessageFormat;
import java.time.Instant;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Renders {@link Message}s and enum values in one language from the {@code i18n/domain} bundles.
 * Every pattern goes through {@link MessageFormat}, arguments or not, so a quote is always written
 * {@code ''} in the bundles.
 */
public final class MessageFormatter {

    private static final String BUNDLE = "i18n.domain";
    // Without this, a language missing its own file would fall back to the system's language
    // instead of the English base file, and the command line would speak the system's language.
    private static final ResourceBundle.Control NO_SYSTEM_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    /** The command line's language: its output is read by scripts and must not change with the system. */
    public static final MessageFormatter ENGLISH = new MessageFormatter(Locale.ROOT);

    private final ResourceBundle bundle;

    public MessageFormatter(Locale language) {
        this.bundle = ResourceBundle.getBundle(BUNDLE, language, NO_SYSTEM_FALLBACK);
    }

    public Locale language() {
        return bundle.getLocale();
    }

    public String format(Message message) {
        return format(message.code(), message.arguments().toArray());
    }

    public String format(String code, Object... arguments) {
        String pattern = pattern(code);
        Object[] rendered = new Object[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            rendered[i] = render(arguments[i]);
        }
        return new MessageFormat(pattern, bundle.getLocale()).format(rendered);
    }

    /** An enum value's name as users read it, e.g. {@code Succeeded} or {@code Concluído}. */
    public String displayName(Enum<?> value) {
        return format(displayKey(value));
    }

    /** The bundle key of an enum value's display name: {@code enum.<SimpleClassName>.<CONSTANT>}. */
    public static String displayKey(Enum<?> value) {
        return "enum." + value.getDeclaringClass().getSimpleName() + "." + value.name();
    }

    public boolean hasText(String code) {
        return bundle.containsKey(code);
    }

    private String pattern(String code) {
        try {
            return bundle.getString(code);
        } catch (MissingResourceException e) {
            // A code without a text is a bug the bundle test catches; here the user still sees the code.
            return code;
        }
    }

    private Object render(Object argument) {
        if (argument instanceof Message nested) {
            return format(nested);
        }
        if (argument instanceof Enum<?> value) {
            return displayName(value);
        }
        // Whole numbers as they are: MessageFormat would group them (1,000), which changes what
        // scripts read and what a user types back.
        if (argument instanceof Integer || argument instanceof Long || argument instanceof Short
                || argument instanceof Byte || argument instanceof BigInteger) {
            return String.valueOf(argument);
        }
        if (argument instanceof Instant || argument instanceof java.time.Duration) {
            return argument.toString();
        }
        return argument;
    }
}
