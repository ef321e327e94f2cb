package dev.computestudio.ui.timeline;

import java.time.Duration;

/** The spans the range picker offers; ALL reaches back to the cluster's creation. */
public enum TimeRange {
    LAST_5_MINUTES(Duration.ofMinutes(5)),
    LAST_HOUR(Duration.ofHours(1)),
    LAST_DAY(Duration.ofDays(1)),
    ALL(null);

    private final Duration span;

    TimeRange(Duration span) {
        this.span = span;
    }

    /** The span, or null for ALL. */
    public Duration span() {
        return span;
    }

    /** A stable lower-case name for ids and message keys, e.g. {@code last-5-minutes}. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
