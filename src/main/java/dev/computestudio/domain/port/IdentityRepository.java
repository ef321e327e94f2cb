package dev.computestudio.domain.port;

import dev.computestudio.domain.UserAssignedIdentity;

import java.util.List;
import java.util.Optional;

/** User-assigned managed identities of a workspace. */
public interface IdentityRepository {

    /** Throws {@code ConflictException} when the workspace has an identity of that name. */
    void insert(UserAssignedIdentity identity);

    List<UserAssignedIdentity> list(String workspace);

    Optional<UserAssignedIdentity> find(String workspace, String name);

    Optional<UserAssignedIdentity> findByResourceId(String resourceId);

    boolean delete(String workspace, String name);
}
