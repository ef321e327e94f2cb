package dev.computestudio.service;

import dev.computestudio.domain.ConflictException;
import dev.computestudio.domain.LockLevel;
import dev.computestudio.domain.NotFoundException;
import dev.computestudio.domain.ResourceLock;
import dev.computestudio.domain.port.LockRepository;
import dev.computestudio.domain.port.WorkspaceRepository;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Management locks on a workspace's resource group, and the checks other services make against
 * them: any lock stops scaling and deletion, a ReadOnly lock also stops every change.
 */
public final class LockService {

    private final LockRepository locks;
    private final WorkspaceRepository workspaces;
    private final Clock clock;

    public LockService(LockRepository locks, WorkspaceRepository workspaces, Clock clock) {
        this.locks = locks;
        this.workspaces = workspaces;
        this.clock = clock;
    }

    public ResourceLock create(String workspace, String name, LockLevel level, String notes) {
        workspaces.require(workspace);
        ResourceLock.validateName(name);
        ResourceLock lock = new ResourceLock(workspace, name, level, notes, clock.instant());
        locks.insert(lock);
        return lock;
    }

    public List<ResourceLock> list(String workspace) {
        workspaces.require(workspace);
        return locks.list(workspace);
    }

    public void delete(String workspace, String name) {
        workspaces.require(workspace);
        if (!locks.delete(workspace, name)) {
            throw new NotFoundException("lock", name);
        }
    }

    /** Throws when a ReadOnly lock forbids changing resources of the workspace. */
    void checkWritable(String workspace, String action) {
        Optional<ResourceLock> readOnly = locks.list(workspace).stream()
                .filter(lock -> lock.level() == LockLevel.READ_ONLY).findFirst();
        readOnly.ifPresent(lock -> {
            throw new ConflictException("cannot " + action + ": the resource group of workspace '" + workspace
                    + "' has a ReadOnly lock '" + lock.name() + "', which forbids every change; delete the lock first");
        });
    }

    /** Throws when any lock forbids deleting resources of the workspace. */
    void checkDeletable(String workspace, String action) {
        locks.list(workspace).stream().findFirst().ifPresent(lock -> {
            throw new ConflictException("cannot " + action + ": the resource group of workspace '" + workspace
                    + "' has a " + lock.level().restName() + " lock '" + lock.name() + "' (" + lock.level().effect()
                    + "); delete the lock first");
        });
    }
}
