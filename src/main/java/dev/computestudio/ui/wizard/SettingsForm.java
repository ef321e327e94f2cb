package dev.computestudio.ui.wizard;

import dev.computestudio.domain.ClusterSpec;
import dev.computestudio.domain.Message;
import dev.computestudio.domain.NameRules;
import dev.computestudio.domain.Problem;
import dev.computestudio.domain.SshSettings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The settings step: the cluster's name, how far it scales, how long idle nodes stay, and whether
 * its nodes accept SSH with a password or a public key. Numbers are kept as typed, so a field
 * that is not a whole number can say so.
 */
public final class SettingsForm {

    /** How the SSH admin signs in. */
    public enum Credential { PASSWORD, SSH_KEY }

    // Properties (the view binds them both ways)
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty minNodes = new SimpleStringProperty("0");
    private final StringProperty maxNodes = new SimpleStringProperty(String.valueOf(ClusterSpec.DEFAULT_MAX_NODES));
    private final StringProperty idleSeconds = new SimpleStringProperty(
            String.valueOf(ClusterSpec.DEFAULT_IDLE_TIME.toSeconds()));
    private final BooleanProperty sshEnabled = new SimpleBooleanProperty(false);
    private final StringProperty adminUsername = new SimpleStringProperty("");
    private final ObjectProperty<Credential> credential = new SimpleObjectProperty<>(Credential.PASSWORD);
    private final StringProperty adminPassword = new SimpleStringProperty("");
    private final StringProperty sshKey = new SimpleStringProperty("");

    // What the form stands for

    String name() {
        return name.get();
    }

    /** The minimum as typed; null when it is not a whole number. */
    Integer minNodes() {
        return wholeNumber(minNodes.get());
    }

    /** The maximum as typed; null when it is not a whole number. */
    Integer maxNodes() {
        return wholeNumber(maxNodes.get());
    }

    /** The idle seconds as typed; null when they are not a whole number. */
    Integer idleSeconds() {
        return wholeNumber(idleSeconds.get());
    }

    /** The scale and SSH settings applied to a spec; a number that does not parse counts as its default. */
    ClusterSpec appliedTo(ClusterSpec spec) {
        Integer min = minNodes();
        Integer max = maxNodes();
        Integer idle = idleSeconds();
        return spec.withScale(min == null ? 0 : min, max == null ? ClusterSpec.DEFAULT_MAX_NODES : max,
                idle == null ? ClusterSpec.DEFAULT_IDLE_TIME : Duration.ofSeconds(idle)).withSsh(ssh());
    }

    Credential credential() {
        return credential.get();
    }

    /**
     * What this form's own rules find: a number that is not whole, and the cloud's naming rules. The
     * rules over the whole spec (max not below min, SSH credentials) are the domain's and the service's.
     */
    List<Problem> problems() {
        List<Problem> problems = new ArrayList<>(NameRules.checkComputeName(Field.NAME.serviceName(), name.get()));
        requireWholeNumber(Field.MIN_NODES, minNodes(), problems);
        requireWholeNumber(Field.MAX_NODES, maxNodes(), problems);
        requireWholeNumber(Field.IDLE_SECONDS, idleSeconds(), problems);
        return problems;
    }

    private SshSettings ssh() {
        if (!sshEnabled.get()) {
            return SshSettings.DISABLED;
        }
        return new SshSettings(true, adminUsername.get(),
                credential.get() == Credential.PASSWORD ? adminPassword.get() : null,
                credential.get() == Credential.SSH_KEY ? sshKey.get().trim() : null);
    }

    private static void requireWholeNumber(Field field, Integer value, List<Problem> problems) {
        if (value == null) {
            problems.add(new Problem(field.serviceName(), "whole-number", Message.of("wizard.settings.wholeNumber")));
        }
    }

    private static Integer wholeNumber(String text) {
        try {
            return text == null ? null : Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    // Inputs

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty minNodesProperty() {
        return minNodes;
    }

    public StringProperty maxNodesProperty() {
        return maxNodes;
    }

    public StringProperty idleSecondsProperty() {
        return idleSeconds;
    }

    public BooleanProperty sshEnabledProperty() {
        return sshEnabled;
    }

    public StringProperty adminUsernameProperty() {
        return adminUsername;
    }

    public ObjectProperty<Credential> credentialProperty() {
        return credential;
    }

    public StringProperty adminPasswordProperty() {
        return adminPassword;
    }

    public StringProperty sshKeyProperty() {
        return sshKey;
    }
}
