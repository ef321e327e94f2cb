package dev.computestudio.ui.demo;

import atlantafx.base.theme.Styles;
import dev.computestudio.ui.common.Messages;
import dev.computestudio.ui.common.WhileShown;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The Demos screen: the scenarios with a one-line summary each, the player's buttons and speed,
 * and the log of step results. The narration itself is in the {@link NarrationPanel} beside every
 * screen, since a step takes the studio to the screen it is about. The player is shared with the
 * whole studio, so what this screen listens to on it, it listens to only while shown.
 */
public final class DemoView extends HBox {

    private static final KeyCombination PLAY = new KeyCodeCombination(KeyCode.F5);
    private static final KeyCombination PAUSE = new KeyCodeCombination(KeyCode.F6);
    private static final KeyCombination NEXT = new KeyCodeCombination(KeyCode.F7);
    private static final KeyCombination RESTART = new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN);

    public DemoView(DemoViewModel viewModel, Messages messages) {
        setId("demo-screen");
        setSpacing(16);
        setPadding(new Insets(8, 0, 0, 0));

        ListView<ScenarioRow> list = new ListView<>(viewModel.scenarios());
        list.setId("demo-scenarios");
        list.setPrefWidth(320);
        list.setMinWidth(260);
        list.setCellFactory(view -> new ScenarioCell());
        list.getSelectionModel().selectedItemProperty().addListener((observable, old, now) -> {
            if (now != null) {
                viewModel.selectedProperty().set(now);
            }
        });
        WhileShown.update(list, () -> list.getSelectionModel().select(viewModel.selectedProperty().get()),
                viewModel.selectedProperty());

        Label problem = new Label();
        problem.getStyleClass().add(Styles.DANGER);
        problem.textProperty().bind(viewModel.problemProperty());
        problem.visibleProperty().bind(viewModel.problemProperty().isNotNull());
        problem.managedProperty().bind(problem.visibleProperty());
        problem.setWrapText(true);

        VBox left = new VBox(8, list, problem);
        VBox.setVgrow(list, Priority.ALWAYS);

        Button play = button("demo-play", Feather.PLAY, messages, "demo.play", Styles.ACCENT);
        play.disableProperty().bind(viewModel.playDisabledProperty());
        play.setOnAction(event -> viewModel.play());
        Button pause = button("demo-pause", Feather.PAUSE, messages, "demo.pause", null);
        pause.disableProperty().bind(viewModel.pauseDisabledProperty());
        pause.setOnAction(event -> viewModel.pause());
        Button next = button("demo-next", Feather.SKIP_FORWARD, messages, "demo.next", null);
        next.disableProperty().bind(viewModel.nextDisabledProperty());
        next.setOnAction(event -> viewModel.next());
        Button restart = button("demo-restart", Feather.ROTATE_CCW, messages, "demo.restart", null);
        restart.disableProperty().bind(viewModel.selectedProperty().isNull());
        restart.setOnAction(event -> viewModel.restart());
        Button clean = button("demo-clean", Feather.TRASH_2, messages, "demo.cleanUp", null);
        clean.disableProperty().bind(viewModel.cleanUpDisabledProperty());
        clean.setOnAction(event -> viewModel.cleanUp());

        ChoiceBox<Integer> speed = new ChoiceBox<>();
        speed.setId("demo-speed");
        speed.getItems().setAll(viewModel.speeds());
        speed.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer value) {
                return value == null ? "" : value + "x";
            }

            @Override
            public Integer fromString(String text) {
                return Integer.valueOf(text.replace("x", ""));
            }
        });
        speed.valueProperty().addListener((observable, old, now) -> {
            if (now != null) {
                viewModel.setSpeed(now);
            }
        });
        WhileShown.update(speed, () -> speed.setValue(viewModel.speedProperty().get()), viewModel.speedProperty());
        Label speedLabel = new Label();
        speedLabel.textProperty().bind(messages.text("demo.speed"));
        speedLabel.setLabelFor(speed);

        HBox speedBox = new HBox(6, speedLabel, speed);
        speedBox.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        javafx.scene.layout.FlowPane controls = new javafx.scene.layout.FlowPane(8, 8, play, pause, next, restart,
                clean, speedBox);
        controls.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        Label title = new Label();
        title.setId("demo-title");
        title.setWrapText(true);
        // A long title (pt-BR, 150 % text) takes a second line rather than an ellipsis.
        title.setMinHeight(Region.USE_PREF_SIZE);
        title.getStyleClass().add(Styles.TITLE_3);
        title.textProperty().bind(Bindings.when(viewModel.activeProperty()).then(viewModel.titleProperty())
                .otherwise(messages.text("demo.pick")));
        Label progress = new Label();
        progress.setId("demo-progress");
        progress.getStyleClass().add(Styles.TEXT_MUTED);
        progress.textProperty().bind(messages.format("demo.progress", viewModel.stepNumberProperty(),
                viewModel.stepCountProperty()));
        progress.visibleProperty().bind(viewModel.activeProperty());
        Label outcome = new Label();
        outcome.setId("demo-outcome");
        outcome.textProperty().bind(Bindings.when(viewModel.passedProperty()).then(messages.text("demo.passed"))
                .otherwise(messages.text("demo.failed")));
        outcome.getStyleClass().add(Styles.TEXT_BOLD);
        outcome.visibleProperty().bind(viewModel.finishedProperty().and(viewModel.activeProperty()));
        WhileShown.update(outcome, () -> {
            outcome.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER);
            outcome.getStyleClass().add(viewModel.passedProperty().get() ? Styles.SUCCESS : Styles.DANGER);
        }, viewModel.passedProperty());

        ListView<ResultLine> log = new ListView<>(viewModel.results());
        log.setId("demo-results");
        log.setCellFactory(view -> new ResultCell(viewModel));
        WhileShown.update(log, () -> {
            if (!log.getItems().isEmpty()) {
                log.scrollTo(log.getItems().size() - 1);
            }
        }, viewModel.results());
        Label logTitle = new Label();
        logTitle.textProperty().bind(messages.text("demo.results"));
        logTitle.getStyleClass().add(Styles.TEXT_CAPTION);

        VBox right = new VBox(10, controls, title, progress, outcome, logTitle, log);
        VBox.setVgrow(log, Priority.ALWAYS);
        HBox.setHgrow(right, Priority.ALWAYS);
        getChildren().addAll(left, right);

        sceneProperty().addListener((observable, old, scene) -> {
            if (old != null) {
                old.getAccelerators().remove(PLAY);
                old.getAccelerators().remove(PAUSE);
                old.getAccelerators().remove(NEXT);
                old.getAccelerators().remove(RESTART);
            }
            if (scene != null) {
                register(scene, viewModel);
            }
        });
        viewModel.load();
    }

    private static void register(Scene scene, DemoViewModel viewModel) {
        scene.getAccelerators().put(PLAY, viewModel::play);
        scene.getAccelerators().put(PAUSE, viewModel::pause);
        scene.getAccelerators().put(NEXT, viewModel::next);
        scene.getAccelerators().put(RESTART, viewModel::restart);
    }

    private static Button button(String id, Feather icon, Messages messages, String key, String style) {
        Button button = new Button();
        button.setId(id);
        button.setGraphic(new FontIcon(icon));
        button.textProperty().bind(messages.text(key));
        button.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        if (style != null) {
            button.getStyleClass().add(style);
        }
        return button;
    }

    private static final class ScenarioCell extends ListCell<ScenarioRow> {

        /** As tall as the title and summary wrapped at the cell's width; the skin would give them one line each. */
        @Override
        protected double computePrefHeight(double width) {
            Node graphic = getGraphic();
            if (graphic == null || width < 0) {
                return super.computePrefHeight(width);
            }
            double inner = width - snappedLeftInset() - snappedRightInset();
            return snappedTopInset() + graphic.prefHeight(inner) + snappedBottomInset();
        }

        @Override
        protected void updateItem(ScenarioRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label title = new Label(row.title());
            title.getStyleClass().add(Styles.TEXT_BOLD);
            Label summary = new Label(row.summary());
            summary.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            summary.setWrapText(true);
            title.setWrapText(true);
            title.setMinHeight(Region.USE_PREF_SIZE);
            summary.setMinHeight(Region.USE_PREF_SIZE);
            VBox box = new VBox(2, title, summary);
            // Cells as wide as the list, so long summaries wrap instead of scrolling sideways.
            setPrefWidth(0);
            setGraphic(box);
            setText(null);
        }
    }

    private static final class ResultCell extends ListCell<ResultLine> {
        private final DemoViewModel viewModel;

        ResultCell(DemoViewModel viewModel) {
            this.viewModel = viewModel;
        }

        @Override
        protected void updateItem(ResultLine line, boolean empty) {
            super.updateItem(line, empty);
            textProperty().unbind();
            if (empty || line == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            FontIcon icon = new FontIcon(line.ok() ? Feather.CHECK : Feather.X);
            icon.getStyleClass().add(line.ok() ? Styles.SUCCESS : Styles.DANGER);
            setGraphic(icon);
            textProperty().bind(viewModel.text(line));
            setWrapText(true);
            setPrefWidth(0);
        }
    }
}
