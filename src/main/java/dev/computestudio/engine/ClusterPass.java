package dev.computestudio.engine;

import dev.computestudio.domain.ComputeCluster;
import dev.computestudio.domain.Job;
import dev.computestudio.domain.Node;
import dev.computestudio.domain.NodeState;
import dev.computestudio.domain.QuotaLedger;
import dev.computestudio.domain.ResourceLock;
import dev.computestudio.domain.VmSize;
import dev.computestudio.domain.Workspace;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one reconciliation pass knows about one cluster: the cluster, its present nodes, its
 * unfinished jobs in queue order, its workspace's locks and quota. Actions update the nodes and
 * jobs so that later steps of the pass see earlier ones; the jobs are the engine's
 * {@link UnfinishedJobs} of this cluster, so they carry over to the next pass.
 */
final class ClusterPass {

    final ComputeCluster cluster;
    final Workspace workspace;
    final VmSize size;
    final List<ResourceLock> locks;
    final QuotaLedger quota;
    final Instant now;
    /** Live views, in order: nodes oldest first, jobs in queue order. */
    final Collection<Node> nodes;
    final Collection<Job> jobs;
    private final Map<String, Node> nodesById = new LinkedHashMap<>();
    private final Map<String, Job> jobsByName;

    ClusterPass(ComputeCluster cluster, Workspace workspace, VmSize size, List<Node> nodes,
                LinkedHashMap<String, Job> jobs, List<ResourceLock> locks, QuotaLedger quota, Instant now) {
        this.cluster = cluster;
        this.workspace = workspace;
        this.size = size;
        nodes.forEach(node -> nodesById.put(node.id(), node));
        this.nodes = nodesById.values();
        this.jobsByName = jobs;
        this.jobs = jobs.values();
        this.locks = locks;
        this.quota = quota;
        this.now = now;
    }

    Node node(String id) {
        return nodesById.get(id);
    }

    Job job(String name) {
        return jobsByName.get(name);
    }

    void add(Node node) {
        nodesById.put(node.id(), node);
    }

    void replace(Node before, Node after) {
        if (after.state() == NodeState.GONE) {
            nodesById.remove(before.id());
        } else {
            nodesById.put(after.id(), after);
        }
    }

    /**
     * @param after the job as stored, or null when another process changed it meanwhile: it then
     *              leaves this pass, and the next pass reads it back as that process left it
     */
    void replace(Job before, Job after) {
        if (after == null || after.status().isFinal()) {
            jobsByName.remove(before.name());
        } else {
            jobsByName.put(after.name(), after);
        }
    }

    List<Node> nodesIn(NodeState state) {
        return nodes.stream().filter(node -> node.state() == state).toList();
    }

    String key() {
        return UnfinishedJobs.key(cluster.workspace(), cluster.name());
    }
}
