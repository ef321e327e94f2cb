package dev.computestudio.ui.common;

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

    public Messages(ObservableValue<Locale> language) {
        bundle.set(load(language.getValue()));
        language.addListener((observable, old, now) -> bundle.set(load(now)));
    }

    /** The text for a key in the current language. */
    public String get(String key) {
        return render(key);
    }

    public boolean contains(String key) {
        return bundle.get().containsKey(key);
    }

    /** A text that follows the language. */
    public StringBinding text(String key) {
        return Bindings.createStringBinding(() -> render(key), bundle);
    }

    /** A pattern like {@code Runner: {0}} that follows both the language and its arguments. */
    public StringBinding format(String key, ObservableValue<?>... arguments) {
        ObservableValue<?>[] dependencies = Arrays.copyOf(arguments, arguments.length + 1);
        dependencies[arguments.length] = bundle;
        return Bindings.createStringBinding(
                () -> render(key, Arrays.stream(arguments).map(ObservableValue::getValue).toArray()),
                dependencies);
    }

    public ReadOnlyObjectProperty<ResourceBundle> bundleProperty() {
        return bundle.getReadOnlyProperty();
    }

    private String render(String key, Object... arguments) {
        String pattern = bundle.get().getString(key);
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, bundle.get().getLocale()).format(arguments);
    }

    private static ResourceBundle load(Locale language) {
        return ResourceBundle.getBundle(BUNDLE, language, NO_SYSTEM_FALLBACK);
    }
}
