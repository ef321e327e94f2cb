package dev.computestudio.cli;

import dev.computestudio.domain.ScaledClock;
import dev.computestudio.engine.Engine;
import dev.computestudio.service.ComputeService;
import dev.computestudio.service.ConfigService;
import dev.computestudio.service.EnvironmentService;
import dev.computestudio.service.IdentityService;
import dev.computestudio.service.JobService;
import dev.computestudio.service.LockService;
import dev.computestudio.service.QuotaService;
import dev.computestudio.service.SpecFiles;
import dev.computestudio.service.TimelineService;
import dev.computestudio.service.WorkspaceService;

/**
 * The services a command works with, over one data folder. The composition root builds it; the
 * engine is built but not started, so that only commands that must wait for work run it.
 */
public interface Backend extends AutoCloseable {

    WorkspaceService workspaces();

    ComputeService compute();

    JobService jobs();

    QuotaService quota();

    LockService locks();

    ConfigService config();

    IdentityService identities();

    TimelineService timeline();

    Engine engine();

    /** Azure ML v2 YAML in and out ({@code -f}, {@code -o yaml}). */
    SpecFiles specFiles();

    /** The local table of environment names and images. */
    EnvironmentService environments();

    /** The clock the engine and services keep, which a demo runs faster. */
    ScaledClock clock();

    /** The node runner in use: "process" or "docker". */
    String runnerName();

    @Override
    void close();

    /** Opens the backend of a data folder. */
    @FunctionalInterface
    interface Opener {
        Backend open(java.nio.file.Path dataFolder, RunnerChoice runner);
    }
}
