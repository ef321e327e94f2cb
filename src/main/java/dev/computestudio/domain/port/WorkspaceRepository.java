package dev.computestudio.domain.port;

import dev.computestudio.domain.Workspace;

import java.util.List;
import java.util.Optional;

/** Stored workspaces. {@link #insert} throws {@code ConflictException} when the name is taken. */
public interface WorkspaceRepository {

    void insert(Workspace workspace);

    Optional<Workspace> find(String name);

    /** All workspaces, by name. */
    List<Workspace> list();

    /** @return whether a workspace was deleted */
    boolean delete(String name);
}
