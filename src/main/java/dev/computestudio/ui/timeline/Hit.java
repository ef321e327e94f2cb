package dev.computestudio.ui.timeline;

import dev.computestudio.service.timeline.Marker;
import dev.computestudio.service.timeline.NodeRow;
import dev.computestudio.service.timeline.Segment;

/** What lies under the pointer: a node's segment or a marker. */
public sealed interface Hit {

    record OnSegment(NodeRow row, Segment segment) implements Hit {
    }

    record OnMarker(Marker marker) implements Hit {
    }
}
