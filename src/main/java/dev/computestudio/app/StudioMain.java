package dev.computestudio.app;

import dev.computestudio.cli.RunnerChoice;

import java.nio.file.Path;

/**
 * Opens the studio window over a data folder and runs the engine in this process while the
 * window is open; kept apart so that a command-line call loads no JavaFX.
 */
final class StudioMain {

    private StudioMain() {
    }

    static void launch(Path dataFolder, RunnerChoice runner) {
        try (AppContext context = AppContext.open(dataFolder, runner, "studio")) {
            context.engine().start();
            StudioApp.launchWith(context);
        }
    }
}
