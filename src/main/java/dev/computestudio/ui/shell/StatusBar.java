package dev.computestudio.ui.shell;

import atlantafx.base.theme.Styles;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The bottom line: where the data lives, which node runner is in use and what the engine does. */
final class StatusBar extends HBox {

    StatusBar(ShellViewModel viewModel) {
        getStyleClass().add("status-bar");

        Label dataFolder = item("status-data-folder", Feather.FOLDER, viewModel.dataFolderTextProperty());
        // A long path loses its middle, so both the drive and the folder name stay readable.
        dataFolder.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
        dataFolder.setMinWidth(Region.USE_COMPUTED_SIZE);
        Tooltip path = new Tooltip();
        path.textProperty().bind(viewModel.dataFolderProperty());
        dataFolder.setTooltip(path);

        Label runner = item("status-runner", Feather.SERVER, viewModel.runnerTextProperty());
        Label engine = item("status-engine", Feather.POWER, viewModel.engineTextProperty());

        getChildren().addAll(dataFolder, divider(), runner, divider(), engine);
    }

    private static Label item(String id, Ikon icon, ObservableValue<String> text) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add(Styles.TEXT_SMALL);
        label.setGraphic(new FontIcon(icon));
        label.setMinWidth(Region.USE_PREF_SIZE);
        label.textProperty().bind(text);
        return label;
    }

    private static Separator divider() {
        return new Separator(Orientation.VERTICAL);
    }
}
