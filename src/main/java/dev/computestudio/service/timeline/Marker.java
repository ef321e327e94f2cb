package dev.computestudio.service.timeline;

import java.time.Instant;
import java.util.Objects;

/**
 * A decision or incident drawn above the rows, with its answer to "why?".
 *
 * @param code   the decision or error as logged, e.g. SCALE_DOWN, KEPT_IDLE_TIME, QuotaExceeded, PREEMPTED
 * @param nodeId the node it is about, if one
 * @param jobName the job it is about, if one (the job a preemption interrupted)
 * @param reason the engine's own words, as logged
 * @param why    a sentence that answers "why?" in plain English: what happened and the reason
 */
public record Marker(Instant at, MarkerKind kind, String code, String nodeId, String jobName, String reason,
                     String why) {

    public Marker {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(why, "why");
    }
}
