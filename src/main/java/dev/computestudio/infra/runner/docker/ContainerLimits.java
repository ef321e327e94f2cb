package dev.computestudio.infra.runner.docker;

import dev.computestudio.domain.VmSize;

/**
 * How much of this machine a node container may use, from its VM size: as many CPUs as the size
 * has vCPUs but never more than this machine has, and as much memory as the size has but never
 * more than half of this machine's memory (the README states the same rule).
 */
record ContainerLimits(long nanoCpus, long memoryBytes) {

    static ContainerLimits of(VmSize size, int hostCpus, long hostMemoryBytes) {
        long cpus = Math.min(size.vCpus(), hostCpus);
        long memory = Math.min((long) (size.memoryGiB() * 1024 * 1024 * 1024), hostMemoryBytes / 2);
        return new ContainerLimits(cpus * 1_000_000_000L, memory);
    }
}
