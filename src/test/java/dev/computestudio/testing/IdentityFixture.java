package dev.computestudio.testing;

import dev.computestudio.domain.JobFiles;
import dev.computestudio.engine.EngineSettings;
import dev.computestudio.engine.Reconciler;
import dev.computestudio.infra.identity.LocalManagedIdentity;
import dev.computestudio.service.IdentityService;
import dev.computestudio.service.Installation;

import java.time.Clock;
import java.util.Random;

/**
 * The managed-identity part of the product over a {@link StudioFixture}'s database, wired as
 * AppContext wires it: the local endpoint (opened on first use, on loopback), the identity
 * service, and an engine pass whose job launches get the identity variables.
 */
public final class IdentityFixture implements AutoCloseable {

    public final LocalManagedIdentity endpoint;
    public final IdentityService identities;
    private final Reconciler reconciler;

    public IdentityFixture(StudioFixture studio) {
        endpoint = new LocalManagedIdentity(studio.dataFolder, studio.stores, studio.db.identityCredentials(),
                Clock.systemUTC(), null);
        identities = new IdentityService(studio.stores.workspaces(), studio.stores.identities(),
                studio.stores.clusters(), studio.locks, new Installation(studio.stores.settings()), endpoint,
                studio.clock);
        reconciler = new Reconciler(studio.stores, studio.catalog, studio.runner, new JobFiles(studio.dataFolder),
                studio.clock, EngineSettings.defaults(), new Random(42), endpoint);
    }

    /** One engine pass whose launches carry MSI_ENDPOINT, MSI_SECRET and DEFAULT_IDENTITY_CLIENT_ID. */
    public void pass() {
        reconciler.reconcile();
    }

    @Override
    public void close() {
        endpoint.close();
    }
}
