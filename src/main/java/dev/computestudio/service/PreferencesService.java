package dev.computestudio.service;

import dev.computestudio.domain.port.SettingsRepository;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The user's studio preferences (theme and language), kept in the {@link SettingsRepository} so the
 * choice survives a restart. Every call reads or writes the repository; callers keep what they read.
 */
public final class PreferencesService {

    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale BRAZILIAN_PORTUGUESE = Locale.forLanguageTag("pt-BR");
    public static final List<Locale> SUPPORTED_LANGUAGES = List.of(ENGLISH, BRAZILIAN_PORTUGUESE);

    private static final String THEME_KEY = "studio.theme";
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

    public static boolean isSupported(Locale language) {
        return SUPPORTED_LANGUAGES.contains(language);
    }

    private Locale systemLanguage() {
        return systemLocale.getLanguage().equals(BRAZILIAN_PORTUGUESE.getLanguage()) ? BRAZILIAN_PORTUGUESE : ENGLISH;
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
