package dev.computestudio.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;

/**
 * What every command needs from outside the command line: the data folder and runner (from the
 * root's options), the backend over them (opened on first use, closed after the command), and
 * the studio launcher.
 */
final class GlobalContext {

    private final StudioLauncher studioLauncher;
    private final Backend.Opener opener;
    private final Map<String, String> environment;
    private RootCommand root;
    private Backend backend;

    GlobalContext(StudioLauncher studioLauncher, Backend.Opener opener, Map<String, String> environment) {
        this.studioLauncher = studioLauncher;
        this.opener = opener;
        this.environment = environment;
    }

    void attach(RootCommand rootCommand) {
        this.root = rootCommand;
    }

    Path dataFolder() {
        return DataFolder.resolve(root.dataDirOption(), environment, System.getProperty("user.home"));
    }

    /**
     * Runs once the arguments are parsed and before any command: makes the data folder and points
     * logging at it. The studio shows INFO lines on the terminal (such as its start-up time); a
     * command shows only warnings, so that its output stays clean for scripts.
     */
    void prepare(boolean commandGiven) {
        Path folder = dataFolder();
        DataFolder.create(folder);
        System.setProperty("compute-studio.log-dir", folder.resolve("logs").toString());
        System.setProperty("compute-studio.console-level", commandGiven ? "WARN" : "INFO");
    }

    Backend backend() {
        if (backend == null) {
            backend = opener.open(dataFolder(), root.runnerOption());
        }
        return backend;
    }

    void closeBackend() {
        if (backend != null) {
            backend.close();
            backend = null;
        }
    }

    PrintWriter out() {
        return root.spec().commandLine().getOut();
    }

    PrintWriter err() {
        return root.spec().commandLine().getErr();
    }

    void launchStudio(boolean demo) {
        if (demo) {
            studioLauncher.launchDemo(dataFolder(), root.runnerOption());
            return;
        }
        studioLauncher.launch(dataFolder(), root.runnerOption());
    }
}
