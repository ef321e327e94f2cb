package dev.computestudio.testing;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Text;
import javafx.stage.Window;

import java.util.LinkedHashSet;
import java.util.Set;

/** Every text a user can read in the studio's open windows: labels, buttons, cells, headers, prompts and tooltips. */
public final class VisibleTexts {

    private VisibleTexts() {
    }

    /** Call on the FX thread. */
    public static Set<String> inOpenWindows() {
        Set<String> texts = new LinkedHashSet<>();
        for (Window window : Window.getWindows()) {
            if (window.isShowing() && window.getScene() != null) {
                collect(window.getScene().getRoot(), texts);
            }
        }
        return texts;
    }

    private static void collect(Node node, Set<String> texts) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled labeled) {
            add(labeled.getText(), texts);
        }
        if (node instanceof Text text) {
            add(text.getText(), texts);
        }
        if (node instanceof TextInputControl input) {
            add(input.getPromptText(), texts);
        }
        if (node instanceof Control control) {
            Tooltip tooltip = control.getTooltip();
            if (tooltip != null) {
                add(tooltip.getText(), texts);
            }
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collect(child, texts);
            }
        }
    }

    private static void add(String text, Set<String> texts) {
        if (text != null && !text.isBlank()) {
            texts.add(text.strip());
        }
    }
}
