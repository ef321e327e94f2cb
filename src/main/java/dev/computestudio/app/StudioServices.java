package dev.computestudio.app;

import dev.computestudio.service.PreferencesService;
import dev.computestudio.ui.shell.WorkspaceSource;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What the studio window needs from the composition root.
 *
 * @param workspaces  the workspaces for the picker, e.g. {@code workspaceRepository::list}
 * @param dataFolder  the folder holding the database, shown in the status bar
 * @param runnerName  the node runner in use, as {@code --runner} names it ({@code process}, {@code docker})
 * @param engineState what the engine is doing, in plain words (e.g. {@code not running})
 */
public record StudioServices(PreferencesService preferences, WorkspaceSource workspaces, Path dataFolder,
                             String runnerName, String engineState) {

    public StudioServices {
        Objects.requireNonNull(preferences, "preferences");
        Objects.requireNonNull(workspaces, "workspaces");
        Objects.requireNonNull(dataFolder, "dataFolder");
        Objects.requireNonNull(runnerName, "runnerName");
        Objects.requireNonNull(engineState, "engineState");
    }
}
