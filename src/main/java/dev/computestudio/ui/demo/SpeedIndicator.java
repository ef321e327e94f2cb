package dev.computestudio.ui.demo;

import atlantafx.base.theme.Styles;
import dev.computestudio.ui.common.Messages;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The demo clock's speed in the status bar, shown whenever a demo is loaded or the clock is not at
 * 1x, and whether it stands still between steps.
 */
public final class SpeedIndicator extends Label {

    public SpeedIndicator(DemoViewModel viewModel, Messages messages) {
        setId("status-demo-speed");
        getStyleClass().addAll(Styles.TEXT_SMALL, Styles.ACCENT);
        setGraphic(new FontIcon(Feather.CLOCK));
        setMinWidth(Region.USE_PREF_SIZE);
        // Between the steps of a loaded demo the clock stands still; the class sees it rather than guessing.
        textProperty().bind(Bindings.when(viewModel.activeProperty().and(viewModel.workingProperty().not())
                        .and(viewModel.finishedProperty().not()))
                .then(messages.format("demo.status.speedStopped", viewModel.speedProperty()))
                .otherwise(messages.format("demo.status.speed", viewModel.speedProperty())));
        visibleProperty().bind(viewModel.activeProperty().or(viewModel.speedProperty().isNotEqualTo(1)));
        managedProperty().bind(visibleProperty());
    }
}
