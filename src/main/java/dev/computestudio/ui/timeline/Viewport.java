package dev.computestudio.ui.timeline;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** The visible time span {@code [start, end)}, and how zooming and panning move it. */
public record Viewport(Instant start, Instant end) {

    /** Zooming in stops at this span: a few seconds still show a state change clearly. */
    public static final Duration MIN_SPAN = Duration.ofSeconds(5);
    /** Zooming out stops at this span. */
    public static final Duration MAX_SPAN = Duration.ofDays(60);

    public Viewport {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("a viewport must start before it ends: " + start + " - " + end);
        }
    }

    public static Viewport ending(Instant end, Duration span) {
        return new Viewport(end.minus(span), end);
    }

    public Duration span() {
        return Duration.between(start, end);
    }

    public long spanMillis() {
        return Math.max(1, span().toMillis());
    }

    /**
     * Scales the span by {@code factor} (below 1 zooms in) around the instant at {@code anchor}
     * (0 the left edge, 1 the right edge), which stays where it is on the screen.
     */
    public Viewport zoom(double factor, double anchor) {
        double clampedAnchor = Math.max(0, Math.min(1, anchor));
        long span = span().toNanos();
        long newSpan = (long) Math.max(MIN_SPAN.toNanos(), Math.min(MAX_SPAN.toNanos(), span * factor));
        Instant pivot = start.plusNanos((long) (span * clampedAnchor));
        Instant newStart = pivot.minusNanos((long) (newSpan * clampedAnchor));
        return new Viewport(newStart, newStart.plusNanos(newSpan));
    }

    /** Moves by {@code fraction} of the span: positive goes later in time. */
    public Viewport pan(double fraction) {
        long shift = (long) (span().toNanos() * fraction);
        return new Viewport(start.plusNanos(shift), end.plusNanos(shift));
    }

    /** The same span moved so it ends no later than {@code latest}. */
    public Viewport notAfter(Instant latest) {
        return end.isAfter(latest) ? new Viewport(latest.minus(span()), latest) : this;
    }
}
