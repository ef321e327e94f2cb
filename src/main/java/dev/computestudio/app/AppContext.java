package dev.computestudio.app;

import dev.computestudio.cli.Backend;
import dev.computestudio.cli.RunnerChoice;
import dev.computestudio.domain.JobFiles;
import dev.computestudio.domain.VmCatalog;
import dev.computestudio.domain.port.NodeRunner;
import dev.computestudio.domain.port.Repositories;
import dev.computestudio.engine.Engine;
import dev.computestudio.engine.EngineSettings;
import dev.computestudio.engine.Reconciler;
import dev.computestudio.infra.persistence.Database;
import dev.computestudio.service.ComputeService;
import dev.computestudio.service.ConfigService;
import dev.computestudio.service.Installation;
import dev.computestudio.service.JobService;
import dev.computestudio.service.LockService;
import dev.computestudio.service.PreferencesService;
import dev.computestudio.service.QuotaService;
import dev.computestudio.service.TimelineService;
import dev.computestudio.service.WorkspaceService;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Locale;
import java.util.UUID;

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
    private final TimelineService timeline;
    private final Engine engine;

    private AppContext(Path dataFolder, Database database, NodeRunner runner, Clock clock, EngineSettings settings,
                       String role) {
        this.dataFolder = dataFolder;
        this.database = database;
        this.runner = runner;
        Repositories stores = database.repositories();
        VmCatalog catalog = VmCatalog.standard();
        JobFiles files = new JobFiles(dataFolder);
        SecureRandom random = new SecureRandom();
        this.installation = new Installation(stores.settings());
        this.config = new ConfigService(stores.settings());
        this.locks = new LockService(stores.locks(), stores.workspaces(), clock);
        this.quota = new QuotaService(stores.quota(), stores.workspaces(), stores.clusters(), stores.nodes(), catalog);
        this.workspaces = new WorkspaceService(stores.workspaces(), stores.clusters(), stores.locks(), installation,
                clock);
        this.compute = new ComputeService(stores.workspaces(), stores.clusters(), stores.nodes(), stores.events(),
                locks, quota, installation, catalog, clock);
        this.timeline = new TimelineService(stores.workspaces(), stores.clusters(), stores.nodes(), stores.events(),
                clock);
        Reconciler reconciler = new Reconciler(stores, catalog, runner, files, clock, settings, random);
        this.engine = new Engine(stores.lease(), reconciler, Clock.systemUTC(), settings, ownerId(),
                role + " (pid " + ProcessHandle.current().pid() + ")");
        this.jobs = new JobService(stores.workspaces(), stores.clusters(), stores.jobs(), stores.events(), files,
                random, clock, engine::wakeUp);
    }

    /** Opens the data folder with the default engine settings and the real clock. */
    public static AppContext open(Path dataFolder, RunnerChoice runnerChoice, String role) {
        return open(dataFolder, runnerChoice, role, EngineSettings.defaults());
    }

    public static AppContext open(Path dataFolder, RunnerChoice runnerChoice, String role, EngineSettings settings) {
        Database database = Database.openFile(dataFolder);
        try {
            NodeRunner runner = Runners.choose(runnerChoice, dataFolder, database.repositories(), VmCatalog.standard());
            return new AppContext(dataFolder, database, runner, Clock.systemUTC(), settings, role);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** Wires everything over a database and runner chosen by the caller (benchmarks, tests). */
    public static AppContext over(Path dataFolder, Database database, NodeRunner runner, EngineSettings settings,
                                  String role) {
        return new AppContext(dataFolder, database, runner, Clock.systemUTC(), settings, role);
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
    public ConfigService config() {
        return config;
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
    public String runnerName() {
        return runner.name();
    }

    @Override
    public void close() {
        engine.close();
        database.close();
    }
}
