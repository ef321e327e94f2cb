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
import java.util.ArrayList;
import java.util.List;

/**
 * What one reconciliation pass knows about one cluster: the cluster, its present nodes, its
 * unfinished jobs in queue order, its workspace's locks and quota. Actions update the lists so
 * that later steps of the pass see earlier ones.
 */
final class ClusterPass {

    final ComputeCluster cluster;
    final Workspace workspace;
    final VmSize size;
    final List<Node> nodes;
    final List<Job> jobs;
    final List<ResourceLock> locks;
    final QuotaLedger quota;
    final Instant now;

    ClusterPass(ComputeCluster cluster, Workspace workspace, VmSize size, List<Node> nodes, List<Job> jobs,
                List<ResourceLock> locks, QuotaLedger quota, Instant now) {
        this.cluster = cluster;
        this.workspace = workspace;
        this.size = size;
        this.nodes = new ArrayList<>(nodes);
        this.jobs = new ArrayList<>(jobs);
        this.locks = locks;
        this.quota = quota;
        this.now = now;
    }

    Node node(String id) {
        return nodes.stream().filter(node -> node.id().equals(id)).findFirst().orElse(null);
    }

    void replace(Node before, Node after) {
        int index = nodes.indexOf(before);
        if (after.state() == NodeState.GONE) {
            nodes.remove(index);
        } else {
            nodes.set(index, after);
        }
    }

    void replace(Job before, Job after) {
        int index = jobs.indexOf(before);
        if (after.status().isFinal()) {
            jobs.remove(index);
        } else {
            jobs.set(index, after);
        }
    }

    List<Node> nodesIn(NodeState state) {
        return nodes.stream().filter(node -> node.state() == state).toList();
    }

    String key() {
        return cluster.workspace() + "/" + cluster.name();
    }
}
