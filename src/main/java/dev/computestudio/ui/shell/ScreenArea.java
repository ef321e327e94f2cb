package dev.computestudio.ui.shell;

import atlantafx.base.theme.Styles;
import dev.computestudio.ui.common.EmptyStateView;
import dev.computestudio.ui.common.Messages;
import dev.computestudio.ui.common.ScreenContent;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The centre: the selected screen under its title. Screens are built once, when first shown, and
 * keep their state; a screen not built yet shows an empty state that says what it will hold.
 */
final class ScreenArea extends VBox {

    private final Messages messages;
    private final ScreenFactory factory;
    private final Map<Screen, Optional<ScreenContent>> built = new EnumMap<>(Screen.class);
    private final Label title = new Label();
    private volatile ScreenContent shown;

    ScreenArea(ShellViewModel viewModel, Messages messages, ScreenFactory factory) {
        this.messages = messages;
        this.factory = factory;
        getStyleClass().add("screen-area");
        title.setId("screen-title");
        title.getStyleClass().add(Styles.TITLE_2);
        // A screen taller than the window gives way, not its title.
        title.setMinHeight(Region.USE_PREF_SIZE);
        show(viewModel.selectedScreen());
        viewModel.selectedScreenProperty().addListener((observable, old, now) -> show(now));
    }

    /** Brings the shown screen's data up to date; called off the FX thread. */
    void refreshShown() {
        ScreenContent current = shown;
        if (current != null) {
            current.refresh().run();
        }
    }

    private void show(Screen screen) {
        title.textProperty().bind(messages.text("screen." + screen.id() + ".title"));
        Optional<ScreenContent> content = built.computeIfAbsent(screen, factory::create);
        shown = content.orElse(null);
        Node view = content.map(ScreenContent::view).orElseGet(() -> unavailableScreen(screen));
        VBox.setVgrow(view, Priority.ALWAYS);
        if (view instanceof Region region) {
            region.setMinHeight(0);
        }
        getChildren().setAll(title, view);
    }

    private Node unavailableScreen(Screen screen) {
        return new EmptyStateView(ScreenIcons.of(screen),
                messages.text("screen.unavailable.title"),
                messages.text("screen." + screen.id() + ".purpose"));
    }
}
