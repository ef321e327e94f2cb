package dev.computestudio.engine;

import java.time.Duration;

/**
 * The engine's tunables.
 *
 * @param tick                    time between reconciliation passes
 * @param preemptionsPerNodeHour  chance rate of a low-priority node being preempted, per node-hour (0: only on command)
 * @param leaseStaleAfter         a holder whose heartbeat is older than this has lost the lease
 * @param preemptedNodeLinger     how long a preempted node stays visible before the platform reclaims it
 */
public record EngineSettings(Duration tick, double preemptionsPerNodeHour, Duration leaseStaleAfter,
                             Duration preemptedNodeLinger) {

    public static EngineSettings defaults() {
        return new EngineSettings(Duration.ofSeconds(1), 0, Duration.ofSeconds(5), Duration.ofSeconds(10));
    }

    public EngineSettings withTick(Duration newTick) {
        return new EngineSettings(newTick, preemptionsPerNodeHour, leaseStaleAfter, preemptedNodeLinger);
    }

    public EngineSettings withPreemptionsPerNodeHour(double rate) {
        return new EngineSettings(tick, rate, leaseStaleAfter, preemptedNodeLinger);
    }
}
