package dev.computestudio.ui.shell;

import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.event.EventHandler;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The presentation zoom: every window of the studio (the main one, its dialogs, the wizard) shows
 * its text at the shell's text size, and Ctrl+= / Ctrl+- / Ctrl+0 change it from any of them. The
 * size is the root's font size; the theme's sizes in em (titles, spacing) follow it, and icons are
 * scaled alike. Each window also gets the studio's stylesheets (its rules for every control, and those
 * for every window such as the padding of dialogs): dialogs are built in several screens, and this is
 * the one place that styles them all like the main window.
 */
public final class TextZoom {

    /** The theme's normal font size, in px. */
    private static final double NORMAL_FONT_PX = 14;
    /** The theme's icon size at the normal size, in px; in em an icon would grow with its own font. */
    private static final double NORMAL_ICON_PX = 18;
    private static final String SHEET_PREFIX = "data:text/css;base64,";
    private static final List<String> STUDIO_SHEETS = List.of(resource("studio.css"), resource("windows.css"));

    private static final List<KeyCombination> LARGER = List.of(
            new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_ANY),
            new KeyCodeCombination(KeyCode.PLUS, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_ANY),
            new KeyCodeCombination(KeyCode.ADD, KeyCombination.SHORTCUT_DOWN));
    private static final List<KeyCombination> SMALLER = List.of(
            new KeyCodeCombination(KeyCode.MINUS, KeyCombination.SHORTCUT_DOWN),
            new KeyCodeCombination(KeyCode.SUBTRACT, KeyCombination.SHORTCUT_DOWN));
    private static final List<KeyCombination> NORMAL = List.of(
            new KeyCodeCombination(KeyCode.DIGIT0, KeyCombination.SHORTCUT_DOWN),
            new KeyCodeCombination(KeyCode.NUMPAD0, KeyCombination.SHORTCUT_DOWN));

    private final ShellViewModel viewModel;
    private final EventHandler<KeyEvent> keys = this::keyPressed;
    private final ListChangeListener<Window> opened = change -> {
        while (change.next()) {
            change.getAddedSubList().forEach(this::attach);
        }
    };
    private final ChangeListener<Number> resized = (observable, old, percent) -> resize(percent.intValue());
    private String sheet;

    private TextZoom(ShellViewModel viewModel) {
        this.viewModel = viewModel;
    }

    /**
     * Zooms every window open now and every one opened later with the shell's text size, until
     * {@link #stop}. Call on the FX thread.
     */
    public static TextZoom follow(ShellViewModel viewModel) {
        TextZoom zoom = new TextZoom(viewModel);
        zoom.sheet = sheet(viewModel.textSizeProperty().get());
        Window.getWindows().forEach(zoom::attach);
        Window.getWindows().addListener(zoom.opened);
        viewModel.textSizeProperty().addListener(zoom.resized);
        return zoom;
    }

    /** Windows opened from now on keep the normal size; the open ones go back to it. Call on the FX thread. */
    public void stop() {
        Window.getWindows().removeListener(opened);
        viewModel.textSizeProperty().removeListener(resized);
        Window.getWindows().stream().map(Window::getScene).filter(Objects::nonNull).forEach(scene -> {
            scene.getStylesheets().removeIf(url -> url.startsWith(SHEET_PREFIX) || STUDIO_SHEETS.contains(url));
            scene.removeEventFilter(KeyEvent.KEY_PRESSED, keys);
        });
    }

    private void attach(Window window) {
        // Popups (menus, tooltips, lists) take their size from the node that opened them.
        if (window instanceof Stage) {
            if (window.getScene() != null) {
                attach(window.getScene());
            }
            window.sceneProperty().addListener((observable, old, now) -> {
                if (now != null) {
                    attach(now);
                }
            });
        }
    }

    private void attach(Scene scene) {
        scene.getStylesheets().removeIf(url -> url.startsWith(SHEET_PREFIX) || STUDIO_SHEETS.contains(url));
        scene.getStylesheets().addAll(STUDIO_SHEETS);
        scene.getStylesheets().add(sheet);
        scene.removeEventFilter(KeyEvent.KEY_PRESSED, keys);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, keys);
    }

    private void resize(int percent) {
        sheet = sheet(percent);
        Window.getWindows().stream()
                .filter(window -> window instanceof Stage && window.getScene() != null)
                .forEach(window -> {
                    List<String> sheets = window.getScene().getStylesheets();
                    sheets.removeIf(url -> url.startsWith(SHEET_PREFIX));
                    sheets.add(sheet);
                });
    }

    private void keyPressed(KeyEvent event) {
        if (LARGER.stream().anyMatch(keys -> keys.match(event))) {
            viewModel.enlargeText();
        } else if (SMALLER.stream().anyMatch(keys -> keys.match(event))) {
            viewModel.reduceText();
        } else if (NORMAL.stream().anyMatch(keys -> keys.match(event))) {
            viewModel.resetTextSize();
        } else {
            return;
        }
        event.consume();
    }

    private static String resource(String name) {
        String path = "/dev/computestudio/ui/" + name;
        return Objects.requireNonNull(TextZoom.class.getResource(path), path).toExternalForm();
    }

    /** The stylesheet of a text size: a scene's stylesheet comes after the theme's, so it wins. */
    private static String sheet(int percent) {
        String css = String.format(Locale.ROOT,
                ".root { -fx-font-size: %.2fpx; } .ikonli-font-icon { -fx-icon-size: %dpx; }",
                NORMAL_FONT_PX * percent / 100, Math.round(NORMAL_ICON_PX * percent / 100));
        return SHEET_PREFIX + Base64.getEncoder().encodeToString(css.getBytes(StandardCharsets.UTF_8));
    }
}
