package dev.computestudio.service;

import dev.computestudio.domain.ConflictException;
import dev.computestudio.domain.Message;
import dev.computestudio.domain.ResourceLock;
import dev.computestudio.domain.Workspace;
import dev.computestudio.domain.port.ClusterRepository;
import dev.computestudio.domain.port.LockRepository;
import dev.computestudio.domain.port.WorkspaceRepository;

import java.time.Clock;
import java.util.List;

/** Creates, lists and deletes workspaces. */
public final class WorkspaceService {

    private final WorkspaceRepository workspaces;
    private final ClusterRepository clusters;
    private final LockRepository locks;
    private final Installation installation;
    private final Clock clock;

    public WorkspaceService(WorkspaceRepository workspaces, ClusterRepository clusters, LockRepository locks,
                            Installation installation, Clock clock) {
        this.workspaces = workspaces;
        this.clusters = clusters;
        this.locks = locks;
        this.installation = installation;
        this.clock = clock;
    }

    /**
     * @param location      a region name; null for {@value Workspace#DEFAULT_LOCATION}
     * @param resourceGroup null for "rg-" followed by the workspace name
     */
    public Workspace create(String name, String location, String resourceGroup) {
        String region = location == null || location.isBlank() ? Workspace.DEFAULT_LOCATION : location;
        String group = resourceGroup == null || resourceGroup.isBlank() ? "rg-" + name : resourceGroup;
        Workspace.validate(name, region, group);
        Workspace workspace = new Workspace(name, region, installation.subscriptionId(), group, clock.instant());
        workspaces.insert(workspace);
        return workspace;
    }

    public List<Workspace> list() {
        return workspaces.list();
    }

    public Workspace show(String name) {
        return workspaces.require(name);
    }

    /** Refused while the workspace holds compute or its resource group is locked. */
    public void delete(String name) {
        show(name);
        List<ResourceLock> held = locks.list(name);
        if (!held.isEmpty()) {
            ResourceLock lock = held.get(0);
            throw new ConflictException("lock", Message.of("conflict.workspace.locked", name,
                    lock.level().restName(), lock.name()));
        }
        int computes = clusters.list(name).size();
        if (computes > 0) {
            throw new ConflictException("", Message.of("conflict.workspace.holds-compute", name, computes));
        }
        workspaces.delete(name);
    }
}
