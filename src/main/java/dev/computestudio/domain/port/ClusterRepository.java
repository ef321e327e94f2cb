package dev.computestudio.domain.port;

import dev.computestudio.domain.ClusterStatus;
import dev.computestudio.domain.ComputeCluster;

import java.util.List;
import java.util.Optional;

/** Stored compute clusters, keyed by workspace and name. */
public interface ClusterRepository {

    /** Throws {@code ConflictException} when the workspace already has compute of that name. */
    void insert(ComputeCluster cluster);

    /** Replaces the stored spec, status and identity; throws {@code NotFoundException} when it is gone. */
    void update(ComputeCluster cluster);

    /**
     * Stores what the engine observed (allocation state, node counts, errors) and nothing else, so
     * that a spec change or a delete requested by another process meanwhile is kept; a cluster
     * that is gone is left gone.
     */
    void updateAllocation(String workspace, String name, ClusterStatus status);

    Optional<ComputeCluster> find(String workspace, String name);

    /** The workspace's clusters, by name. */
    List<ComputeCluster> list(String workspace);

    /** Every cluster of every workspace, for the engine's reconciliation. */
    List<ComputeCluster> listAll();

    Optional<ComputeCluster> findByAttachedResourceId(String workspace, String resourceId);

    boolean delete(String workspace, String name);
}
