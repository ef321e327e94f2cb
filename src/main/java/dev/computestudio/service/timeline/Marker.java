package dev.computestudio.service.timeline;

import dev.computestudio.domain.Message;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * A decision or incident drawn above the rows, with its answer to "why?".
 *
 * @param code    the decision or error as logged, e.g. SCALE_DOWN, KEPT_IDLE_TIME, QuotaExceeded, PREEMPTED
 * @param nodeId  the node it is about, if one
 * @param jobName the job it is about, if one (the job a preemption interrupted)
 * @param reason  the engine's own words, as logged, or null when it logged none
 * @param why     the answer to "why?": what happened, with the engine's reason inside it
 */
public record Marker(Instant at, MarkerKind kind, String code, String nodeId, String jobName, Message reason,
                     Message why) {

    public Marker {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(why, "why");
    }

    /**
     * Whether the marker is about this node: its own node, or a node its reason names (a scale-down
     * names the node it removed, a note the idle nodes it kept, alone or as a comma-separated list).
     */
    public boolean concerns(String node) {
        return node.equals(nodeId) || reason != null && names(reason, node);
    }

    private static boolean names(Message text, String node) {
        for (Object argument : text.arguments()) {
            if (argument instanceof Message nested && names(nested, node)
                    || argument instanceof String ids && Arrays.asList(ids.split(", ")).contains(node)) {
                return true;
            }
        }
        return false;
    }
}
