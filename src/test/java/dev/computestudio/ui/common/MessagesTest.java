package dev.computestudio.ui.common;

import javafx.beans.binding.StringBinding;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class MessagesTest {

    private static final Locale PORTUGUESE = Locale.forLanguageTag("pt-BR");

    @Test
    void everyEnglishTextHasABrazilianPortugueseTranslation() throws IOException {
        Set<String> english = keys("/i18n/messages.properties").stream()
                // Language names are written in their own language, once, in the base file.
                .filter(key -> !key.startsWith("language."))
                .collect(Collectors.toSet());

        assertThat(keys("/i18n/messages_pt_BR.properties")).containsAll(english);
    }

    @Test
    void textsFollowTheLanguageAndTheirArguments() {
        SimpleObjectProperty<Locale> language = new SimpleObjectProperty<>(Locale.ENGLISH);
        SimpleStringProperty runner = new SimpleStringProperty("process");
        Messages messages = new Messages(language);
        StringBinding title = messages.text("screen.jobs.title");
        StringBinding status = messages.format("status.runner", runner);
        assertThat(title.get()).isEqualTo("Jobs");
        assertThat(status.get()).isEqualTo("Runner: process");

        language.set(PORTUGUESE);
        runner.set("docker");

        assertThat(title.get()).isEqualTo("Trabalhos");
        assertThat(status.get()).isEqualTo("Executor: docker");
    }

    @Test
    void englishIsUsedEvenWhenTheSystemSpeaksAnotherTranslatedLanguage() {
        Locale system = Locale.getDefault();
        Locale.setDefault(PORTUGUESE);
        try {
            assertThat(new Messages(new SimpleObjectProperty<>(Locale.ENGLISH)).get("screen.quota.title"))
                    .isEqualTo("Quota");
        } finally {
            Locale.setDefault(system);
        }
    }

    private static Set<String> keys(String resource) throws IOException {
        try (InputStream in = MessagesTest.class.getResourceAsStream(resource)) {
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties.stringPropertyNames();
        }
    }
}
