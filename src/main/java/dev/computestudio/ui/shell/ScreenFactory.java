package dev.computestudio.ui.shell;

import dev.computestudio.ui.common.ScreenContent;

import java.util.Optional;

/** Builds the screens that exist; a screen without one shows what it will hold. Called on the FX thread. */
@FunctionalInterface
public interface ScreenFactory {

    Optional<ScreenContent> create(Screen screen);

    static ScreenFactory none() {
        return screen -> Optional.empty();
    }
}
