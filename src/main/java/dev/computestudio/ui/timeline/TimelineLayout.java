package dev.computestudio.ui.timeline;

import dev.computestudio.domain.NodeState;
import dev.computestudio.service.timeline.CountStep;
import dev.computestudio.service.timeline.Marker;
import dev.computestudio.service.timeline.MarkerKind;
import dev.computestudio.service.timeline.NodeRow;
import dev.computestudio.service.timeline.Segment;
import dev.computestudio.service.timeline.Timeline;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Where everything of one frame goes, in pixels, with no toolkit: the count strip on top, the
 * marker lane, the time axis, then one row per node. Only the visible rows and the segments in
 * the viewport are laid out, and segments narrower than a pixel that fall on a pixel already
 * drawn are left out, so a frame costs what the screen can show, not what the log holds.
 */
public final class TimelineLayout {

    public static final double STRIP_HEIGHT = 64;
    public static final double MARKER_HEIGHT = 22;
    public static final double AXIS_HEIGHT = 20;
    public static final double HEADER_HEIGHT = STRIP_HEIGHT + MARKER_HEIGHT + AXIS_HEIGHT;
    public static final double ROW_HEIGHT = 24;
    public static final double BAR_HEIGHT = 18;
    /** The width of one character of the bars' 11 px font, a little generous, to decide whether a label fits. */
    static final double CHAR_WIDTH = 6.8;
    private static final double STRIP_PADDING = 8;
    private static final double MARKER_REACH = 7;
    private static final double MIN_TICK_SPACING = 110;
    private static final long[] TICK_STEPS_SECONDS = {1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200,
            10800, 21600, 43200, 86400, 172800, 604800};
    private static final List<MarkerKind> HIT_PRIORITY = List.of(MarkerKind.ERROR, MarkerKind.PREEMPTION,
            MarkerKind.SCALE_DOWN, MarkerKind.SCALE_UP, MarkerKind.NOT_SCALED, MarkerKind.CHANGE);

    /** A segment's rectangle; {@code label} is the text to write in it, or null when it does not fit. */
    public record Bar(int rowIndex, double x, double y, double width, double height, Segment segment, String label) {
    }

    /** A time axis tick. */
    public record Tick(double x, String text) {
    }

    /** A marker's place on the marker lane. */
    public record MarkerMark(double x, Marker marker) {
    }

    /** A visible row's label slot. */
    public record RowSlot(int index, double y, NodeRow row) {
    }

    /**
     * Everything to draw. The count strip is a step line through {@code countX} with the counts at
     * each x ({@code current}, {@code target}), ending at {@code countEndX}; {@code nowX} is NaN
     * when now is out of view.
     */
    public record Frame(List<Bar> bars, List<Tick> ticks, List<MarkerMark> markers, double[] countX, int[] current,
                        int[] target, double countEndX, int countScale, List<RowSlot> rows, double nowX) {
    }

    private final Timeline timeline;
    private final Viewport viewport;
    private final double width;
    private final double height;
    private final double scrollY;
    private final ZoneId zone;
    private final Locale language;
    private final long startNanos;
    private final double nanosPerPixel;

    /**
     * @param timeline what was loaded (null: nothing yet)
     * @param scrollY  how far the rows are scrolled, in pixels
     * @param language names the months of the axis' dates
     */
    public TimelineLayout(Timeline timeline, Viewport viewport, double width, double height, double scrollY,
                          ZoneId zone, Locale language) {
        this.timeline = timeline;
        this.viewport = viewport;
        this.width = Math.max(1, width);
        this.height = Math.max(1, height);
        this.scrollY = Math.max(0, Math.min(scrollY, maxScroll(timeline, this.height)));
        this.zone = zone;
        this.language = language;
        this.startNanos = nanos(viewport.start());
        this.nanosPerPixel = (double) viewport.span().toNanos() / this.width;
    }

    // Geometry

    public double width() {
        return width;
    }

    public double height() {
        return height;
    }

    public double scrollY() {
        return scrollY;
    }

    public double x(Instant at) {
        return (nanos(at) - startNanos) / nanosPerPixel;
    }

    public Instant time(double x) {
        return viewport.start().plusNanos((long) (x * nanosPerPixel));
    }

    /** The top of row {@code index} on the canvas. */
    public double rowY(int index) {
        return HEADER_HEIGHT + index * ROW_HEIGHT - scrollY;
    }

    public int rowCount() {
        return timeline == null ? 0 : timeline.rows().size();
    }

    public int firstVisibleRow() {
        return (int) Math.floor(scrollY / ROW_HEIGHT);
    }

    public int lastVisibleRow() {
        int last = (int) Math.ceil((scrollY + height - HEADER_HEIGHT) / ROW_HEIGHT);
        return Math.min(rowCount() - 1, last);
    }

    /** How far the rows can scroll: their height beyond the space below the header. */
    public static double maxScroll(Timeline timeline, double height) {
        int rows = timeline == null ? 0 : timeline.rows().size();
        return Math.max(0, rows * ROW_HEIGHT - (height - HEADER_HEIGHT));
    }

    public double countY(int count, int scale) {
        double usable = STRIP_HEIGHT - 2 * STRIP_PADDING;
        return STRIP_PADDING + usable * (1 - (double) count / Math.max(1, scale));
    }

    // The frame

    /** Lays out one frame; {@code labelOf} gives a segment's text (the job of a running one, else its state). */
    public Frame frame(Function<Segment, String> labelOf) {
        List<Bar> bars = new ArrayList<>();
        List<RowSlot> slots = new ArrayList<>();
        List<MarkerMark> marks = new ArrayList<>();
        double[] countX = new double[0];
        int[] current = new int[0];
        int[] target = new int[0];
        double countEndX = 0;
        int scale = 1;
        double nowX = Double.NaN;
        if (timeline != null) {
            Instant end = timeline.end();
            for (int index = Math.max(0, firstVisibleRow()); index <= lastVisibleRow(); index++) {
                NodeRow row = timeline.rows().get(index);
                slots.add(new RowSlot(index, rowY(index), row));
                layRow(index, row, end, labelOf, bars);
            }
            double lastX = Double.NEGATIVE_INFINITY;
            MarkerKind lastKind = null;
            for (Marker marker : timeline.markers()) {
                double x = x(marker.at());
                if (x < -MARKER_REACH || x > width + MARKER_REACH) {
                    continue;
                }
                if (x - lastX >= 1 || marker.kind() != lastKind) {
                    marks.add(new MarkerMark(x, marker));
                    lastX = x;
                    lastKind = marker.kind();
                }
            }
            scale = Math.max(1, timeline.maxCount());
            CountPath path = countPath(timeline.counts(), end);
            countX = path.x;
            current = path.current;
            target = path.target;
            countEndX = Math.min(width, x(end));
            double now = x(timeline.now());
            nowX = now >= 0 && now <= width ? now : Double.NaN;
        }
        return new Frame(bars, ticks(), marks, countX, current, target, countEndX, scale, slots, nowX);
    }

    private void layRow(int index, NodeRow row, Instant end, Function<Segment, String> labelOf, List<Bar> bars) {
        List<Segment> segments = row.segments();
        int first = firstEndingAfter(segments, viewport.start(), end);
        double y = rowY(index) + (ROW_HEIGHT - BAR_HEIGHT) / 2;
        double drawnTo = Double.NEGATIVE_INFINITY;
        for (int i = first; i < segments.size(); i++) {
            Segment segment = segments.get(i);
            if (!segment.start().isBefore(viewport.end())) {
                break;
            }
            double x0 = Math.max(0, x(segment.start()));
            double x1 = Math.min(width, x(segment.endWithin(end)));
            if (x1 <= x0) {
                continue;
            }
            if (x1 - x0 < 1) {
                // Narrower than a pixel: draw one pixel, unless the last bar already covers this one.
                if (Math.floor(x0) < drawnTo) {
                    continue;
                }
                x0 = Math.floor(x0);
                x1 = x0 + 1;
            }
            String label = labelOf.apply(segment);
            boolean fits = label != null && label.length() * CHAR_WIDTH + 8 <= x1 - x0;
            bars.add(new Bar(index, x0, y, x1 - x0, BAR_HEIGHT, segment, fits ? label : null));
            drawnTo = x1;
        }
    }

    /** The first segment that ends after {@code at} (open ones end at {@code end}), by binary search. */
    private static int firstEndingAfter(List<Segment> segments, Instant at, Instant end) {
        int low = 0;
        int high = segments.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (segments.get(middle).endWithin(end).isAfter(at)) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return low;
    }

    private record CountPath(double[] x, int[] current, int[] target) {
    }

    /** The steps in view, at most one per pixel (the last value of a pixel wins). */
    private CountPath countPath(List<CountStep> steps, Instant end) {
        double[] xs = new double[Math.min(steps.size(), (int) width + 2)];
        int[] current = new int[xs.length];
        int[] target = new int[xs.length];
        int n = 0;
        for (int i = 0; i < steps.size(); i++) {
            CountStep step = steps.get(i);
            boolean lastBeforeView = i + 1 < steps.size() && !steps.get(i + 1).at().isAfter(viewport.start());
            if (lastBeforeView) {
                continue;
            }
            if (!step.at().isBefore(viewport.end()) || step.at().isAfter(end)) {
                break;
            }
            double x = Math.max(0, x(step.at()));
            if (n > 0 && Math.floor(x) == Math.floor(xs[n - 1])) {
                current[n - 1] = step.current();
                target[n - 1] = step.target();
                continue;
            }
            if (n == xs.length) {
                break;
            }
            xs[n] = x;
            current[n] = step.current();
            target[n] = step.target();
            n++;
        }
        return new CountPath(Arrays.copyOf(xs, n), Arrays.copyOf(current, n),
                Arrays.copyOf(target, n));
    }

    /** Ticks at round local times, at least {@link #MIN_TICK_SPACING} pixels apart. */
    public List<Tick> ticks() {
        double secondsPerPixel = nanosPerPixel / 1e9;
        long step = TICK_STEPS_SECONDS[TICK_STEPS_SECONDS.length - 1];
        for (long candidate : TICK_STEPS_SECONDS) {
            if (candidate / secondsPerPixel >= MIN_TICK_SPACING) {
                step = candidate;
                break;
            }
        }
        DateTimeFormatter format = DateTimeFormatter.ofPattern(step < 60 ? "HH:mm:ss" : step < 86400 ? "HH:mm"
                : "d MMM", language).withZone(zone);
        long offset = zone.getRules().getOffset(viewport.start()).getTotalSeconds();
        long firstLocal = Math.floorDiv(viewport.start().getEpochSecond() + offset + step - 1, step) * step;
        List<Tick> ticks = new ArrayList<>();
        for (long local = firstLocal; ; local += step) {
            Instant at = Instant.ofEpochSecond(local - offset);
            double x = x(at);
            if (x > width) {
                break;
            }
            ticks.add(new Tick(x, format.format(at)));
        }
        return ticks;
    }

    // Hit testing

    /** What is at ({@code x}, {@code y}) on the canvas: a marker (in the strip and marker lane) or a segment. */
    public Hit hit(double x, double y) {
        if (timeline == null || x < 0 || x > width) {
            return null;
        }
        if (y < STRIP_HEIGHT + MARKER_HEIGHT) {
            Marker best = null;
            double bestDistance = MARKER_REACH;
            for (Marker marker : timeline.markers()) {
                double distance = Math.abs(x(marker.at()) - x);
                boolean closer = distance < bestDistance - 0.5;
                boolean asCloseButMoreImportant = best != null && Math.abs(distance - bestDistance) <= 0.5
                        && HIT_PRIORITY.indexOf(marker.kind()) < HIT_PRIORITY.indexOf(best.kind());
                if (distance <= MARKER_REACH && (best == null || closer || asCloseButMoreImportant)) {
                    best = marker;
                    bestDistance = distance;
                }
            }
            return best == null ? null : new Hit.OnMarker(best);
        }
        if (y < HEADER_HEIGHT) {
            return null;
        }
        int index = (int) Math.floor((y - HEADER_HEIGHT + scrollY) / ROW_HEIGHT);
        if (index < 0 || index >= rowCount()) {
            return null;
        }
        NodeRow row = timeline.rows().get(index);
        Segment segment = row.segmentAt(time(x), timeline.end());
        return segment == null ? null : new Hit.OnSegment(row, segment);
    }

    /** A running segment names its job; other states their own (translated) name. */
    public static String defaultLabel(Segment segment, Function<NodeState, String> stateName) {
        return segment.state() == NodeState.RUNNING && segment.job() != null ? segment.job()
                : stateName.apply(segment.state());
    }

    private static long nanos(Instant at) {
        return at.getEpochSecond() * 1_000_000_000L + at.getNano();
    }
}
