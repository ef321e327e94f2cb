package dev.computestudio.service.timeline;

import dev.computestudio.domain.Message;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One row of the timeline: a node and its segments in time order, with gaps where it did not
 * exist. A node the engine removed keeps its row ({@code gone}); one that appeared again after it
 * had gone ({@code cameBack}) shows a gap between its two lives.
 *
 * @param label     a short name for the row, e.g. {@code node 3}, by code
 * @param createdAt when the node was created, or null when only its events are known
 */
public record NodeRow(String nodeId, Message label, Instant createdAt, List<Segment> segments, boolean gone,
                      boolean cameBack) {

    public NodeRow {
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(label, "label");
        segments = List.copyOf(segments);
    }

    /** The segment the node was in at {@code at}, or null (a gap, or outside the window). */
    public Segment segmentAt(Instant at, Instant windowEnd) {
        int low = 0;
        int high = segments.size() - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            Segment segment = segments.get(middle);
            if (at.isBefore(segment.start())) {
                high = middle - 1;
            } else if (!at.isBefore(segment.endWithin(windowEnd))) {
                low = middle + 1;
            } else {
                return segment;
            }
        }
        return null;
    }
}
