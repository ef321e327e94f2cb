package dev.computestudio.ui.wizard;

import dev.computestudio.domain.ClusterSpec;
import dev.computestudio.domain.Problem;
import dev.computestudio.domain.SshSettings;
import dev.computestudio.ui.wizard.SettingsForm.Credential;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The settings step on its own: numbers as typed, the naming rules, and the spec it stands for. */
class SettingsFormTest {

    private final SettingsForm form = new SettingsForm();
    private final ClusterSpec base = ClusterSpec.defaults("Standard_DS3_v2");

    @Test
    void startsWithTheDefaultsAndOnlyANameMissing() {
        assertThat(form.appliedTo(base)).isEqualTo(base);
        assertThat(form.problems()).extracting(Problem::field, Problem::rule).containsExactly(tuple("name", "required"));

        form.nameProperty().set("cpu-cluster");

        assertThat(form.problems()).isEmpty();
    }

    @Test
    void aNumberThatIsNotWholeSaysSoAndCountsAsItsDefault() {
        form.nameProperty().set("cpu-cluster");
        form.minNodesProperty().set(" 2 ");
        form.maxNodesProperty().set("two");
        form.idleSecondsProperty().set("");

        assertThat(form.problems()).extracting(Problem::field, Problem::code).containsExactly(
                tuple("max_instances", "wizard.settings.wholeNumber"),
                tuple("idle_time_before_scale_down", "wizard.settings.wholeNumber"));
        assertThat(form.minNodes()).isEqualTo(2);
        assertThat(form.maxNodes()).isNull();
        ClusterSpec spec = form.appliedTo(base);
        assertThat(spec.minNodes()).isEqualTo(2);
        assertThat(spec.maxNodes()).isEqualTo(ClusterSpec.DEFAULT_MAX_NODES);
        assertThat(spec.idleTimeBeforeScaleDown()).isEqualTo(ClusterSpec.DEFAULT_IDLE_TIME);
    }

    @Test
    void sshTakesOnlyTheCredentialInUseAndNothingWhenOff() {
        form.adminUsernameProperty().set("azureuser");
        form.adminPasswordProperty().set("correct-horse-battery");
        form.sshKeyProperty().set("  ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIB7 trainer@laptop \n");
        assertThat(form.appliedTo(base).ssh()).isEqualTo(SshSettings.DISABLED);

        form.sshEnabledProperty().set(true);
        assertThat(form.appliedTo(base).ssh())
                .isEqualTo(new SshSettings(true, "azureuser", "correct-horse-battery", null));

        form.credentialProperty().set(Credential.SSH_KEY);
        form.idleSecondsProperty().set("600");
        ClusterSpec spec = form.appliedTo(base);
        assertThat(spec.ssh()).isEqualTo(new SshSettings(true, "azureuser", null,
                "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIB7 trainer@laptop"));
        assertThat(spec.idleTimeBeforeScaleDown()).isEqualTo(Duration.ofSeconds(600));
    }
}
