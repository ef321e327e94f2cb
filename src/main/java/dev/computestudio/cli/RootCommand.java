package dev.computestudio.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

import java.nio.file.Path;

/** {@code compute-studio}: with no command it opens the studio; with one it runs it. */
@Command(name = "compute-studio",
        mixinStandardHelpOptions = true,
        description = {"Azure Machine Learning compute clusters on this machine: workspaces, clusters that "
                + "scale from zero, jobs in containers or processes, quota, locks and managed identity.",
                "", "Without a command, opens the studio window."},
        footer = {"", "State lives in --data-dir, else $COMPUTE_STUDIO_HOME, else ~/.compute-studio.",
                "Exit codes: 0 ok, 1 failure, 2 bad input, 3 not found, 4 conflict."})
public final class RootCommand implements Runnable {

    @Option(names = "--data-dir", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Folder holding the database, logs and job folders.")
    private Path dataDir;

    @Option(names = "--runner", paramLabel = "RUNNER", scope = ScopeType.INHERIT, defaultValue = "auto",
            description = "Where nodes and jobs run: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private RunnerChoice runner;

    @Option(names = "--demo", description = "Open the studio for a training class: a demo workspace, the Demos "
            + "screen and the demo clock at 20x.")
    private boolean demo;

    @Spec
    private CommandSpec spec;

    private final GlobalContext context;

    RootCommand(GlobalContext context) {
        this.context = context;
    }

    Path dataDirOption() {
        return dataDir;
    }

    RunnerChoice runnerOption() {
        return runner;
    }

    CommandSpec spec() {
        return spec;
    }

    @Override
    public void run() {
        context.launchStudio(demo);
    }
}
