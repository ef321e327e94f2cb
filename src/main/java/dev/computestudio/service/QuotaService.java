package dev.computestudio.service;

import dev.computestudio.domain.Message;
import dev.computestudio.domain.ComputeCluster;
import dev.computestudio.domain.NodeState;
import dev.computestudio.domain.QuotaKeys;
import dev.computestudio.domain.QuotaLedger;
import dev.computestudio.domain.QuotaUsage;
import dev.computestudio.domain.ValidationException;
import dev.computestudio.domain.VmCatalog;
import dev.computestudio.domain.port.ClusterRepository;
import dev.computestudio.domain.port.NodeRepository;
import dev.computestudio.domain.port.QuotaRepository;
import dev.computestudio.domain.port.WorkspaceRepository;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A workspace's quota: what is used of each limit, and raising a limit (the cloud's support request). */
public final class QuotaService {

    private final QuotaRepository quota;
    private final WorkspaceRepository workspaces;
    private final ClusterRepository clusters;
    private final NodeRepository nodes;
    private final VmCatalog catalog;

    public QuotaService(QuotaRepository quota, WorkspaceRepository workspaces, ClusterRepository clusters,
                        NodeRepository nodes, VmCatalog catalog) {
        this.quota = quota;
        this.workspaces = workspaces;
        this.clusters = clusters;
        this.nodes = nodes;
        this.catalog = catalog;
    }

    public List<QuotaUsage> usage(String workspace) {
        return ledger(workspace).usages();
    }

    /** The quota as the engine sees it now. */
    public QuotaLedger ledger(String workspace) {
        workspaces.require(workspace);
        List<ComputeCluster> all = clusters.list(workspace);
        Map<String, Integer> counts = new HashMap<>();
        for (ComputeCluster cluster : all) {
            counts.put(cluster.name(), (int) nodes.listPresent(workspace, cluster.name()).stream()
                    .filter(node -> node.state() != NodeState.PREEMPTED).count());
        }
        return new QuotaLedger(catalog, quota.limits(workspace), all, counts);
    }

    public void setLimit(String workspace, String key, int limit) {
        workspaces.require(workspace);
        if (!QuotaKeys.isKnown(key, catalog)) {
            throw ValidationException.of("key", "quota-key", Message.of("invalid.quota.key", key,
                    QuotaKeys.TOTAL_DEDICATED_VCPUS, QuotaKeys.LOW_PRIORITY_VCPUS, QuotaKeys.CLUSTERS,
                    QuotaKeys.NODES_PER_CLUSTER));
        }
        if (limit < 0) {
            throw ValidationException.of("limit", "non-negative", Message.of("invalid.value.non-negative", limit));
        }
        quota.setLimit(workspace, key, limit);
    }
}
