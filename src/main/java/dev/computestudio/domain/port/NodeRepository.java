package dev.computestudio.domain.port;

import dev.computestudio.domain.Node;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Stored nodes. Removed nodes stay as GONE so the timeline can still draw them. */
public interface NodeRepository {

    void insert(Node node);

    void update(Node node);

    Optional<Node> find(String nodeId);

    /** The nodes of a cluster that have not gone, oldest first. */
    List<Node> listPresent(String workspace, String cluster);

    /** The nodes of every cluster that have not gone, oldest first: one read for the engine's pass. */
    List<Node> listPresent();

    /** Every node of a cluster, gone ones included, oldest first. */
    List<Node> listAll(String workspace, String cluster);

    /**
     * The nodes of a cluster that existed at some time in {@code [from, to)}, gone ones included:
     * created before {@code to} and not gone by {@code from}. Oldest first.
     */
    List<Node> listExisting(String workspace, String cluster, Instant from, Instant to);

    /** Forgets every node of a cluster (the cluster is deleted). */
    void deleteCluster(String workspace, String cluster);
}
