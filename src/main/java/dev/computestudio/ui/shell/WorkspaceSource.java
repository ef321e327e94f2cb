package dev.computestudio.ui.shell;

import dev.computestudio.domain.Workspace;

import java.util.List;

/**
 * Where the shell reads the workspaces offered by its picker. Only this one query is needed, so
 * the shell does not get the whole repository: {@code workspaceRepository::list} fits.
 */
@FunctionalInterface
public interface WorkspaceSource {

    /** All workspaces, by name. May block on storage; the shell calls it off the FX thread. */
    List<Workspace> list();
}
