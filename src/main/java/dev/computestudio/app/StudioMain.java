package dev.computestudio.app;

import java.nio.file.Path;

/** Starts the studio window on a data folder; wired once the shell and the database exist. */
final class StudioMain {

    private StudioMain() {
    }

    static void launch(Path dataFolder) {
        throw new UnsupportedOperationException("studio not wired yet: " + dataFolder);
    }
}
