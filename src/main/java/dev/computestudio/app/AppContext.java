package dev.computestudio.app;

import dev.computestudio.cli.Backend;
import dev.computestudio.cli.RunnerChoice;
import dev.computestudio.domain.JobFiles;
import dev.computestudio.domain.ScaledClock;
import dev.computestudio.domain.VmCatalog;
import dev.computestudio.domain.port.NodeRunner;
import dev.computestudio.domain.port.Repositories;
import dev.computestudio.engine.Engine;
import dev.computestudio.engine.EngineSettings;
import dev.computestudio.engine.Reconciler;
import dev.computestudio.infra.identity.LocalManagedIdentity;
import dev.computestudio.infra.persistence.Database;
import dev.computestudio.infra.runner.docker.DockerEngine;
import dev.computestudio.infra.runner.docker.DockerNodeRunner;
import dev.computestudio.infra.yaml.YamlEnvironmentTable;
import dev.computestudio.infra.yaml.YamlSpecCodec;
import dev.computestudio.service.ActivityService;
import dev.computestudio.service.ComputeService;
import dev.computestudio.service.ConfigService;
import dev.computestudio.service.EnvironmentService;
import dev.computestudio.service.IdentityService;
import dev.computestudio.service.Installation;
import dev.computestudio.service.JobService;
import dev.computestudio.service.LockService;
import dev.computestudio.service.PreferencesService;
import dev.computestudio.service.QuotaService;
import dev.computestudio.service.SpecFiles;
import dev.computestudio.service.TimelineService;
import dev.computestudio.service.WorkspaceService;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * The one composition root: opens the database of a data folder and wires repositories,
 * services, the node runner and the engine by hand.
 */
public final class AppContext implements Backend {

    private final Path dataFolder;
    private final Database database;
    private final NodeRunner runner;
    private final Installation installation;
    private final WorkspaceService workspaces;
    private final ComputeService compute;
    private final JobService jobs;
    private final QuotaService quota;
    private final LockService locks;
    private final ConfigService config;
    private final IdentityService identities;
    private final LocalManagedIdentity managedIdentity;
    private final ActivityService activity;
    private final TimelineService timeline;
    private final Engine engine;
    private final SpecFiles specFiles;
    private final EnvironmentService environments;
    private final ScaledClock clock;

    /**
     * @param time the base of the clock the reconciler and services keep: the real clock, or a test's;
     *             the engine lease and the tokens keep real time whatever this clock does
     */
    private AppContext(Path dataFolder, Database database, NodeRunner runner, Clock time, EngineSettings settings,
                       String role) {
        this.dataFolder = dataFolder;
        // At 1x until a demo speeds it up; at 1x it reads exactly its base.
        this.clock = new ScaledClock(time);
        this.database = database;
        this.runner = runner;
        Repositories stores = database.repositories();
        VmCatalog catalog = VmCatalog.standard();
        JobFiles files = new JobFiles(dataFolder);
        SecureRandom random = new SecureRandom();
        this.installation = new Installation(stores.settings());
        this.config = new ConfigService(stores.settings());
        this.activity = new ActivityService(stores.events());
        this.locks = new LockService(stores.locks(), stores.workspaces(), clock);
        this.quota = new QuotaService(stores.quota(), stores.workspaces(), stores.clusters(), stores.nodes(), catalog);
        this.workspaces = new WorkspaceService(stores.workspaces(), stores.clusters(), stores.locks(), installation,
                clock);
        // Tokens carry real time whatever pace the engine's clock keeps; the endpoint opens on first use.
        this.managedIdentity = new LocalManagedIdentity(dataFolder, stores, database.identityCredentials(),
                Clock.systemUTC(), runner instanceof DockerNodeRunner docker ? docker.engine()::bridgeGateway : null);
        this.identities = new IdentityService(stores.workspaces(), stores.identities(), stores.clusters(), locks,
                installation, managedIdentity, clock);
        this.timeline = new TimelineService(stores.workspaces(), stores.clusters(), stores.nodes(), stores.events(),
                clock);
        Reconciler reconciler = new Reconciler(stores, catalog, runner, files, clock, settings, random,
                managedIdentity);
        this.engine = new Engine(stores.lease(), reconciler, Clock.systemUTC(), settings, ownerId(),
                role + " (pid " + ProcessHandle.current().pid() + ")");
        this.compute = new ComputeService(stores.workspaces(), stores.clusters(), stores.nodes(), stores.identities(),
                stores.events(), stores.unitOfWork(), locks, quota, installation, catalog, clock, engine::wakeUp);
        this.jobs = new JobService(stores.workspaces(), stores.clusters(), stores.jobs(), stores.events(),
                stores.unitOfWork(), files, random, clock, engine::wakeUp);
        YamlEnvironmentTable environmentTable = new YamlEnvironmentTable(dataFolder);
        this.environments = new EnvironmentService(environmentTable);
        this.specFiles = new SpecFiles(new YamlSpecCodec(environmentTable), compute, jobs);
    }

    /** Opens the data folder with the default engine settings and the real clock. */
    public static AppContext open(Path dataFolder, RunnerChoice runnerChoice, String role) {
        return open(dataFolder, runnerChoice, role, EngineSettings.defaults());
    }

    public static AppContext open(Path dataFolder, RunnerChoice runnerChoice, String role, EngineSettings settings) {
        CompletableFuture<Optional<DockerEngine>> docker = Runners.probeDocker(runnerChoice);
        Database database = Database.openFile(dataFolder);
        try {
            NodeRunner runner = Runners.choose(runnerChoice, docker, dataFolder, database.repositories(),
                    VmCatalog.standard());
            return new AppContext(dataFolder, database, runner, Clock.systemUTC(), settings, role);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /**
     * Wires everything over a database, runner and time chosen by the caller: benchmarks give the
     * real clock, tests a clock they move.
     */
    public static AppContext over(Path dataFolder, Database database, NodeRunner runner, Clock time,
                                  EngineSettings settings, String role) {
        return new AppContext(dataFolder, database, runner, time, settings, role);
    }

    @Override
    public ScaledClock clock() {
        return clock;
    }

    private static String ownerId() {
        return ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    public Path dataFolder() {
        return dataFolder;
    }

    public PreferencesService preferences() {
        return new PreferencesService(database.settings(), Locale.getDefault());
    }

    public Database database() {
        return database;
    }

    @Override
    public WorkspaceService workspaces() {
        return workspaces;
    }

    @Override
    public ComputeService compute() {
        return compute;
    }

    @Override
    public JobService jobs() {
        return jobs;
    }

    @Override
    public QuotaService quota() {
        return quota;
    }

    @Override
    public LockService locks() {
        return locks;
    }

    @Override
    public IdentityService identities() {
        return identities;
    }

    /** Where local jobs reach the managed-identity endpoint; empty until this process opened it. */
    public Optional<String> identityEndpoint() {
        return managedIdentity.loopbackEndpoint();
    }

    @Override
    public ConfigService config() {
        return config;
    }

    /** The event log as it grows, for the studio's notifications. */
    public ActivityService activity() {
        return activity;
    }

    @Override
    public TimelineService timeline() {
        return timeline;
    }

    @Override
    public Engine engine() {
        return engine;
    }

    @Override
    public SpecFiles specFiles() {
        return specFiles;
    }

    @Override
    public EnvironmentService environments() {
        return environments;
    }

    @Override
    public String runnerName() {
        return runner.name();
    }

    @Override
    public void close() {
        engine.close();
        managedIdentity.close();
        database.close();
    }
}
