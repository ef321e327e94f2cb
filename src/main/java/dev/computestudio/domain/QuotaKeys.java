package dev.computestudio.domain;

/**
 * The quota a workspace's region has: one key per VM family for dedicated vCPUs, plus regional
 * totals. Defaults are the cloud's starting limits; raising one stands for a support request.
 */
public final class QuotaKeys {

    public static final String TOTAL_DEDICATED_VCPUS = "totalDedicatedVCpus";
    public static final String LOW_PRIORITY_VCPUS = "lowPriorityVCpus";
    public static final String CLUSTERS = "clusters";
    public static final String NODES_PER_CLUSTER = "nodesPerCluster";

    public static final int DEFAULT_CPU_FAMILY_VCPUS = 24;
    public static final int DEFAULT_GPU_FAMILY_VCPUS = 0;
    public static final int DEFAULT_TOTAL_DEDICATED_VCPUS = 100;
    public static final int DEFAULT_LOW_PRIORITY_VCPUS = 100;
    public static final int DEFAULT_CLUSTERS = 200;
    public static final int DEFAULT_NODES_PER_CLUSTER = 100;

    private QuotaKeys() {
    }

    /** The default limit of a key: a family name (e.g. standardDSv2Family) or one of the constants. */
    public static int defaultLimit(String key, VmCatalog catalog) {
        return switch (key) {
            case TOTAL_DEDICATED_VCPUS -> DEFAULT_TOTAL_DEDICATED_VCPUS;
            case LOW_PRIORITY_VCPUS -> DEFAULT_LOW_PRIORITY_VCPUS;
            case CLUSTERS -> DEFAULT_CLUSTERS;
            case NODES_PER_CLUSTER -> DEFAULT_NODES_PER_CLUSTER;
            default -> isGpuFamily(key, catalog) ? DEFAULT_GPU_FAMILY_VCPUS : DEFAULT_CPU_FAMILY_VCPUS;
        };
    }

    public static boolean isKnown(String key, VmCatalog catalog) {
        return switch (key) {
            case TOTAL_DEDICATED_VCPUS, LOW_PRIORITY_VCPUS, CLUSTERS, NODES_PER_CLUSTER -> true;
            default -> catalog.sizes().stream().anyMatch(size -> size.family().equals(key));
        };
    }

    /** The usage name the cloud lists, e.g. "Standard DSv2 Family Cluster Dedicated vCPUs". */
    public static String usageName(String key) {
        return switch (key) {
            case TOTAL_DEDICATED_VCPUS -> "Total Cluster Dedicated Regional vCPUs";
            case LOW_PRIORITY_VCPUS -> "Total Cluster LowPriority Regional vCPUs";
            case CLUSTERS -> "Clusters";
            case NODES_PER_CLUSTER -> "Nodes Per Cluster";
            default -> familyDisplayName(key) + " Cluster Dedicated vCPUs";
        };
    }

    /** standardDSv2Family -> "Standard DSv2 Family". */
    public static String familyDisplayName(String family) {
        String core = family.startsWith("standard") ? family.substring("standard".length()) : family;
        if (core.endsWith("Family")) {
            core = core.substring(0, core.length() - "Family".length());
        }
        return "Standard " + core + " Family";
    }

    private static boolean isGpuFamily(String family, VmCatalog catalog) {
        return catalog.sizes().stream().anyMatch(size -> size.family().equals(family) && size.isGpu());
    }
}
