package dev.computestudio.ui.common;

import javafx.scene.Node;

import java.util.Objects;

/**
 * A built screen: its view, and how to bring its data up to date. The shell calls
 * {@code refresh} off the FX thread, about once a second while the screen is shown, so that
 * changes made elsewhere (the engine, the command line) appear without a click.
 */
public record ScreenContent(Node view, Runnable refresh) {

    public ScreenContent {
        Objects.requireNonNull(view, "view");
        Objects.requireNonNull(refresh, "refresh");
    }
}
