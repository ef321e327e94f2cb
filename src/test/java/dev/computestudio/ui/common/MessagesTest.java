package dev.computestudio.ui.common;

import javafx.beans.binding.StringBinding;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class MessagesTest {

    private static final Locale PORTUGUESE = Locale.forLanguageTag("pt-BR");

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
}
