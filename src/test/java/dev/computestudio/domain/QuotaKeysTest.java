package dev.computestudio.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QuotaKeysTest {

    private final VmCatalog catalog = VmCatalog.standard();

    @Test
    void defaultsAreTheClouds() {
        assertThat(QuotaKeys.defaultLimit("standardDSv2Family", catalog)).isEqualTo(24);
        assertThat(QuotaKeys.defaultLimit("standardNCFamily", catalog)).isZero();
        assertThat(QuotaKeys.defaultLimit(QuotaKeys.TOTAL_DEDICATED_VCPUS, catalog)).isEqualTo(100);
        assertThat(QuotaKeys.defaultLimit(QuotaKeys.LOW_PRIORITY_VCPUS, catalog)).isEqualTo(100);
        assertThat(QuotaKeys.defaultLimit(QuotaKeys.CLUSTERS, catalog)).isEqualTo(200);
        assertThat(QuotaKeys.defaultLimit(QuotaKeys.NODES_PER_CLUSTER, catalog)).isEqualTo(100);
    }

    @Test
    void usageNamesAreTheOnesTheCloudLists() {
        assertThat(QuotaKeys.usageName("standardDSv2Family")).isEqualTo("Standard DSv2 Family Cluster Dedicated vCPUs");
        assertThat(QuotaKeys.usageName(QuotaKeys.TOTAL_DEDICATED_VCPUS))
                .isEqualTo("Total Cluster Dedicated Regional vCPUs");
        assertThat(QuotaKeys.usageName(QuotaKeys.LOW_PRIORITY_VCPUS))
                .isEqualTo("Total Cluster LowPriority Regional vCPUs");
        assertThat(QuotaKeys.usageName(QuotaKeys.CLUSTERS)).isEqualTo("Clusters");
    }

    @Test
    void knowsOnlyCatalogFamiliesAndRegionalKeys() {
        assertThat(QuotaKeys.isKnown("standardNCSv3Family", catalog)).isTrue();
        assertThat(QuotaKeys.isKnown(QuotaKeys.CLUSTERS, catalog)).isTrue();
        assertThat(QuotaKeys.isKnown("standardFooFamily", catalog)).isFalse();
    }
}
