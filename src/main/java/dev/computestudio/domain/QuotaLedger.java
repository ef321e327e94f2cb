package dev.computestudio.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The quota of one workspace at one moment: its limits and what its clusters' nodes use. Node
 * counts are those present (preparing to leaving); a deleted cluster is simply not listed, which
 * is how deleting releases quota.
 */
public final class QuotaLedger {

    private final VmCatalog catalog;
    private final Map<String, Integer> overrides;
    private final Map<String, Long> used = new LinkedHashMap<>();
    private final int clusterCount;

    /**
     * @param nodeCounts present nodes per cluster name
     */
    public QuotaLedger(VmCatalog catalog, Map<String, Integer> overrides, List<ComputeCluster> clusters,
                       Map<String, Integer> nodeCounts) {
        this.catalog = catalog;
        this.overrides = Map.copyOf(overrides);
        this.clusterCount = clusters.size();
        for (ComputeCluster cluster : clusters) {
            int nodes = nodeCounts.getOrDefault(cluster.name(), 0);
            catalog.find(cluster.spec().size()).ifPresent(size -> charge(cluster.spec().tier(), size, nodes));
        }
    }

    public int limit(String key) {
        return overrides.getOrDefault(key, QuotaKeys.defaultLimit(key, catalog));
    }

    public long used(String key) {
        return used.getOrDefault(key, 0L);
    }

    /**
     * How many of {@code wanted} new nodes of this size and tier fit in the vCPU quota; the answer
     * says which limit stopped it when not all fit.
     */
    public Fit fit(VmSize size, VmTier tier, int wanted) {
        List<String> keys = tier == VmTier.DEDICATED
                ? List.of(size.family(), QuotaKeys.TOTAL_DEDICATED_VCPUS)
                : List.of(QuotaKeys.LOW_PRIORITY_VCPUS);
        int fits = wanted;
        String binding = null;
        for (String key : keys) {
            long free = Math.max(0, limit(key) - used(key));
            int nodes = (int) Math.min(Integer.MAX_VALUE, free / Math.max(1, size.vCpus()));
            if (nodes < fits) {
                fits = nodes;
                binding = key;
            }
        }
        return new Fit(fits, binding);
    }

    /** Records nodes as used, so that later decisions in the same pass see them. */
    public void charge(VmTier tier, VmSize size, int nodes) {
        long vcpus = (long) nodes * size.vCpus();
        if (tier == VmTier.DEDICATED) {
            used.merge(size.family(), vcpus, Long::sum);
            used.merge(QuotaKeys.TOTAL_DEDICATED_VCPUS, vcpus, Long::sum);
        } else {
            used.merge(QuotaKeys.LOW_PRIORITY_VCPUS, vcpus, Long::sum);
        }
    }

    /** The rows of list-usage: clusters, the regional totals, then every VM family of the catalog. */
    public List<QuotaUsage> usages() {
        List<QuotaUsage> rows = new ArrayList<>();
        rows.add(new QuotaUsage(QuotaKeys.CLUSTERS, QuotaKeys.usageName(QuotaKeys.CLUSTERS), clusterCount,
                limit(QuotaKeys.CLUSTERS), "Count"));
        for (String key : List.of(QuotaKeys.TOTAL_DEDICATED_VCPUS, QuotaKeys.LOW_PRIORITY_VCPUS)) {
            rows.add(new QuotaUsage(key, QuotaKeys.usageName(key), used(key), limit(key), "vCPUs"));
        }
        TreeSet<String> families = new TreeSet<>();
        catalog.sizes().forEach(size -> families.add(size.family()));
        for (String family : families) {
            rows.add(new QuotaUsage(family, QuotaKeys.usageName(family), used(family), limit(family), "vCPUs"));
        }
        return rows;
    }

    /** The answer of {@link #fit}: how many nodes fit, and the quota key that limited it (null when all fit). */
    public record Fit(int nodes, String limitingKey) {
    }
}
