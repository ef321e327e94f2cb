package dev.computestudio.ui.common;

import dev.computestudio.domain.Message;
import dev.computestudio.domain.MessageFormatter;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The studio's texts in the current language. Views bind to {@link #text} and {@link #format}, so a
 * change of language re-renders every text in place without rebuilding the views.
 */
public final class Messages {

    private static final String BUNDLE = "i18n.messages";
    // Without this, a language missing its own file would fall back to the system's language
    // instead of the English base file.
    private static final ResourceBundle.Control NO_SYSTEM_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final ReadOnlyObjectWrapper<ResourceBundle> bundle = new ReadOnlyObjectWrapper<>();
    // The domain's texts (refusals, engine notes, enum names) in the same language; replaced before
    // the bundle, so a binding that re-renders on the bundle's change already sees the new language.
    private volatile MessageFormatter domain;

    public Messages(ObservableValue<Locale> language) {
        switchTo(language.getValue());
        language.addListener((observable, old, now) -> switchTo(now));
    }

    private void switchTo(Locale language) {
        domain = new MessageFormatter(language);
        bundle.set(load(language));
    }

    /** The text for a key in the current language. */
    public String get(String key) {
        return renderPattern(key, new Object[0]);
    }

    /** A text of the studio's bundle, rendered once, for messages that report an event rather than a state. */
    public String render(String key, Object... arguments) {
        return renderPattern(key, arguments);
    }

    /** A refusal, an engine note or any other text by code, in the current language. */
    public String format(Message message) {
        return bundle.get().containsKey(message.code())
                ? renderPattern(message.code(), message.arguments().stream().map(this::argument).toArray())
                : domain.format(message);
    }

    /** An enum value's display name in the current language. */
    public String display(Enum<?> value) {
        return domain.displayName(value);
    }

    /** A text by code that follows the language. */
    public StringBinding text(Message message) {
        return Bindings.createStringBinding(() -> format(message), bundle);
    }

    /** An enum value's display name that follows both the language and the value. */
    public StringBinding display(ObservableValue<? extends Enum<?>> value) {
        return Bindings.createStringBinding(() -> value.getValue() == null ? "" : display(value.getValue()),
                value, bundle);
    }

    public boolean contains(String key) {
        return bundle.get().containsKey(key);
    }

    /** A text that follows the language. */
    public StringBinding text(String key) {
        return Bindings.createStringBinding(() -> renderPattern(key, new Object[0]), bundle);
    }

    /** A pattern like {@code Runner: {0}} that follows both the language and its arguments. */
    public StringBinding format(String key, ObservableValue<?>... arguments) {
        ObservableValue<?>[] dependencies = Arrays.copyOf(arguments, arguments.length + 1);
        dependencies[arguments.length] = bundle;
        return Bindings.createStringBinding(
                () -> renderPattern(key, Arrays.stream(arguments).map(ObservableValue::getValue).toArray()),
                dependencies);
    }

    public ReadOnlyObjectProperty<ResourceBundle> bundleProperty() {
        return bundle.getReadOnlyProperty();
    }

    private Object argument(Object value) {
        if (value instanceof Message nested) {
            return format(nested);
        }
        return value instanceof Enum<?> constant ? display(constant) : value;
    }

    private String renderPattern(String key, Object[] arguments) {
        String pattern = bundle.get().getString(key);
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, bundle.get().getLocale()).format(arguments);
    }

    private static ResourceBundle load(Locale language) {
        return ResourceBundle.getBundle(BUNDLE, language, NO_SYSTEM_FALLBACK);
    }
}
