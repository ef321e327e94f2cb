package dev.computestudio.ui.timeline;

import dev.computestudio.service.timeline.MarkerKind;
import dev.computestudio.service.timeline.Segment;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * Draws a laid-out frame on a canvas: count strip, marker lane, axis, rows of bars, the now line,
 * the hovered segment and the selected marker. It decides nothing: {@link TimelineLayout} says where.
 */
public final class TimelinePainter {

    /** The theme's colours, read from the scene's stylesheet so both themes look right. */
    public record Colors(Color background, Color subtle, Color text, Color muted, Color grid, Color accent) {

        public static final Colors LIGHT = new Colors(Color.WHITE, Color.web("#f6f8fa"), Color.web("#1f2328"),
                Color.web("#656d76"), Color.web("#d0d7de"), Color.web("#0969da"));
        /** For the legend's glyphs, which sit on either theme's background. */
        static final Colors LEGEND = new Colors(Color.TRANSPARENT, Color.TRANSPARENT, Color.web("#57606a"),
                Color.web("#8c959f"), Color.web("#8c959f"), Color.web("#0969da"));
    }

    static final Color SCALE_UP = Color.web("#009E73");
    static final Color SCALE_DOWN = Color.web("#56B4E9");
    static final Color ERROR = Color.web("#F0E442");
    static final Color PREEMPTION = Color.web("#D55E00");
    private static final Font BAR_FONT = Font.font("System", 11);
    private static final Font AXIS_FONT = Font.font("System", 11);
    private static final Font SMALL_BOLD = Font.font("System", FontWeight.BOLD, 10);

    private final StateStyle styles = new StateStyle();

    /** Needs the JavaFX toolkit: it builds the states' pattern tiles. */
    public TimelinePainter() {
    }

    public void paint(GraphicsContext g, TimelineLayout layout, TimelineLayout.Frame frame, Colors colors,
                      String nowLabel) {
        double width = layout.width();
        double height = layout.height();
        g.setLineDashes();
        g.setFill(colors.background());
        g.fillRect(0, 0, width, height);

        g.setFill(colors.subtle());
        g.fillRect(0, 0, width, TimelineLayout.STRIP_HEIGHT);
        for (TimelineLayout.RowSlot slot : frame.rows()) {
            if (slot.index() % 2 == 1) {
                g.fillRect(0, slot.y(), width, TimelineLayout.ROW_HEIGHT);
            }
        }

        // Grid and axis
        g.setStroke(colors.grid());
        g.setLineWidth(1);
        g.setFont(AXIS_FONT);
        g.setFill(colors.muted());
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        double axisY = TimelineLayout.STRIP_HEIGHT + TimelineLayout.MARKER_HEIGHT;
        for (TimelineLayout.Tick tick : frame.ticks()) {
            double x = Math.floor(tick.x()) + 0.5;
            g.strokeLine(x, 0, x, height);
            if (x + 4 + tick.text().length() * TimelineLayout.CHAR_WIDTH <= width) {
                g.fillText(tick.text(), x + 4, axisY + TimelineLayout.AXIS_HEIGHT / 2);
            }
        }
        g.strokeLine(0, TimelineLayout.STRIP_HEIGHT + 0.5, width, TimelineLayout.STRIP_HEIGHT + 0.5);
        g.strokeLine(0, TimelineLayout.HEADER_HEIGHT - 0.5, width, TimelineLayout.HEADER_HEIGHT - 0.5);

        paintCounts(g, layout, frame, colors);

        // Rows: clipped below the header, so scrolled rows do not draw over it.
        g.save();
        g.beginPath();
        g.rect(0, TimelineLayout.HEADER_HEIGHT, width, Math.max(0, height - TimelineLayout.HEADER_HEIGHT));
        g.clip();
        g.setFont(BAR_FONT);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        for (TimelineLayout.Bar bar : frame.bars()) {
            var state = bar.segment().state();
            // A pattern needs room to be seen; a sliver gets the plain colour, which is cheaper to fill.
            g.setFill(bar.width() < 6 ? StateStyle.base(state) : styles.fill(state));
            g.fillRect(bar.x(), bar.y(), bar.width(), bar.height());
            if (bar.width() >= 3) {
                g.setStroke(StateStyle.border(state));
                g.strokeRect(bar.x() + 0.5, bar.y() + 0.5, bar.width() - 1, bar.height() - 1);
            }
            if (bar.label() != null) {
                paintLabel(g, bar);
            }
        }
        g.restore();

        paintMarkers(g, frame, colors);

        if (!Double.isNaN(frame.nowX())) {
            double x = Math.floor(frame.nowX()) - 0.5;
            g.setStroke(colors.accent());
            g.setLineWidth(2);
            g.strokeLine(x, TimelineLayout.STRIP_HEIGHT, x, height);
            g.setLineWidth(1);
            g.setFill(colors.accent());
            g.setFont(SMALL_BOLD);
            g.setTextAlign(TextAlignment.RIGHT);
            g.fillText(nowLabel, x - 3, axisY + TimelineLayout.AXIS_HEIGHT / 2);
        }
    }

    /**
     * What follows the pointer, on a transparent canvas above the chart, so that hovering redraws
     * an outline and a line instead of every bar.
     */
    public void paintOverlay(GraphicsContext g, TimelineLayout layout, TimelineLayout.Frame frame, Colors colors,
                             Segment hovered, Double selectedMarkerX) {
        g.clearRect(0, 0, layout.width(), layout.height());
        if (hovered != null) {
            g.save();
            g.beginPath();
            g.rect(0, TimelineLayout.HEADER_HEIGHT, layout.width(),
                    Math.max(0, layout.height() - TimelineLayout.HEADER_HEIGHT));
            g.clip();
            g.setStroke(colors.text());
            g.setLineWidth(2);
            for (TimelineLayout.Bar bar : frame.bars()) {
                if (bar.segment().equals(hovered)) {
                    g.strokeRect(bar.x() - 1, bar.y() - 1, bar.width() + 2, bar.height() + 2);
                }
            }
            g.restore();
        }
        if (selectedMarkerX != null) {
            g.setStroke(colors.accent());
            g.setLineWidth(1.5);
            g.setLineDashes(4, 3);
            g.strokeLine(selectedMarkerX, TimelineLayout.STRIP_HEIGHT, selectedMarkerX, layout.height());
            g.setLineDashes();
        }
        g.setLineWidth(1);
    }

    /** Job names and state names inside bars: white on the dark running blue, black on the light fills. */
    private static void paintLabel(GraphicsContext g, TimelineLayout.Bar bar) {
        var state = bar.segment().state();
        double tagWidth = bar.label().length() * TimelineLayout.CHAR_WIDTH + 2;
        double x = bar.x() + 4;
        if (StateStyle.pattern(state) != StateStyle.Pattern.SOLID) {
            // A plain patch behind the text keeps it readable over the pattern.
            g.setFill(StateStyle.base(state));
            g.fillRect(x - 2, bar.y() + 3, tagWidth, bar.height() - 6);
        }
        g.setFill(StateStyle.text(state));
        g.fillText(bar.label(), x, bar.y() + bar.height() / 2);
    }

    private static void paintCounts(GraphicsContext g, TimelineLayout layout, TimelineLayout.Frame frame,
                                    Colors colors) {
        int scale = frame.countScale();
        double[] xs = frame.countX();
        if (xs.length > 0) {
            g.setLineWidth(2);
            g.setStroke(colors.text());
            stepLine(g, layout, xs, frame.current(), frame.countEndX(), scale);
            // Dashed on top, so that where both counts agree both lines still show.
            g.setStroke(colors.accent());
            g.setLineDashes(6, 4);
            stepLine(g, layout, xs, frame.target(), frame.countEndX(), scale);
            g.setLineDashes();
            g.setLineWidth(1);
        }
        // The scale's two ends, on small patches so that the lines never run through them.
        g.setFont(AXIS_FONT);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        for (int count : new int[] {scale, 0}) {
            String text = Integer.toString(count);
            double y = layout.countY(count, scale);
            g.setFill(colors.subtle());
            g.fillRect(1, y - 7, text.length() * TimelineLayout.CHAR_WIDTH + 6, 14);
            g.setFill(colors.muted());
            g.fillText(text, 4, y);
        }
    }

    private static void stepLine(GraphicsContext g, TimelineLayout layout, double[] xs, int[] values, double endX,
                                 int scale) {
        g.beginPath();
        g.moveTo(xs[0], layout.countY(values[0], scale));
        for (int i = 1; i < xs.length; i++) {
            g.lineTo(xs[i], layout.countY(values[i - 1], scale));
            g.lineTo(xs[i], layout.countY(values[i], scale));
        }
        g.lineTo(Math.max(endX, xs[xs.length - 1]), layout.countY(values[values.length - 1], scale));
        g.stroke();
    }

    private static void paintMarkers(GraphicsContext g, TimelineLayout.Frame frame, Colors colors) {
        double y = TimelineLayout.STRIP_HEIGHT + TimelineLayout.MARKER_HEIGHT / 2;
        for (TimelineLayout.MarkerMark mark : frame.markers()) {
            glyph(g, mark.marker().kind(), mark.x(), y, colors);
        }
    }

    /** A marker's shape, so kinds differ by shape as well as by colour. Also used by the legend. */
    static void glyph(GraphicsContext g, MarkerKind kind, double x, double y, Colors colors) {
        double r = 6;
        g.setLineWidth(1.2);
        g.setStroke(colors.text());
        switch (kind) {
            case SCALE_UP -> {
                g.setFill(SCALE_UP);
                polygon(g, new double[] {x - r, x + r, x}, new double[] {y + r - 1, y + r - 1, y - r});
            }
            case SCALE_DOWN -> {
                g.setFill(SCALE_DOWN);
                polygon(g, new double[] {x - r, x + r, x}, new double[] {y - r + 1, y - r + 1, y + r});
            }
            case NOT_SCALED -> {
                g.setFill(colors.background());
                g.fillOval(x - r + 1, y - r + 1, 2 * r - 2, 2 * r - 2);
                g.setLineWidth(2);
                g.setStroke(colors.muted());
                g.strokeOval(x - r + 1, y - r + 1, 2 * r - 2, 2 * r - 2);
            }
            case ERROR -> {
                g.setFill(ERROR);
                polygon(g, new double[] {x, x + r + 1, x, x - r - 1}, new double[] {y - r - 1, y, y + r + 1, y});
                g.setFill(Color.BLACK);
                g.fillRect(x - 0.75, y - 3.5, 1.5, 4);
                g.fillRect(x - 0.75, y + 1.5, 1.5, 1.5);
            }
            case PREEMPTION -> {
                g.setStroke(PREEMPTION);
                g.setLineWidth(3);
                g.strokeLine(x - r + 1, y - r + 1, x + r - 1, y + r - 1);
                g.strokeLine(x - r + 1, y + r - 1, x + r - 1, y - r + 1);
            }
            case CHANGE -> {
                g.setFill(colors.muted());
                g.fillRect(x - 3.5, y - 3.5, 7, 7);
            }
        }
        g.setLineWidth(1);
    }

    private static void polygon(GraphicsContext g, double[] xs, double[] ys) {
        g.fillPolygon(xs, ys, xs.length);
        g.strokePolygon(xs, ys, xs.length);
    }

    /** The fill of a state, for the legend's swatches. */
    javafx.scene.paint.Paint fill(dev.computestudio.domain.NodeState state) {
        return styles.fill(state);
    }
}
