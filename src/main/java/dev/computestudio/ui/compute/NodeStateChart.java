package dev.computestudio.ui.compute;

import atlantafx.base.theme.Styles;
import dev.computestudio.domain.NodeState;
import dev.computestudio.domain.NodeStateCounts;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A cluster's node state counts: one bar split by state, and a legend that names each state with
 * its count, so the chart reads without telling colours apart.
 */
final class NodeStateChart extends VBox {

    /** The states the cloud counts, in the order they are drawn. */
    static final List<NodeState> STATES = List.of(NodeState.RUNNING, NodeState.IDLE, NodeState.PREPARING,
            NodeState.LEAVING, NodeState.PREEMPTED, NodeState.UNUSABLE);

    private final ClusterDetails details;
    private final StackedBar bar = new StackedBar();
    private final Map<NodeState, Label> counts = new EnumMap<>(NodeState.class);

    NodeStateChart(ClusterDetails details) {
        this.details = details;
        setId("cluster-node-chart");
        getStyleClass().add("node-state-chart");

        Label total = new Label();
        total.setId("node-count-total");
        total.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        total.textProperty().bind(details.nodeTotalTextProperty());

        GridPane legend = new GridPane();
        legend.getStyleClass().add("node-state-legend");
        for (int i = 0; i < STATES.size(); i++) {
            NodeState state = STATES.get(i);
            Region swatch = swatch(state);
            Label name = new Label();
            name.textProperty().bind(details.nodeStateName(state));
            Label count = new Label("0");
            count.setId("node-count-" + state.restName());
            count.getStyleClass().addAll(Styles.TEXT_BOLD, "node-state-count");
            counts.put(state, count);
            HBox entry = new HBox(6, swatch, name, count);
            entry.setAlignment(Pos.CENTER_LEFT);
            legend.add(entry, i % 2, i / 2);
        }
        getChildren().addAll(bar, legend, total);
        show(details.counts());
        details.countsProperty().addListener((observable, old, now) -> show(now));
    }

    private void show(NodeStateCounts value) {
        NodeStateCounts shown = value == null ? NodeStateCounts.ZERO : value;
        for (NodeState state : STATES) {
            counts.get(state).setText(Integer.toString(count(shown, state)));
        }
        bar.show(shown);
    }

    static int count(NodeStateCounts counts, NodeState state) {
        return switch (state) {
            case IDLE -> counts.idle();
            case RUNNING -> counts.running();
            case PREPARING -> counts.preparing();
            case UNUSABLE -> counts.unusable();
            case LEAVING -> counts.leaving();
            case PREEMPTED -> counts.preempted();
            case GONE -> 0;
        };
    }

    static Region swatch(NodeState state) {
        Region swatch = new Region();
        swatch.getStyleClass().addAll("node-state-swatch", "node-state-" + state.restName());
        swatch.setMinSize(10, 10);
        swatch.setPrefSize(10, 10);
        swatch.setMaxSize(10, 10);
        return swatch;
    }

    /** One horizontal bar whose segments are as wide as their share of the nodes. */
    private final class StackedBar extends Pane {

        private static final double HEIGHT = 16;
        private NodeStateCounts counts = NodeStateCounts.ZERO;

        StackedBar() {
            getStyleClass().add("node-state-bar");
            setMinHeight(HEIGHT);
            setPrefHeight(HEIGHT);
            setMaxHeight(HEIGHT);
            setPadding(Insets.EMPTY);
        }

        void show(NodeStateCounts newCounts) {
            counts = newCounts;
            getChildren().clear();
            for (NodeState state : STATES) {
                int n = count(counts, state);
                if (n > 0) {
                    Region segment = new Region();
                    segment.getStyleClass().addAll("node-state-segment", "node-state-" + state.restName());
                    segment.setUserData(state);
                    Tooltip share = new Tooltip();
                    share.textProperty().bind(details.nodeStateCount(state, n));
                    Tooltip.install(segment, share);
                    getChildren().add(segment);
                }
            }
            requestLayout();
        }

        @Override
        protected void layoutChildren() {
            int all = counts.total();
            double width = getWidth();
            double x = 0;
            for (var child : getChildren()) {
                NodeState state = (NodeState) child.getUserData();
                double w = all == 0 ? 0 : width * count(counts, state) / all;
                child.resizeRelocate(Math.round(x), 0, Math.round(x + w) - Math.round(x), getHeight());
                x += w;
            }
        }
    }
}
