package dev.computestudio.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VmCatalogTest {

    private final VmCatalog catalog = VmCatalog.standard();

    @Test
    void holdsTheTwentyFourSizesOfTheDomain() {
        assertThat(catalog.sizes()).hasSize(24);
        assertThat(catalog.sizes()).extracting(VmSize::name).contains("Standard_D1_v2", "Standard_ND96asr_v4");
    }

    @Test
    void findsSizesIgnoringCase() {
        VmSize size = catalog.find("standard_ds3_V2").orElseThrow();

        assertThat(size.name()).isEqualTo("Standard_DS3_v2");
        assertThat(size.vCpus()).isEqualTo(4);
        assertThat(size.memoryGiB()).isEqualTo(14.0);
        assertThat(size.family()).isEqualTo("standardDSv2Family");
        assertThat(catalog.find("Standard_X1")).isEmpty();
        assertThat(catalog.find(null)).isEmpty();
    }

    @Test
    void gpuSizesCarryTheirGpus() {
        VmSize nc6 = catalog.find("Standard_NC6").orElseThrow();

        assertThat(nc6.isGpu()).isTrue();
        assertThat(nc6.gpus()).isEqualTo(1);
        assertThat(nc6.family()).isEqualTo("standardNCFamily");
        assertThat(catalog.find("Standard_ND40rs_v2").orElseThrow().gpus()).isEqualTo(8);
    }

    @Test
    void lowPriorityIsCheaperThanDedicatedForEverySize() {
        assertThat(catalog.sizes()).allSatisfy(size ->
                assertThat(size.pricePerHour(VmTier.LOW_PRIORITY)).isLessThan(size.pricePerHour(VmTier.DEDICATED)));
    }
}
