package dev.computestudio.service;

import dev.computestudio.domain.port.SettingsRepository;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PreferencesServiceTest {

    private final MapSettings settings = new MapSettings();

    @Test
    void startsLightAndInEnglishOnAnEnglishSystem() {
        PreferencesService preferences = new PreferencesService(settings, Locale.US);

        assertThat(preferences.theme()).isEqualTo(Theme.LIGHT);
        assertThat(preferences.language()).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void startsInBrazilianPortugueseOnAPortugueseSystem() {
        assertThat(new PreferencesService(settings, Locale.forLanguageTag("pt-BR")).language())
                .isEqualTo(PreferencesService.BRAZILIAN_PORTUGUESE);
        assertThat(new PreferencesService(settings, Locale.forLanguageTag("pt-PT")).language())
                .isEqualTo(PreferencesService.BRAZILIAN_PORTUGUESE);
    }

    @Test
    void startsInEnglishOnASystemWithoutTranslation() {
        assertThat(new PreferencesService(settings, Locale.GERMANY).language()).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void remembersThemeAndLanguageForTheNextRun() {
        PreferencesService firstRun = new PreferencesService(settings, Locale.US);
        firstRun.setTheme(Theme.DARK);
        firstRun.setLanguage(PreferencesService.BRAZILIAN_PORTUGUESE);

        PreferencesService nextRun = new PreferencesService(settings, Locale.US);

        assertThat(nextRun.theme()).isEqualTo(Theme.DARK);
        assertThat(nextRun.language()).isEqualTo(PreferencesService.BRAZILIAN_PORTUGUESE);
        assertThat(settings.values).containsEntry("studio.theme", "dark").containsEntry("studio.language", "pt-BR");
    }

    @Test
    void remembersTheTextSizeAndIgnoresOneThatIsNotAStep() {
        PreferencesService preferences = new PreferencesService(settings, Locale.US);
        assertThat(preferences.textSize()).isEqualTo(100);

        preferences.setTextSize(150);

        assertThat(new PreferencesService(settings, Locale.US).textSize()).isEqualTo(150);
        assertThatThrownBy(() -> preferences.setTextSize(500)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("500");
        assertThat(preferences.textSize()).isEqualTo(150);

        settings.values.put("studio.textSize", "huge");
        assertThat(preferences.textSize()).as("written by another version").isEqualTo(100);
    }

    @Test
    void theUsersChoiceWinsOverTheSystemLanguage() {
        new PreferencesService(settings, Locale.forLanguageTag("pt-BR")).setLanguage(Locale.ENGLISH);

        assertThat(new PreferencesService(settings, Locale.forLanguageTag("pt-BR")).language())
                .isEqualTo(Locale.ENGLISH);
    }

    @Test
    void refusesALanguageWithoutTranslation() {
        PreferencesService preferences = new PreferencesService(settings, Locale.US);

        assertThatThrownBy(() -> preferences.setLanguage(Locale.FRENCH))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fr");
        assertThat(settings.values).doesNotContainKey("studio.language");
    }

    @Test
    void ignoresStoredValuesItDoesNotKnow() {
        settings.put("studio.theme", "sepia");
        settings.put("studio.language", "fr");

        PreferencesService preferences = new PreferencesService(settings, Locale.US);

        assertThat(preferences.theme()).isEqualTo(Theme.LIGHT);
        assertThat(preferences.language()).isEqualTo(Locale.ENGLISH);
    }

    /** In memory; the JDBC repository is not in this branch. */
    private static final class MapSettings implements SettingsRepository {
        final Map<String, String> values = new HashMap<>();

        @Override
        public Optional<String> get(String key) {
            return Optional.ofNullable(values.get(key));
        }

        @Override
        public void put(String key, String value) {
            values.put(key, value);
        }
    }
}
