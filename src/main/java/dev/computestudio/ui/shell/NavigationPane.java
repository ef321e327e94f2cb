package dev.computestudio.ui.shell;

import dev.computestudio.ui.common.Messages;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.EnumMap;
import java.util.Map;

/** The left column: one entry per screen, the selected one highlighted. */
final class NavigationPane extends VBox {

    private final Map<Screen, ToggleButton> entries = new EnumMap<>(Screen.class);

    NavigationPane(ShellViewModel viewModel, Messages messages) {
        getStyleClass().add("nav-pane");
        ToggleGroup group = new ToggleGroup();
        for (Screen screen : Screen.values()) {
            ToggleButton entry = new ToggleButton();
            entry.setId("nav-" + screen.id());
            entry.getStyleClass().add("nav-item");
            entry.setGraphic(new FontIcon(ScreenIcons.of(screen)));
            entry.textProperty().bind(messages.text("screen." + screen.id() + ".title"));
            entry.setMaxWidth(Double.MAX_VALUE);
            entry.setToggleGroup(group);
            // Clicking the selected entry would unselect it; the shown screen stays, so does the highlight.
            entry.setOnAction(event -> {
                viewModel.select(screen);
                highlight(viewModel.selectedScreen());
            });
            entries.put(screen, entry);
            getChildren().add(entry);
        }
        highlight(viewModel.selectedScreen());
        viewModel.selectedScreenProperty().addListener((observable, old, now) -> highlight(now));
    }

    private void highlight(Screen screen) {
        entries.get(screen).setSelected(true);
    }
}
