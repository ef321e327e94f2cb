package dev.computestudio.ui.timeline;

import atlantafx.base.theme.Styles;
import dev.computestudio.domain.NodeState;
import dev.computestudio.service.timeline.Marker;
import dev.computestudio.service.timeline.NodeRow;
import dev.computestudio.service.timeline.Timeline;
import dev.computestudio.ui.common.Messages;
import javafx.geometry.Orientation;
import javafx.scene.Cursor;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.ZoomEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.shape.Rectangle;

import java.util.ArrayList;
import java.util.List;

/**
 * The drawing: row labels on the left, the canvas, a scroll bar for the rows, and a tooltip that
 * follows the pointer. Mouse and keys are forwarded to the view-model: wheel or pinch zooms, drag
 * pans (and scrolls the rows), a click opens a job or answers "why?".
 */
final class TimelineChart extends Region {

    static final double LABEL_WIDTH = 150;
    private static final double DRAG_THRESHOLD = 3;
    private static final double WHEEL_ZOOM = 0.85;

    private final TimelineViewModel viewModel;
    private final Messages messages;
    private final Canvas canvas = new Canvas();
    private final Canvas overlay = new Canvas();
    private final Pane labels = new Pane();
    private final ScrollBar scroll = new ScrollBar();
    /** A node to bring into view as soon as its row is drawn; null once it is. */
    private String nodeToScrollTo;
    private final Label tooltip = new Label();
    private final List<Label> rowLabels = new ArrayList<>();
    private final List<Label> probes = new ArrayList<>();
    private TimelinePainter painter;
    private TimelineLayout layout;
    private TimelineLayout.Frame frame;
    private boolean dirty = true;
    private boolean overlayDirty = true;
    // Drag state
    private double pressX;
    private double pressY;
    private Viewport pressViewport;
    private double pressScroll;
    private boolean dragging;

    TimelineChart(TimelineViewModel viewModel, Messages messages) {
        this.viewModel = viewModel;
        this.messages = messages;
        getStyleClass().add("timeline-chart");
        setId("timeline-chart");
        setMinSize(300, TimelineLayout.HEADER_HEIGHT + TimelineLayout.ROW_HEIGHT * 2);
        setPrefSize(900, 480);

        canvas.setId("timeline-canvas");
        canvas.setFocusTraversable(true);
        labels.getStyleClass().add("timeline-labels");
        labels.setId("timeline-labels");
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(labels.widthProperty());
        clip.heightProperty().bind(labels.heightProperty());
        labels.setClip(clip);
        labels.getChildren().addAll(headerLabel("timeline.header.counts", 0, TimelineLayout.STRIP_HEIGHT),
                headerLabel("timeline.header.markers", TimelineLayout.STRIP_HEIGHT, TimelineLayout.MARKER_HEIGHT),
                headerLabel("timeline.header.nodes", TimelineLayout.STRIP_HEIGHT + TimelineLayout.MARKER_HEIGHT,
                        TimelineLayout.AXIS_HEIGHT));
        scroll.setOrientation(Orientation.VERTICAL);
        scroll.setId("timeline-scroll");
        scroll.setMin(0);
        tooltip.setId("timeline-tooltip");
        tooltip.getStyleClass().add("timeline-tooltip");
        tooltip.setStyle("-fx-background-color: -color-bg-overlay; -fx-border-color: -color-border-default;"
                + " -fx-background-radius: 4; -fx-border-radius: 4; -fx-padding: 6 8; -fx-text-fill: -color-fg-default;"
                + " -fx-effect: dropshadow(gaussian, rgba(0,0,0,0.25), 8, 0, 0, 2);");
        tooltip.setMouseTransparent(true);
        tooltip.setManaged(false);
        tooltip.setVisible(false);
        tooltip.setWrapText(false);
        for (String color : List.of("-color-bg-default", "-color-bg-subtle", "-color-fg-default", "-color-fg-muted",
                "-color-border-muted", "-color-accent-fg")) {
            Label probe = new Label();
            probe.setStyle("-fx-text-fill: " + color + ";");
            probe.setManaged(false);
            probe.setVisible(false);
            probe.textFillProperty().addListener((observable, old, now) -> redraw());
            probes.add(probe);
        }
        overlay.setMouseTransparent(true);
        getChildren().addAll(labels, canvas, overlay, scroll, tooltip);
        getChildren().addAll(probes);

        viewModel.timelineProperty().addListener((observable, old, now) -> {
            updateScrollRange();
            scrollToFocusedNode();
            redraw();
        });
        viewModel.focusedNodeProperty().addListener((observable, old, now) -> {
            nodeToScrollTo = now;
            scrollToFocusedNode();
        });
        viewModel.viewportProperty().addListener((observable, old, now) -> redraw());
        viewModel.hoveredProperty().addListener((observable, old, now) -> redrawOverlay());
        viewModel.selectedMarkerProperty().addListener((observable, old, now) -> redrawOverlay());
        viewModel.hoverTextProperty().addListener((observable, old, now) -> {
            tooltip.setText(now);
            tooltip.setVisible(!now.isEmpty());
        });
        scroll.valueProperty().addListener((observable, old, now) -> redraw());
        messages.bundleProperty().addListener((observable, old, now) -> redraw());
        wireInput();
    }

    private Label headerLabel(String key, double y, double height) {
        Label label = new Label();
        label.textProperty().bind(messages.text(key));
        label.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        label.setLayoutX(8);
        label.setLayoutY(y);
        label.setPrefHeight(height);
        label.setMinHeight(height);
        label.setMaxHeight(height);
        return label;
    }

    /** The canvas and labels, for the PNG export. */
    Region exportable() {
        return this;
    }

    void redraw() {
        dirty = true;
        requestLayout();
    }

    private void redrawOverlay() {
        overlayDirty = true;
        requestLayout();
    }

    @Override
    protected void layoutChildren() {
        double width = getWidth();
        double height = getHeight();
        double scrollWidth = scroll.prefWidth(-1);
        double canvasWidth = Math.max(1, width - LABEL_WIDTH - scrollWidth);
        labels.resizeRelocate(0, 0, LABEL_WIDTH, height);
        if (canvas.getWidth() != canvasWidth || canvas.getHeight() != height) {
            canvas.setWidth(canvasWidth);
            canvas.setHeight(height);
            overlay.setWidth(canvasWidth);
            overlay.setHeight(height);
            dirty = true;
        }
        canvas.relocate(LABEL_WIDTH, 0);
        overlay.relocate(LABEL_WIDTH, 0);
        scroll.resizeRelocate(width - scrollWidth, TimelineLayout.HEADER_HEIGHT, scrollWidth,
                Math.max(0, height - TimelineLayout.HEADER_HEIGHT));
        updateScrollRange();
        if (tooltip.isVisible()) {
            tooltip.autosize();
        }
        if (dirty) {
            dirty = false;
            draw();
            overlayDirty = true;
        }
        if (overlayDirty && layout != null) {
            overlayDirty = false;
            Hit hovered = viewModel.hoveredProperty().get();
            Marker selected = viewModel.selectedMarkerProperty().get();
            painter.paintOverlay(overlay.getGraphicsContext2D(), layout, frame, colors(),
                    hovered instanceof Hit.OnSegment onSegment ? onSegment.segment() : null,
                    selected == null ? null : layout.x(selected.at()));
        }
    }

    /**
     * Brings the focused node's row to the middle of the rows, once: the timeline is read again
     * every second, and the user's own scrolling afterwards must stay.
     */
    private void scrollToFocusedNode() {
        Timeline timeline = viewModel.timelineProperty().get();
        if (nodeToScrollTo == null || timeline == null) {
            return;
        }
        for (int index = 0; index < timeline.rows().size(); index++) {
            if (timeline.rows().get(index).nodeId().equals(nodeToScrollTo)) {
                double rowsHeight = canvas.getHeight() - TimelineLayout.HEADER_HEIGHT;
                double centred = index * TimelineLayout.ROW_HEIGHT - (rowsHeight - TimelineLayout.ROW_HEIGHT) / 2;
                scroll.setValue(Math.max(0, Math.min(scroll.getMax(), centred)));
                nodeToScrollTo = null;
                return;
            }
        }
    }

    private void updateScrollRange() {
        double max = TimelineLayout.maxScroll(viewModel.timelineProperty().get(), canvas.getHeight());
        scroll.setMax(max);
        scroll.setVisibleAmount(Math.max(1, canvas.getHeight() - TimelineLayout.HEADER_HEIGHT));
        scroll.setVisible(max > 0);
        if (scroll.getValue() > max) {
            scroll.setValue(max);
        }
    }

    private void draw() {
        if (painter == null) {
            painter = new TimelinePainter();
        }
        Timeline timeline = viewModel.timelineProperty().get();
        layout = new TimelineLayout(timeline, viewModel.viewportProperty().get(), canvas.getWidth(),
                canvas.getHeight(), scroll.getValue(), viewModel.zone(), messages.bundleProperty().get().getLocale());
        frame = layout.frame(viewModel::barLabel);
        painter.paint(canvas.getGraphicsContext2D(), layout, frame, colors(), messages.get("timeline.now"));
        placeRowLabels(frame);
    }

    /** Labels only for the visible rows, reused from frame to frame. */
    private void placeRowLabels(TimelineLayout.Frame frame) {
        List<TimelineLayout.RowSlot> slots = frame.rows();
        while (rowLabels.size() < slots.size()) {
            Label label = new Label();
            label.getStyleClass().add("timeline-row-label");
            label.setPrefWidth(LABEL_WIDTH - 12);
            label.setPrefHeight(TimelineLayout.ROW_HEIGHT);
            rowLabels.add(label);
            labels.getChildren().add(label);
        }
        for (int i = 0; i < rowLabels.size(); i++) {
            Label label = rowLabels.get(i);
            if (i >= slots.size()) {
                label.setVisible(false);
                continue;
            }
            TimelineLayout.RowSlot slot = slots.get(i);
            NodeRow row = slot.row();
            label.setVisible(slot.y() + TimelineLayout.ROW_HEIGHT > TimelineLayout.HEADER_HEIGHT);
            String name = viewModel.rowLabel(row);
            label.setText(row.gone() ? name + " · " + messages.get("timeline.row.gone")
                    : row.cameBack() ? name + " · " + messages.get("timeline.row.cameBack") : name);
            label.getStyleClass().remove(Styles.TEXT_MUTED);
            if (row.gone()) {
                label.getStyleClass().add(Styles.TEXT_MUTED);
            }
            label.resizeRelocate(8, slot.y(), LABEL_WIDTH - 12, TimelineLayout.ROW_HEIGHT);
            // Labels scrolled under the header are hidden by the header's own space.
            label.setClip(null);
            if (slot.y() < TimelineLayout.HEADER_HEIGHT) {
                Rectangle keep = new Rectangle(0, TimelineLayout.HEADER_HEIGHT - slot.y(), LABEL_WIDTH,
                        TimelineLayout.ROW_HEIGHT);
                label.setClip(keep);
            }
        }
    }

    private TimelinePainter.Colors colors() {
        if (getScene() == null) {
            return TimelinePainter.Colors.LIGHT;
        }
        applyCss();
        return new TimelinePainter.Colors(color(0, Color.WHITE), color(1, Color.web("#f6f8fa")),
                color(2, Color.BLACK), color(3, Color.GRAY), color(4, Color.LIGHTGRAY), color(5, Color.web("#0969da")));
    }

    private Color color(int probe, Color fallback) {
        Paint paint = probes.get(probe).getTextFill();
        return paint instanceof Color color ? color : fallback;
    }

    // Input

    private void wireInput() {
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, event -> hoverAt(event.getX(), event.getY()));
        canvas.addEventHandler(MouseEvent.MOUSE_EXITED, event -> viewModel.hover(null));
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, event -> {
            canvas.requestFocus();
            pressX = event.getX();
            pressY = event.getY();
            pressViewport = viewModel.viewportProperty().get();
            pressScroll = scroll.getValue();
            dragging = false;
        });
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, event -> {
            double dx = event.getX() - pressX;
            double dy = event.getY() - pressY;
            if (!dragging && Math.abs(dx) < DRAG_THRESHOLD && Math.abs(dy) < DRAG_THRESHOLD) {
                return;
            }
            dragging = true;
            canvas.setCursor(Cursor.CLOSED_HAND);
            viewModel.hover(null);
            if (Math.abs(dx) >= DRAG_THRESHOLD) {
                viewModel.panFrom(pressViewport, -dx / canvas.getWidth());
            }
            scroll.setValue(Math.max(0, Math.min(scroll.getMax(), pressScroll - dy)));
        });
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, event -> canvas.setCursor(Cursor.DEFAULT));
        canvas.addEventHandler(MouseEvent.MOUSE_CLICKED, event -> {
            if (!dragging && event.isStillSincePress() && layout != null) {
                viewModel.activate(layout.hit(event.getX(), event.getY()));
            }
        });
        canvas.addEventHandler(ScrollEvent.SCROLL, event -> {
            if (event.isShiftDown() || event.getDeltaY() == 0) {
                double delta = event.getDeltaY() != 0 ? event.getDeltaY() : event.getDeltaX();
                scroll.setValue(Math.max(0, Math.min(scroll.getMax(), scroll.getValue() - delta)));
            } else if (event.getTouchCount() == 0 || Math.abs(event.getDeltaY()) > Math.abs(event.getDeltaX())) {
                // One wheel notch (deltaY of one multiplier) zooms by 15 %; touchpads scroll in finer steps.
                double notches = event.getDeltaY() / Math.max(1, event.getMultiplierY());
                viewModel.zoom(Math.pow(WHEEL_ZOOM, notches), event.getX() / canvas.getWidth());
            }
            event.consume();
        });
        canvas.addEventHandler(ZoomEvent.ZOOM, event -> {
            if (event.getZoomFactor() > 0) {
                viewModel.zoom(1 / event.getZoomFactor(), event.getX() / canvas.getWidth());
            }
            event.consume();
        });
        canvas.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            switch (event.getCode()) {
                case LEFT -> viewModel.panEarlier();
                case RIGHT -> viewModel.panLater();
                case UP -> scroll.setValue(Math.max(0, scroll.getValue() - TimelineLayout.ROW_HEIGHT));
                case DOWN -> scroll.setValue(Math.min(scroll.getMax(), scroll.getValue() + TimelineLayout.ROW_HEIGHT));
                case PLUS, ADD, EQUALS -> viewModel.zoomIn();
                case MINUS, SUBTRACT -> viewModel.zoomOut();
                case OPEN_BRACKET -> viewModel.stepMarker(-1);
                case CLOSE_BRACKET -> viewModel.stepMarker(1);
                case ENTER -> viewModel.activate(viewModel.hoveredProperty().get());
                default -> {
                    return;
                }
            }
            event.consume();
        });
    }

    private void hoverAt(double x, double y) {
        if (layout == null) {
            return;
        }
        Hit hit = layout.hit(x, y);
        viewModel.hover(hit);
        boolean clickable = hit instanceof Hit.OnMarker || hit instanceof Hit.OnSegment onSegment
                && onSegment.segment().state() == NodeState.RUNNING;
        canvas.setCursor(clickable ? Cursor.HAND : Cursor.DEFAULT);
        if (hit != null) {
            tooltip.autosize();
            double tipX = LABEL_WIDTH + x + 14;
            if (tipX + tooltip.getWidth() > getWidth()) {
                tipX = Math.max(0, LABEL_WIDTH + x - tooltip.getWidth() - 10);
            }
            double tipY = y + 16;
            if (tipY + tooltip.getHeight() > getHeight()) {
                tipY = Math.max(0, y - tooltip.getHeight() - 8);
            }
            tooltip.relocate(tipX, tipY);
        }
    }
}
