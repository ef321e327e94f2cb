package dev.computestudio.ui.wizard;

import dev.computestudio.domain.ClusterSpec;
import dev.computestudio.domain.Message;
import dev.computestudio.domain.NameRules;
import dev.computestudio.domain.Problem;
import dev.computestudio.domain.SshSettings;
import dev.computestudio.domain.VmCatalog;
import dev.computestudio.ui.common.Messages;
import dev.computestudio.ui.common.Refusal;
import dev.computestudio.ui.common.Subscriptions;
import dev.computestudio.ui.wizard.SettingsForm.Credential;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** How the wizard's problems reach its fields: which source speaks, what shows when, in which language. */
class WizardProblemsTest {

    private static final Problem NAME_REQUIRED = NameRules.checkComputeName("name", "").get(0);
    private static final Problem NAME_TAKEN = new Problem("name", "taken",
            Message.of("conflict.compute.name-taken", "ws-demo", "cpu-cluster"));
    private static final Problem OVER_QUOTA = new Problem("max_instances", "quota",
            Message.of("invalid.cluster.max-above-quota", 100));
    private static final Problem NOT_WHOLE = new Problem("min_instances", "whole-number",
            Message.of("wizard.settings.wholeNumber"));

    private final SimpleObjectProperty<Locale> language = new SimpleObjectProperty<>(Locale.ENGLISH);
    private final SimpleObjectProperty<Credential> credential = new SimpleObjectProperty<>(Credential.PASSWORD);
    private final WizardProblems problems = new WizardProblems(
            new WizardTexts(new Messages(language), new Subscriptions()), credential::get);

    @Test
    void theFormsFindingsShowOnceTheFieldIsEditedButKeepItsStepFromGoingOnBefore() {
        problems.found(List.of(NOT_WHOLE));
        assertThat(problems.text(Field.MIN_NODES).get()).isNull();
        assertThat(problems.invalidFields()).containsExactly(Field.MIN_NODES);

        problems.edited(Field.MIN_NODES);
        problems.found(List.of(NOT_WHOLE));

        assertThat(problems.text(Field.MIN_NODES).get()).isEqualTo("must be a whole number");
        language.set(Locale.forLanguageTag("pt-BR"));
        assertThat(problems.text(Field.MIN_NODES).get()).isEqualTo("deve ser um número inteiro");
    }

    @Test
    void theServicesFindingsShowAtOnceWhereTheFormFoundNothing() {
        problems.found(List.of(NAME_REQUIRED));
        problems.checked(List.of(NAME_REQUIRED, OVER_QUOTA));

        assertThat(problems.text(Field.NAME).get()).as("the form speaks for the name; not edited yet").isNull();
        assertThat(problems.text(Field.MAX_NODES).get()).isEqualTo("must be at most 100, the nodes-per-cluster quota");
        assertThat(problems.invalidFields()).containsExactlyInAnyOrder(Field.NAME, Field.MAX_NODES);

        problems.edited(Field.MAX_NODES);
        problems.found(List.of());
        assertThat(problems.text(Field.MAX_NODES).get()).as("an edit withdraws what the service said").isNull();
        assertThat(problems.invalidFields()).as("of that field only").containsExactly(Field.NAME);
    }

    @Test
    void aRefusalGoesToItsFieldsAndStepAndWhatNoFieldExplainsAbovePageUntilTheNextTry() {
        Problem broken = new Problem(Refusal.NO_FIELD, "failed", Message.of("ui.failed", "the disk is full"));

        assertThat(problems.refused(new Refusal(Refusal.Kind.CONFLICT, List.of(NAME_TAKEN, broken))))
                .contains(Step.SETTINGS);

        assertThat(problems.text(Field.NAME).get()).isEqualTo("workspace 'ws-demo' already has compute named 'cpu-cluster'");
        assertThat(problems.generalText().get()).isEqualTo("Something went wrong: the disk is full (details in the log)");
        problems.clearGeneral();
        assertThat(problems.generalText().get()).isNull();
        assertThat(problems.invalidFields()).containsExactly(Field.NAME);
    }

    @Test
    void credentialsMissingAltogetherAreAboutTheCredentialInUse() {
        Problem noCredentials = ClusterSpec.defaults("Standard_DS3_v2")
                .withSsh(new SshSettings(true, "azureuser", null, null)).check(VmCatalog.standard()).stream()
                .filter(problem -> problem.field().equals("ssh_settings")).findFirst().orElseThrow();
        problems.checked(List.of(noCredentials));
        assertThat(problems.text(Field.ADMIN_PASSWORD).get()).isEqualTo(noCredentials.message());

        credential.set(Credential.SSH_KEY);
        problems.checked(List.of(noCredentials));

        assertThat(problems.text(Field.ADMIN_PASSWORD).get()).isNull();
        assertThat(problems.text(Field.SSH_KEY).get()).isEqualTo(noCredentials.message());
    }
}
