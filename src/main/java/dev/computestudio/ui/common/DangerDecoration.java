package dev.computestudio.ui.common;

import atlantafx.base.theme.Styles;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import org.controlsfx.validation.Severity;
import org.controlsfx.validation.ValidationMessage;
import org.controlsfx.validation.decoration.ValidationDecoration;

/**
 * Marks an invalid control the AtlantaFX way (its danger state: a red outline in either theme) and
 * puts the message in its tooltip. Unlike ControlsFX's graphic decoration it needs no overlay pane,
 * so it stays right when a page is swapped out of the scene. A required field gets no mark here:
 * its label carries a neutral '*', since the ControlsFX mark for it is a red corner that reads as
 * an error before the user typed anything.
 */
public final class DangerDecoration implements ValidationDecoration {

    private static final String TOOLTIP_KEY = DangerDecoration.class.getName() + ".tooltip";

    /** The mark a required field's label ends with. */
    public static final String REQUIRED_MARK = " *";

    @Override
    public void removeDecorations(Control target) {
        target.pseudoClassStateChanged(Styles.STATE_DANGER, false);
        if (target.getTooltip() != null && target.getTooltip() == target.getProperties().get(TOOLTIP_KEY)) {
            target.setTooltip(null);
        }
        target.getProperties().remove(TOOLTIP_KEY);
    }

    @Override
    public void applyValidationDecoration(ValidationMessage message) {
        Control target = message.getTarget();
        target.pseudoClassStateChanged(Styles.STATE_DANGER, message.getSeverity() == Severity.ERROR);
        if (target.tooltipProperty().isBound()) {
            // The view shows the message in a tooltip of its own.
            return;
        }
        Tooltip tooltip = new Tooltip(message.getText());
        target.getProperties().put(TOOLTIP_KEY, tooltip);
        target.setTooltip(tooltip);
    }

    @Override
    public void applyRequiredDecoration(Control target) {
        // Required fields carry REQUIRED_MARK in their label instead.
    }
}
