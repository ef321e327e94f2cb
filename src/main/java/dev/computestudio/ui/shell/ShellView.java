package dev.computestudio.ui.shell;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.computestudio.ui.common.Messages;
import dev.computestudio.ui.common.NotificationPopups;
import javafx.application.Application;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;

import java.util.Objects;

/**
 * The studio's frame: navigation on the left, the selected screen in the centre, the top bar and
 * the status bar. It also owns the application-wide theme, which follows the view-model.
 */
public final class ShellView extends BorderPane {

    private static final String STYLESHEET = "/dev/computestudio/ui/studio.css";

    private final ScreenArea screens;

    public ShellView(ShellViewModel viewModel, Messages messages) {
        this(viewModel, messages, ScreenFactory.none());
    }

    public ShellView(ShellViewModel viewModel, Messages messages, ScreenFactory factory) {
        Objects.requireNonNull(viewModel, "viewModel");
        Objects.requireNonNull(messages, "messages");
        getStyleClass().add("shell");
        getStylesheets().add(Objects.requireNonNull(getClass().getResource(STYLESHEET), STYLESHEET).toExternalForm());

        // Added first, so the navigation is where keyboard focus starts.
        setLeft(new NavigationPane(viewModel, messages));
        TopBar topBar = new TopBar(viewModel, messages);
        setTop(topBar);
        screens = new ScreenArea(viewModel, messages, factory);
        setCenter(screens);
        factory.notifications().ifPresent(notifications -> {
            NotificationCentre notificationCentre = new NotificationCentre(notifications, messages);
            topBar.addBeforeThemeToggle(notificationCentre.bell());
            notificationCentre.closeOnPressOutside(this);
            // Over the screen area only: a card never covers the bars or the panel beside the screens.
            StackPane centre = new StackPane(screens, new NotificationPopups(notifications), notificationCentre);
            centre.setMinWidth(0);
            setCenter(centre);
        });
        StatusBar statusBar = new StatusBar(viewModel);
        factory.statusItem().ifPresent(statusBar.getChildren()::add);
        setBottom(statusBar);
        factory.sidePanel().ifPresent(panel -> {
            // The screen gives up width to the panel rather than pushing it out of the window.
            screens.setMinWidth(0);
            setRight(panel);
        });

        applyTheme(viewModel.isDarkTheme());
        viewModel.darkThemeProperty().addListener((observable, old, dark) -> applyTheme(dark));
    }

    /** Brings the shown screen's data up to date; call it off the FX thread. */
    public void refreshShownScreen() {
        screens.refreshShown();
    }

    /** Sets the stylesheet every control starts from: AtlantaFX Primer, light or dark. */
    private static void applyTheme(boolean dark) {
        // The precompiled form loads faster than parsing the CSS at start-up.
        Application.setUserAgentStylesheet(dark
                ? new PrimerDark().getUserAgentStylesheetBSS()
                : new PrimerLight().getUserAgentStylesheetBSS());
    }
}
