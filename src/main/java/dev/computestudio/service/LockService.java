package dev.computestudio.service;

import dev.computestudio.domain.ConflictException;
import dev.computestudio.domain.LockLevel;
import dev.computestudio.domain.Message;
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
            throw new NotFoundException("name", Message.of("notfound.lock", name));
        }
    }

    /**
     * Throws when a ReadOnly lock forbids changing resources of the workspace.
     *
     * @param action what was refused, e.g. {@code action.compute.create} with its arguments
     */
    void checkWritable(String workspace, Message action) {
        Optional<ResourceLock> readOnly = locks.list(workspace).stream()
                .filter(lock -> lock.level() == LockLevel.READ_ONLY).findFirst();
        readOnly.ifPresent(lock -> {
            throw new ConflictException("lock", Message.of("conflict.lock.read-only", action, workspace, lock.name()));
        });
    }

    /** Throws when any lock forbids deleting resources of the workspace. */
    void checkDeletable(String workspace, Message action) {
        locks.list(workspace).stream().findFirst().ifPresent(lock -> {
            throw new ConflictException("lock", Message.of("conflict.lock.blocks", action, workspace,
                    lock.level().restName(), lock.name(), Message.of(effectCode(lock.level()))));
        });
    }

    /** What a lock level blocks, in a sentence. */
    private static String effectCode(LockLevel level) {
        return switch (level) {
            case CAN_NOT_DELETE -> "lock.effect.can-not-delete";
            case READ_ONLY -> "lock.effect.read-only";
        };
    }
}
