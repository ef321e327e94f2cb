package dev.computestudio.ui.timeline;

import atlantafx.base.theme.Styles;
import dev.computestudio.domain.NodeState;
import dev.computestudio.service.timeline.MarkerKind;
import dev.computestudio.ui.common.EmptyStateView;
import dev.computestudio.ui.common.Messages;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.io.File;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * The node timeline screen: the cluster and range pickers, follow live, zoom and export on top,
 * the legend, the chart, and the answer to "why?" for the selected marker below it.
 */
public final class TimelineView extends VBox {

    private final TimelineViewModel viewModel;
    private final Messages messages;
    private final TimelineChart chart;

    public TimelineView(TimelineViewModel viewModel, Messages messages) {
        this.viewModel = viewModel;
        this.messages = messages;
        setSpacing(8);
        setPadding(new Insets(0, 0, 8, 0));
        getStyleClass().add("timeline-screen");
        setId("timeline-screen");

        chart = new TimelineChart(viewModel, messages);
        EmptyStateView empty = new EmptyStateView(Feather.ACTIVITY, messages.text("timeline.empty.title"),
                messages.text("timeline.empty.message"));
        empty.visibleProperty().bind(viewModel.selectedClusterProperty().isNull());
        chart.visibleProperty().bind(viewModel.selectedClusterProperty().isNotNull());
        StackPane centre = new StackPane(chart, empty);
        VBox.setVgrow(centre, Priority.ALWAYS);

        getChildren().addAll(toolbar(), legend(), centre, whyPanel(), statusLine());
        sceneProperty().addListener((observable, old, scene) -> {
            if (scene != null) {
                registerShortcuts(scene);
            }
        });
    }

    // Toolbar

    private Node toolbar() {
        Label clusterLabel = new Label();
        clusterLabel.textProperty().bind(messages.text("timeline.cluster"));
        clusterLabel.setMinWidth(Region.USE_PREF_SIZE);
        ComboBox<String> cluster = new ComboBox<>(viewModel.clusters());
        cluster.setId("timeline-cluster");
        cluster.setPrefWidth(170);
        cluster.setMinWidth(Region.USE_PREF_SIZE);
        cluster.valueProperty().bindBidirectional(viewModel.selectedClusterProperty());

        ToggleGroup ranges = new ToggleGroup();
        HBox rangeButtons = new HBox();
        rangeButtons.getStyleClass().add("timeline-ranges");
        Map<TimeRange, ToggleButton> byRange = new EnumMap<>(TimeRange.class);
        TimeRange[] all = TimeRange.values();
        for (int i = 0; i < all.length; i++) {
            TimeRange range = all[i];
            ToggleButton button = new ToggleButton();
            button.setId("timeline-range-" + range.id());
            button.textProperty().bind(messages.text("timeline.range." + range.id()));
            button.setToggleGroup(ranges);
            button.setMinWidth(Region.USE_PREF_SIZE);
            button.getStyleClass().add(i == 0 ? Styles.LEFT_PILL : i == all.length - 1 ? Styles.RIGHT_PILL
                    : Styles.CENTER_PILL);
            button.setOnAction(event -> {
                viewModel.selectRange(range);
                button.setSelected(true);
            });
            byRange.put(range, button);
            rangeButtons.getChildren().add(button);
        }
        Runnable showRange = () -> {
            TimeRange range = viewModel.rangeProperty().get();
            if (range == null) {
                ranges.selectToggle(null);
            } else {
                byRange.get(range).setSelected(true);
            }
        };
        viewModel.rangeProperty().addListener((observable, old, now) -> showRange.run());
        showRange.run();

        ToggleButton follow = new ToggleButton(null, new FontIcon(Feather.PLAY_CIRCLE));
        follow.setId("timeline-follow");
        follow.textProperty().bind(messages.text("timeline.follow"));
        follow.selectedProperty().bindBidirectional(viewModel.followLiveProperty());
        follow.setTooltip(tooltip("timeline.follow.tip"));
        follow.setMinWidth(Region.USE_PREF_SIZE);

        Button zoomIn = iconButton("timeline-zoom-in", Feather.ZOOM_IN, "timeline.zoomIn.tip");
        zoomIn.setOnAction(event -> viewModel.zoomIn());
        Button zoomOut = iconButton("timeline-zoom-out", Feather.ZOOM_OUT, "timeline.zoomOut.tip");
        zoomOut.setOnAction(event -> viewModel.zoomOut());
        zoomIn.disableProperty().bind(viewModel.selectedClusterProperty().isNull());
        zoomOut.disableProperty().bind(viewModel.selectedClusterProperty().isNull());

        Button png = new Button(null, new FontIcon(Feather.IMAGE));
        png.setMinWidth(Region.USE_PREF_SIZE);
        png.setId("timeline-export-png");
        png.textProperty().bind(messages.text("timeline.export.png"));
        png.setTooltip(tooltip("timeline.export.png.tip"));
        png.disableProperty().bind(viewModel.timelineProperty().isNull());
        png.setOnAction(event -> exportPng());
        Button csv = new Button(null, new FontIcon(Feather.DOWNLOAD));
        csv.setMinWidth(Region.USE_PREF_SIZE);
        csv.setId("timeline-export-csv");
        csv.textProperty().bind(messages.text("timeline.export.csv"));
        csv.setTooltip(tooltip("timeline.export.csv.tip"));
        csv.disableProperty().bind(viewModel.timelineProperty().isNull());
        csv.setOnAction(event -> exportCsv());

        // Groups that wrap to a second line when the text is large, rather than squeezing the cluster
        // picker to nothing; each group keeps its parts together.
        HBox clusterGroup = new HBox(8, clusterLabel, cluster);
        clusterGroup.setAlignment(Pos.CENTER_LEFT);
        FlowPane bar = new FlowPane(8, 8, clusterGroup, rangeButtons, follow, new HBox(zoomOut, zoomIn),
                new HBox(8, png, csv));
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private Button iconButton(String id, Feather icon, String tipKey) {
        Button button = new Button(null, new FontIcon(icon));
        button.setId(id);
        button.getStyleClass().add(Styles.BUTTON_ICON);
        button.setTooltip(tooltip(tipKey));
        return button;
    }

    private Tooltip tooltip(String key) {
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(messages.text(key));
        return tip;
    }

    // Legend: every state's fill and pattern, the two count lines, every marker shape.

    private Node legend() {
        FlowPane legend = new FlowPane(14, 4);
        legend.setId("timeline-legend");
        legend.getStyleClass().add("timeline-legend");
        TimelinePainter swatchPainter = new TimelinePainter();
        for (NodeState state : NodeState.values()) {
            if (state == NodeState.GONE) {
                continue;
            }
            Canvas swatch = new Canvas(26, 14);
            GraphicsContext g = swatch.getGraphicsContext2D();
            g.setFill(swatchPainter.fill(state));
            g.fillRect(0, 0, 26, 14);
            g.setStroke(StateStyle.border(state));
            g.strokeRect(0.5, 0.5, 25, 13);
            legend.getChildren().add(entry(swatch, messages.display(new ReadOnlyObjectWrapper<>(state)),
                    "timeline-legend-" + state.restName()));
        }
        legend.getChildren().add(entry(line(false), messages.text("timeline.legend.current"), null));
        legend.getChildren().add(entry(line(true), messages.text("timeline.legend.target"), null));
        for (MarkerKind kind : TimelineViewModel.legendMarkers()) {
            Canvas glyph = new Canvas(16, 16);
            TimelinePainter.glyph(glyph.getGraphicsContext2D(), kind, 8, 8, TimelinePainter.Colors.LEGEND);
            legend.getChildren().add(entry(glyph, messages.text("timeline.legend.marker."
                    + kind.name().toLowerCase(Locale.ROOT).replace('_', '-')), null));
        }
        return legend;
    }

    private static Canvas line(boolean dashed) {
        Canvas canvas = new Canvas(26, 14);
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setLineWidth(2);
        g.setStroke(dashed ? Color.web("#0969da") : Color.web("#57606a"));
        if (dashed) {
            g.setLineDashes(6, 4);
        }
        g.strokeLine(0, 7, 26, 7);
        return canvas;
    }

    private static HBox entry(Node graphic, javafx.beans.value.ObservableValue<String> text, String id) {
        Label label = new Label();
        label.textProperty().bind(text);
        label.getStyleClass().add(Styles.TEXT_SMALL);
        HBox box = new HBox(5, graphic, label);
        box.setAlignment(Pos.CENTER_LEFT);
        if (id != null) {
            box.setId(id);
        }
        return box;
    }

    // Why? and status

    private Node whyPanel() {
        FontIcon icon = new FontIcon(Feather.HELP_CIRCLE);
        Label heading = new Label();
        heading.textProperty().bind(messages.text("timeline.why.heading"));
        heading.getStyleClass().add(Styles.TEXT_BOLD);
        heading.setMinWidth(Region.USE_PREF_SIZE);
        Label title = new Label();
        title.setId("timeline-why-title");
        title.setWrapText(true);
        title.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(title, Priority.ALWAYS);
        title.textProperty().bind(Bindings.when(viewModel.whyTitleProperty().isEmpty())
                .then(messages.text("timeline.why.hint")).otherwise(viewModel.whyTitleProperty()));
        viewModel.whyTitleProperty().addListener((observable, old, now) -> {
            title.getStyleClass().removeAll(Styles.TEXT_BOLD, Styles.TEXT_MUTED);
            title.getStyleClass().add(now.isEmpty() ? Styles.TEXT_MUTED : Styles.TEXT_BOLD);
        });
        title.getStyleClass().add(Styles.TEXT_MUTED);
        Label text = new Label();
        text.setId("timeline-why-text");
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        text.textProperty().bind(viewModel.whyTextProperty());
        text.managedProperty().bind(text.textProperty().isNotEmpty());
        text.visibleProperty().bind(text.textProperty().isNotEmpty());
        Button previous = iconButton("timeline-why-previous", Feather.CHEVRON_LEFT, "timeline.why.previous");
        previous.setOnAction(event -> viewModel.stepMarker(-1));
        Button next = iconButton("timeline-why-next", Feather.CHEVRON_RIGHT, "timeline.why.next");
        next.setOnAction(event -> viewModel.stepMarker(1));
        HBox head = new HBox(6, icon, heading, title, previous, next);
        head.setAlignment(Pos.CENTER_LEFT);
        VBox panel = new VBox(4, head, text);
        panel.setId("timeline-why");
        panel.setMinHeight(Region.USE_PREF_SIZE);
        panel.setPadding(new Insets(8, 10, 8, 10));
        panel.setStyle("-fx-background-color: -color-bg-subtle; -fx-border-color: -color-border-default;"
                + " -fx-background-radius: 6; -fx-border-radius: 6;");
        return panel;
    }

    private Node statusLine() {
        Label summary = new Label();
        summary.setId("timeline-summary");
        summary.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        summary.setMinWidth(Region.USE_PREF_SIZE);
        summary.textProperty().bind(viewModel.summaryProperty());
        Label message = new Label();
        message.setId("timeline-message");
        message.getStyleClass().add(Styles.TEXT_SMALL);
        message.textProperty().bind(Bindings.when(viewModel.errorProperty().isEmpty())
                .then(viewModel.messageProperty()).otherwise(viewModel.errorProperty()));
        viewModel.errorProperty().addListener((observable, old, now) ->
                message.pseudoClassStateChanged(Styles.STATE_DANGER, !now.isEmpty()));
        Label hint = new Label();
        hint.textProperty().bind(messages.text("timeline.hint"));
        hint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        hint.setWrapText(true);
        HBox line = new HBox(12, summary, message);
        line.setAlignment(Pos.CENTER_LEFT);
        return new VBox(2, line, hint);
    }

    // Export

    private void exportPng() {
        File file = choose("png", messages.get("timeline.export.png.filter"));
        if (file != null) {
            viewModel.exportPng(file.toPath(), Snapshots.toBufferedImage(snapshotChart()));
        }
    }

    /** What the chart shows now (labels, strip, markers, rows), as an image. */
    WritableImage snapshotChart() {
        SnapshotParameters parameters = new SnapshotParameters();
        return chart.exportable().snapshot(parameters, null);
    }

    private void exportCsv() {
        File file = choose("csv", messages.get("timeline.export.csv.filter"));
        if (file != null) {
            viewModel.exportCsv(file.toPath());
        }
    }

    private File choose(String extension, String description) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(messages.get("timeline.export." + extension));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(description, "*." + extension));
        String cluster = viewModel.selectedClusterProperty().get();
        chooser.setInitialFileName("timeline-" + (cluster == null ? "cluster" : cluster) + "-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT)) + "."
                + extension);
        return chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
    }

    /** The screen's keys, active while it is shown: F5, Ctrl+E, Ctrl+Shift+E, Ctrl+L, Ctrl+plus and minus. */
    private void registerShortcuts(Scene scene) {
        Map<KeyCombination, Runnable> keys = Map.of(
                new KeyCodeCombination(KeyCode.F5), viewModel::reload,
                new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN), this::exportCsv,
                new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                this::exportPng,
                new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN),
                () -> viewModel.followLiveProperty().set(!viewModel.followLiveProperty().get()),
                new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN), viewModel::zoomIn,
                new KeyCodeCombination(KeyCode.MINUS, KeyCombination.SHORTCUT_DOWN), viewModel::zoomOut);
        keys.forEach((combination, action) -> scene.getAccelerators().put(combination, () -> {
            if (getScene() == scene && viewModel.selectedClusterProperty().get() != null) {
                action.run();
            }
        }));
    }
}
