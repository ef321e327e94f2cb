package dev.computestudio.service;

import dev.computestudio.domain.port.SettingsRepository;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The user's studio preferences (theme, language and text size), kept in the {@link SettingsRepository} so the
 * choice survives a restart. Every call reads or writes the repository; callers keep what they read.
 */
public final class PreferencesService {

    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale BRAZILIAN_PORTUGUESE = Locale.forLanguageTag("pt-BR");
    public static final List<Locale> SUPPORTED_LANGUAGES = List.of(ENGLISH, BRAZILIAN_PORTUGUESE);

    /** Text sizes, in percent of the normal size: steps a class's back row can tell apart. */
    public static final List<Integer> TEXT_SIZES = List.of(100, 125, 150, 175, 200);
    public static final int NORMAL_TEXT_SIZE = 100;

    private static final String THEME_KEY = "studio.theme";
    private static final String TEXT_SIZE_KEY = "studio.textSize";
    private static final String LANGUAGE_KEY = "studio.language";

    private final SettingsRepository settings;
    private final Locale systemLocale;

    /** @param systemLocale the machine's locale, which picks the language until the user chooses one */
    public PreferencesService(SettingsRepository settings, Locale systemLocale) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.systemLocale = Objects.requireNonNull(systemLocale, "systemLocale");
    }

    public Theme theme() {
        // A value written by another version of the studio is ignored rather than failing the start.
        return settings.get(THEME_KEY)
                .flatMap(PreferencesService::parseTheme)
                .orElse(Theme.LIGHT);
    }

    public void setTheme(Theme theme) {
        settings.put(THEME_KEY, Objects.requireNonNull(theme, "theme").name().toLowerCase(Locale.ROOT));
    }

    /** The chosen language, else Brazilian Portuguese on a Portuguese system, else English. */
    public Locale language() {
        return settings.get(LANGUAGE_KEY)
                .map(Locale::forLanguageTag)
                .filter(PreferencesService::isSupported)
                .orElseGet(this::systemLanguage);
    }

    /** @throws IllegalArgumentException when the studio has no translation for the language */
    public void setLanguage(Locale language) {
        if (!isSupported(language)) {
            throw new IllegalArgumentException("no translation for language " + language
                    + "; supported: " + SUPPORTED_LANGUAGES);
        }
        settings.put(LANGUAGE_KEY, language.toLanguageTag());
    }

    /** The chosen text size in percent; the normal size until one is chosen. */
    public int textSize() {
        // A value written by another version of the studio is ignored rather than failing the start.
        return settings.get(TEXT_SIZE_KEY)
                .flatMap(PreferencesService::parsePercent)
                .filter(TEXT_SIZES::contains)
                .orElse(NORMAL_TEXT_SIZE);
    }

    /** @throws IllegalArgumentException when the size is not one of {@link #TEXT_SIZES} */
    public void setTextSize(int percent) {
        if (!TEXT_SIZES.contains(percent)) {
            throw new IllegalArgumentException("no text size of " + percent + " %; sizes: " + TEXT_SIZES);
        }
        settings.put(TEXT_SIZE_KEY, Integer.toString(percent));
    }

    public static boolean isSupported(Locale language) {
        return SUPPORTED_LANGUAGES.contains(language);
    }

    private Locale systemLanguage() {
        return systemLocale.getLanguage().equals(BRAZILIAN_PORTUGUESE.getLanguage()) ? BRAZILIAN_PORTUGUESE : ENGLISH;
    }

    private static Optional<Integer> parsePercent(String value) {
        try {
            return Optional.of(Integer.parseInt(value.trim()));
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }

    private static Optional<Theme> parseTheme(String value) {
        for (Theme theme : Theme.values()) {
            if (theme.name().equalsIgnoreCase(value)) {
                return Optional.of(theme);
            }
        }
        return Optional.empty();
    }
}
