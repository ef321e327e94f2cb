package dev.computestudio.ui.shell;

import atlantafx.base.theme.Styles;
import dev.computestudio.ui.common.EmptyStateView;
import dev.computestudio.ui.common.Messages;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The centre: the selected screen under its title. No screen is built yet, so each one shows an
 * empty state that says what it will hold.
 */
final class ScreenArea extends VBox {

    private final Messages messages;
    private final Label title = new Label();

    ScreenArea(ShellViewModel viewModel, Messages messages) {
        this.messages = messages;
        getStyleClass().add("screen-area");
        title.setId("screen-title");
        title.getStyleClass().add(Styles.TITLE_2);
        show(viewModel.selectedScreen());
        viewModel.selectedScreenProperty().addListener((observable, old, now) -> show(now));
    }

    private void show(Screen screen) {
        title.textProperty().bind(messages.text("screen." + screen.id() + ".title"));
        Node content = unavailableScreen(screen);
        VBox.setVgrow(content, Priority.ALWAYS);
        getChildren().setAll(title, content);
    }

    private Node unavailableScreen(Screen screen) {
        return new EmptyStateView(ScreenIcons.of(screen),
                messages.text("screen.unavailable.title"),
                messages.text("screen." + screen.id() + ".purpose"));
    }
}
