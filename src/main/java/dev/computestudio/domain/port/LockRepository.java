package dev.computestudio.domain.port;

import dev.computestudio.domain.ResourceLock;

import java.util.List;

/** Resource locks on a workspace's resource group. */
public interface LockRepository {

    /** Throws {@code ConflictException} when the workspace has a lock of that name. */
    void insert(ResourceLock lock);

    List<ResourceLock> list(String workspace);

    boolean delete(String workspace, String name);
}
