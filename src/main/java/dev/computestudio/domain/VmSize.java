package dev.computestudio.domain;

import java.util.Objects;

/**
 * A VM size of the catalog. The hourly prices are illustrative list prices (Linux, East US) so that
 * the studio can show what a configuration would cost in the cloud; nothing is charged here.
 */
public record VmSize(String name, int vCpus, double memoryGiB, int gpus, String gpuModel, String family,
                     double dedicatedPricePerHour, double lowPriorityPricePerHour) {

    public VmSize {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(family, "family");
        gpuModel = gpuModel == null ? "" : gpuModel;
    }

    public boolean isGpu() {
        return gpus > 0;
    }

    public double pricePerHour(VmTier tier) {
        return tier == VmTier.DEDICATED ? dedicatedPricePerHour : lowPriorityPricePerHour;
    }
}
