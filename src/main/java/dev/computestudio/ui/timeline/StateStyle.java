package dev.computestudio.ui.timeline;

import dev.computestudio.domain.NodeState;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.paint.ImagePattern;
import javafx.scene.paint.Paint;
import javafx.scene.canvas.Canvas;
import javafx.scene.SnapshotParameters;

import java.util.EnumMap;
import java.util.Map;

/**
 * How each node state is drawn: a hue from the Okabe-Ito palette (told apart by the common kinds
 * of colour blindness) and a pattern, so that no state relies on its colour alone; running bars
 * carry their job's name and others their state's, where they are wide enough. The same fills
 * work on the light and the dark theme.
 */
final class StateStyle {

    enum Pattern {
        SOLID, STRIPES, DOTS, VERTICAL, CROSS, BACK_STRIPES
    }

    private record Style(Color fill, Color ink, Color text, Pattern pattern) {
    }

    private static final Map<NodeState, Style> STYLES = new EnumMap<>(NodeState.class);

    static {
        STYLES.put(NodeState.PREPARING, new Style(Color.web("#E69F00"), Color.web("#7A5200"), Color.BLACK,
                Pattern.STRIPES));
        STYLES.put(NodeState.IDLE, new Style(Color.web("#A9D9F5"), Color.web("#3F88B5"), Color.BLACK, Pattern.DOTS));
        STYLES.put(NodeState.RUNNING, new Style(Color.web("#0072B2"), Color.web("#004A75"), Color.WHITE,
                Pattern.SOLID));
        STYLES.put(NodeState.LEAVING, new Style(Color.web("#CC79A7"), Color.web("#7D3A61"), Color.BLACK,
                Pattern.VERTICAL));
        STYLES.put(NodeState.PREEMPTED, new Style(Color.web("#D55E00"), Color.web("#6E3000"), Color.BLACK,
                Pattern.CROSS));
        STYLES.put(NodeState.UNUSABLE, new Style(Color.web("#9A9A9A"), Color.web("#333333"), Color.BLACK,
                Pattern.BACK_STRIPES));
        STYLES.put(NodeState.GONE, new Style(Color.TRANSPARENT, Color.TRANSPARENT, Color.BLACK, Pattern.SOLID));
    }

    private final Map<NodeState, Paint> fills = new EnumMap<>(NodeState.class);

    /** Builds the pattern tiles; needs the JavaFX toolkit (call it on the FX thread). */
    StateStyle() {
        for (NodeState state : NodeState.values()) {
            fills.put(state, tile(STYLES.get(state)));
        }
    }

    Paint fill(NodeState state) {
        return fills.get(state);
    }

    static Color border(NodeState state) {
        return STYLES.get(state).ink();
    }

    static Color text(NodeState state) {
        return STYLES.get(state).text();
    }

    static Color base(NodeState state) {
        return STYLES.get(state).fill();
    }

    static Pattern pattern(NodeState state) {
        return STYLES.get(state).pattern();
    }

    private static Paint tile(Style style) {
        if (style.pattern() == Pattern.SOLID) {
            return style.fill();
        }
        int size = 8;
        Canvas canvas = new Canvas(size, size);
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(style.fill());
        g.fillRect(0, 0, size, size);
        g.setStroke(style.ink().deriveColor(0, 1, 1, 0.75));
        g.setFill(style.ink().deriveColor(0, 1, 1, 0.75));
        g.setLineWidth(1.5);
        switch (style.pattern()) {
            case STRIPES -> {
                g.strokeLine(-2, size + 2, size + 2, -2);
                g.strokeLine(-2, 2, 2, -2);
                g.strokeLine(size - 2, size + 2, size + 2, size - 2);
            }
            case BACK_STRIPES -> {
                g.strokeLine(-2, -2, size + 2, size + 2);
                g.strokeLine(size - 2, -2, size + 2, 2);
                g.strokeLine(-2, size - 2, 2, size + 2);
            }
            case DOTS -> g.fillOval(2.5, 2.5, 2.5, 2.5);
            case VERTICAL -> g.strokeLine(4, 0, 4, size);
            case CROSS -> {
                g.setLineWidth(1.2);
                g.strokeLine(0, 0, size, size);
                g.strokeLine(0, size, size, 0);
            }
            default -> {
            }
        }
        SnapshotParameters parameters = new SnapshotParameters();
        parameters.setFill(Color.TRANSPARENT);
        WritableImage image = canvas.snapshot(parameters, null);
        return new ImagePattern(image, 0, 0, size, size, false);
    }
}
