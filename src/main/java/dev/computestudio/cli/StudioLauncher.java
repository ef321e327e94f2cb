package dev.computestudio.cli;

import java.nio.file.Path;

/** Opens the studio window; given to the command line so that it stays free of JavaFX. */
@FunctionalInterface
public interface StudioLauncher {

    /** Blocks until the window is closed. */
    void launch(Path dataFolder, RunnerChoice runner);
}
