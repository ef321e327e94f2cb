package dev.computestudio.domain.port;

import java.time.Instant;
import java.util.Optional;

/**
 * The right to run the scheduler: one row with an owner and a heartbeat. A process takes it when
 * it is free or its holder's heartbeat is older than the staleness bound.
 */
public interface EngineLease {

    /** Takes or keeps the lease; true when {@code owner} holds it afterwards. */
    boolean tryAcquire(String owner, String description, Instant now, Instant staleBefore);

    /** Gives the lease back if {@code owner} holds it. */
    void release(String owner);

    /** Who holds the lease and since when they last beat, if anyone does. */
    Optional<Holder> holder();

    record Holder(String owner, String description, Instant heartbeat) {
    }
}
