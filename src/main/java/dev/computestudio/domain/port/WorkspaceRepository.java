package dev.computestudio.domain.port;

import dev.computestudio.domain.Message;
import dev.computestudio.domain.NotFoundException;
import dev.computestudio.domain.Workspace;

import java.util.List;
import java.util.Optional;

/** Stored workspaces. {@link #insert} throws {@code ConflictException} when the name is taken. */
public interface WorkspaceRepository {

    void insert(Workspace workspace);

    Optional<Workspace> find(String name);

    /** The workspace a request names; {@code NotFoundException} when there is none. */
    default Workspace require(String name) {
        return find(name).orElseThrow(() ->
                new NotFoundException("workspace", Message.of("notfound.workspace", name)));
    }

    /** All workspaces, by name. */
    List<Workspace> list();

    /** @return whether a workspace was deleted */
    boolean delete(String name);
}
