package dev.computestudio.ui.wizard;

import dev.computestudio.ui.wizard.SettingsForm.Credential;

import java.util.Optional;

/** An input the user fills in, on the step that shows it, with the name the service gives it in its problems. */
public enum Field {
    SIZE(Step.VIRTUAL_MACHINE, "size"),
    LOCATION(Step.VIRTUAL_MACHINE, "location"),
    NAME(Step.SETTINGS, "name"),
    MIN_NODES(Step.SETTINGS, "min_instances"),
    MAX_NODES(Step.SETTINGS, "max_instances"),
    IDLE_SECONDS(Step.SETTINGS, "idle_time_before_scale_down"),
    ADMIN_USERNAME(Step.SETTINGS, "ssh_settings.admin_username"),
    ADMIN_PASSWORD(Step.SETTINGS, "ssh_settings.admin_password"),
    SSH_KEY(Step.SETTINGS, "ssh_settings.ssh_key_value"),
    USER_ASSIGNED_IDS(Step.IDENTITY, "identity.user_assigned_identities");

    private final Step step;
    private final String serviceName;

    Field(Step step, String serviceName) {
        this.step = step;
        this.serviceName = serviceName;
    }

    public Step step() {
        return step;
    }

    /** The field's name in the service's problems. */
    public String serviceName() {
        return serviceName;
    }

    /**
     * The input a service problem is about: bare {@code ssh_settings} (no credential given) is the
     * credential in use, anything about the identity is the ids' field; empty for what no input shows.
     */
    static Optional<Field> about(String serviceField, Credential credential) {
        for (Field field : values()) {
            if (field.serviceName.equals(serviceField)) {
                return Optional.of(field);
            }
        }
        if (serviceField.startsWith("ssh_settings")) {
            return Optional.of(credential == Credential.PASSWORD ? ADMIN_PASSWORD : SSH_KEY);
        }
        if (serviceField.startsWith("identity")) {
            return Optional.of(USER_ASSIGNED_IDS);
        }
        return Optional.empty();
    }
}
