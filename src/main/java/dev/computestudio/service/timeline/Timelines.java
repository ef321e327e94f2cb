package dev.computestudio.service.timeline;

import dev.computestudio.domain.LogEvent;
import dev.computestudio.domain.Node;

import java.time.Instant;
import java.util.List;

/** Puts a timeline together from what the stores gave for a window; no storage, no clock. */
public final class Timelines {

    private Timelines() {
    }

    public static Timeline assemble(String workspace, String cluster, Instant from, Instant to, Instant now,
                                    List<Node> nodes, List<LogEvent> startStates, List<LogEvent> window) {
        List<NodeRow> rows = SegmentBuilder.build(nodes, startStates, window, from);
        Instant end = to.isAfter(now) ? now : to;
        List<CountStep> counts = CountStrip.steps(rows, from, end.isAfter(from) ? end : from);
        return new Timeline(workspace, cluster, from, to, now, rows, counts, Markers.of(startStates, window), window);
    }
}
