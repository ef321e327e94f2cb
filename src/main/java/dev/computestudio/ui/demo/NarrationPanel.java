package dev.computestudio.ui.demo;

import atlantafx.base.theme.Styles;
import dev.computestudio.ui.common.Messages;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The narration beside every screen while a demo is loaded: what to say now, the step, the last
 * result and the player's buttons, so the trainer can follow the studio from screen to screen.
 */
public final class NarrationPanel extends VBox {

    public NarrationPanel(DemoViewModel viewModel, Messages messages) {
        setId("demo-narration-panel");
        getStyleClass().add("demo-narration");
        setPrefWidth(300);
        setMinWidth(260);
        setMaxWidth(320);
        setSpacing(10);
        setPadding(new Insets(16));
        setStyle("-fx-background-color: -color-bg-subtle; -fx-border-color: -color-border-default;"
                + " -fx-border-width: 0 0 0 1;");
        visibleProperty().bind(viewModel.activeProperty());
        managedProperty().bind(visibleProperty());

        Label caption = new Label();
        caption.textProperty().bind(messages.text("demo.narration"));
        caption.getStyleClass().addAll(Styles.TEXT_CAPTION, Styles.TEXT_MUTED);
        caption.setGraphic(new FontIcon(Feather.MIC));
        Label title = new Label();
        title.textProperty().bind(viewModel.titleProperty());
        title.getStyleClass().add(Styles.TITLE_4);
        title.setWrapText(true);
        Label progress = new Label();
        progress.setId("demo-narration-progress");
        progress.getStyleClass().add(Styles.TEXT_MUTED);
        progress.textProperty().bind(messages.format("demo.progress", viewModel.stepNumberProperty(),
                viewModel.stepCountProperty()));
        Label narration = new Label();
        narration.setId("demo-narration");
        narration.setWrapText(true);
        narration.getStyleClass().add(Styles.TEXT);
        narration.setStyle("-fx-font-size: 1.15em;");
        narration.textProperty().bind(viewModel.narrationProperty());
        narration.setMinHeight(Region.USE_PREF_SIZE);

        Label last = new Label();
        last.setId("demo-last-result");
        last.setWrapText(true);
        last.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        last.textProperty().bind(viewModel.lastResultProperty());

        Button play = small(Feather.PLAY, "demo-narration-play");
        play.disableProperty().bind(viewModel.playDisabledProperty());
        play.setOnAction(event -> viewModel.play());
        Button pause = small(Feather.PAUSE, "demo-narration-pause");
        pause.disableProperty().bind(viewModel.pauseDisabledProperty());
        pause.setOnAction(event -> viewModel.pause());
        Button next = small(Feather.SKIP_FORWARD, "demo-narration-next");
        next.disableProperty().bind(viewModel.nextDisabledProperty());
        next.setOnAction(event -> viewModel.next());
        HBox buttons = new HBox(6, play, pause, next);

        Region spacer = new Region();
        VBox.setVgrow(spacer, Priority.ALWAYS);
        getChildren().addAll(caption, title, progress, new Separator(), narration, spacer, last, buttons);
    }

    private static Button small(Feather icon, String id) {
        Button button = new Button(null, new FontIcon(icon));
        button.setId(id);
        button.getStyleClass().addAll(Styles.BUTTON_ICON);
        return button;
    }
}
