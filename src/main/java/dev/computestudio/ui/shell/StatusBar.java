package dev.computestudio.ui.shell;

import atlantafx.base.theme.Styles;
import dev.computestudio.ui.common.Messages;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
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

    StatusBar(ShellViewModel viewModel, Messages messages) {
        getStyleClass().add("status-bar");

        Label dataFolder = item("status-data-folder", Feather.FOLDER,
                messages.format("status.dataFolder", viewModel.dataFolderProperty()));
        // A long path loses its middle, so both the drive and the folder name stay readable.
        dataFolder.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
        dataFolder.setMinWidth(Region.USE_COMPUTED_SIZE);
        Tooltip path = new Tooltip();
        path.textProperty().bind(viewModel.dataFolderProperty());
        dataFolder.setTooltip(path);

        Label runner = item("status-runner", Feather.SERVER,
                messages.format("status.runner", viewModel.runnerProperty()));
        Label engine = item("status-engine", Feather.POWER,
                messages.format("status.engine", engineStateText(viewModel, messages)));

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

    /** The caller names the engine state in plain English words; the states we know are translated. */
    private static StringBinding engineStateText(ShellViewModel viewModel, Messages messages) {
        return Bindings.createStringBinding(() -> {
            String state = viewModel.engineStateProperty().get();
            String key = "status.engine.state." + state.trim().replace(' ', '-');
            return messages.contains(key) ? messages.get(key) : state;
        }, viewModel.engineStateProperty(), messages.bundleProperty());
    }
}
