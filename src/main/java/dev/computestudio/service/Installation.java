package dev.computestudio.service;

import dev.computestudio.domain.port.SettingsRepository;

import java.util.UUID;

/**
 * The ids that stand for the cloud account of this installation: one subscription and one
 * tenant, made up once and kept, so that resource ids stay stable across runs.
 */
public final class Installation {

    private static final String SUBSCRIPTION = "installation.subscription-id";
    private static final String TENANT = "installation.tenant-id";

    private final SettingsRepository settings;

    public Installation(SettingsRepository settings) {
        this.settings = settings;
    }

    public String subscriptionId() {
        return idFor(SUBSCRIPTION);
    }

    public String tenantId() {
        return idFor(TENANT);
    }

    private synchronized String idFor(String key) {
        return settings.get(key).orElseGet(() -> {
            String id = UUID.randomUUID().toString();
            settings.put(key, id);
            return id;
        });
    }
}
