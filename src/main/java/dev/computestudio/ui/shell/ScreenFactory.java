package dev.computestudio.ui.shell;

import dev.computestudio.ui.common.NotificationsViewModel;
import dev.computestudio.ui.common.ScreenContent;

import java.util.Optional;

/** Builds the screens that exist; a screen without one shows what it will hold. Called on the FX thread. */
@FunctionalInterface
public interface ScreenFactory {

    Optional<ScreenContent> create(Screen screen);

    /** A panel shown beside every screen (the demo narration), built once with the shell. */
    default Optional<javafx.scene.Node> sidePanel() {
        return Optional.empty();
    }

    /** An item at the end of the status bar (the demo clock's speed), built once with the shell. */
    default Optional<javafx.scene.Node> statusItem() {
        return Optional.empty();
    }

    /** The session's notifications, for the bell in the top bar and the cards over the screens. */
    default Optional<NotificationsViewModel> notifications() {
        return Optional.empty();
    }

    static ScreenFactory none() {
        return screen -> Optional.empty();
    }
}
