package dev.computestudio.ui.jobs;

import dev.computestudio.ui.common.Messages;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The line that says how the last action went. */
class ActionOutcomeTest {

    private final SimpleObjectProperty<Locale> language = new SimpleObjectProperty<>(Locale.ENGLISH);
    private final Messages messages = new Messages(language);
    private final ActionOutcome outcome = new ActionOutcome();

    @Test
    void aRefusalFollowsTheLanguageWhileAReportIsToldOnce() {
        outcome.refuse(messages.text("jobs.error.fixFields"));
        assertThat(outcome.textProperty().get()).isEqualTo("Fix the marked fields and submit again.");
        assertThat(outcome.refusedProperty().get()).isTrue();

        language.set(Locale.forLanguageTag("pt-BR"));
        assertThat(outcome.textProperty().get()).isEqualTo("Corrija os campos marcados e envie de novo.");

        outcome.report(messages.render("jobs.canceled", "train-1"));
        language.set(Locale.ENGLISH);
        assertThat(outcome.textProperty().get()).isEqualTo("Trabalho train-1 cancelado.");
        assertThat(outcome.refusedProperty().get()).isFalse();

        outcome.clear();
        assertThat(outcome.textProperty().get()).isEmpty();
    }
}
