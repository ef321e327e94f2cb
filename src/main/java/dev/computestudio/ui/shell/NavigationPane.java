package dev.computestudio.ui.shell;

import dev.computestudio.ui.common.Messages;
import javafx.beans.InvalidationListener;
import javafx.css.PseudoClass;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.EnumMap;
import java.util.Map;

/**
 * The left column: one entry per screen, the selected one highlighted. On a narrow window (a
 * projector's 1024 px, or a large text size) it shows only the icons, each naming its screen in a
 * tooltip; the keyboard moves through the entries as before.
 */
final class NavigationPane extends VBox {

    /** Below this window width, in em of the text size, the entries show only their icons. */
    private static final double COLLAPSE_BELOW_EM = 1150.0 / 14;
    private static final PseudoClass COLLAPSED = PseudoClass.getPseudoClass("collapsed");

    private final Map<Screen, ToggleButton> entries = new EnumMap<>(Screen.class);
    private final InvalidationListener fit = observable -> fitWidth();

    NavigationPane(ShellViewModel viewModel, Messages messages) {
        getStyleClass().add("nav-pane");
        ToggleGroup group = new ToggleGroup();
        for (Screen screen : Screen.values()) {
            ToggleButton entry = new ToggleButton();
            entry.setId("nav-" + screen.id());
            entry.getStyleClass().add("nav-item");
            entry.setGraphic(new FontIcon(ScreenIcons.of(screen)));
            entry.textProperty().bind(messages.text("screen." + screen.id() + ".title"));
            Tooltip name = new Tooltip();
            name.textProperty().bind(entry.textProperty());
            entry.setTooltip(name);
            entry.fontProperty().addListener(fit);
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
        sceneProperty().addListener((observable, old, now) -> {
            if (old != null) {
                old.widthProperty().removeListener(fit);
            }
            if (now != null) {
                now.widthProperty().addListener(fit);
                fitWidth();
            }
        });
    }

    /** Whether the entries show only their icons. */
    boolean isCollapsed() {
        return getPseudoClassStates().contains(COLLAPSED);
    }

    private void fitWidth() {
        if (getScene() == null) {
            return;
        }
        double fontSize = entries.values().iterator().next().getFont().getSize();
        boolean collapsed = getScene().getWidth() < COLLAPSE_BELOW_EM * fontSize;
        pseudoClassStateChanged(COLLAPSED, collapsed);
        entries.values().forEach(entry ->
                entry.setContentDisplay(collapsed ? ContentDisplay.GRAPHIC_ONLY : ContentDisplay.LEFT));
    }

    private void highlight(Screen screen) {
        entries.get(screen).setSelected(true);
    }
}
