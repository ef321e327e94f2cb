package dev.computestudio.cli;

import java.nio.file.Path;
import java.util.Map;

/**
 * What every command needs from outside the command line: the data folder (from the root's
 * options) and the studio launcher. Commands reach the engine's services through it.
 */
final class GlobalContext {

    private final StudioLauncher studioLauncher;
    private final Map<String, String> environment;
    private RootCommand root;

    GlobalContext(StudioLauncher studioLauncher, Map<String, String> environment) {
        this.studioLauncher = studioLauncher;
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

    void launchStudio() {
        studioLauncher.launch(dataFolder());
    }
}
