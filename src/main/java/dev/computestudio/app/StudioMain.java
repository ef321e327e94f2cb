package dev.computestudio.app;

import dev.computestudio.cli.RunnerChoice;

import java.nio.file.Path;

/** Opens the studio window over a data folder; kept apart so that a command-line call loads no JavaFX. */
final class StudioMain {

    private StudioMain() {
    }

    static void launch(Path dataFolder, RunnerChoice runner) {
        try (AppContext context = AppContext.open(dataFolder, runner, "studio")) {
            StudioApp.launchWith(new StudioServices(context.preferences(), context.database().workspaces()::list,
                    dataFolder, context.runnerName(), "not running"));
        }
    }
}
