package dev.computestudio.cli;

import java.nio.file.Path;

/** Opens the studio window; given to the command line so that it stays free of JavaFX. */
@FunctionalInterface
public interface StudioLauncher {

    /** Blocks until the window is closed. */
    void launch(Path dataFolder, RunnerChoice runner);

    /** Opens the studio ready for a class ({@code --demo}); blocks until the window is closed. */
    default void launchDemo(Path dataFolder, RunnerChoice runner) {
        throw new UnsupportedOperationException("this launcher opens no demo session");
    }
}
