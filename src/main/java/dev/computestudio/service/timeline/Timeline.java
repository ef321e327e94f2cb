package dev.computestudio.service.timeline;

import dev.computestudio.domain.LogEvent;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the node timeline shows of one cluster for the window {@code [from, to)}: a row per node
 * that existed in it (gone ones included), the node counts over time, the markers, and the raw
 * events of the window (for export).
 *
 * @param now when it was read; segments still open end there when the window reaches past it
 */
public record Timeline(String workspace, String cluster, Instant from, Instant to, Instant now, List<NodeRow> rows,
                       List<CountStep> counts, List<Marker> markers, List<LogEvent> events) {

    public Timeline {
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(now, "now");
        rows = List.copyOf(rows);
        counts = List.copyOf(counts);
        markers = List.copyOf(markers);
        events = List.copyOf(events);
    }

    /** Where the drawn history stops: the window's end, or now when the window reaches into the future. */
    public Instant end() {
        return to.isAfter(now) ? now : to;
    }

    /** The largest node count in the window, for the scale of the count strip. */
    public int maxCount() {
        return counts.stream().mapToInt(step -> Math.max(step.current(), step.target())).max().orElse(0);
    }

    /** The highest sequence number among the window's events (0 when it has none). */
    public long lastSequence() {
        return events.isEmpty() ? 0 : events.stream().mapToLong(LogEvent::sequence).max().orElse(0);
    }

    /**
     * The same history seen later: open segments and the count strip reach the new end. Only valid
     * when no event of the cluster was written since this was read.
     */
    public Timeline extendedTo(Instant newTo, Instant newNow) {
        return new Timeline(workspace, cluster, from, newTo.isAfter(to) ? newTo : to, newNow, rows, counts, markers,
                events);
    }

    public int segmentCount() {
        return rows.stream().mapToInt(row -> row.segments().size()).sum();
    }
}
