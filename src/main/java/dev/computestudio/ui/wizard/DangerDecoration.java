package dev.computestudio.ui.wizard;

import atlantafx.base.theme.Styles;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import org.controlsfx.validation.Severity;
import org.controlsfx.validation.ValidationMessage;
import org.controlsfx.validation.decoration.ValidationDecoration;

/**
 * Marks an invalid control the AtlantaFX way (its danger state: a red outline in either theme) and
 * puts the message in its tooltip. Unlike ControlsFX's graphic decoration it needs no overlay pane,
 * so it stays right when a page is swapped out of the scene.
 */
final class DangerDecoration implements ValidationDecoration {

    private static final String TOOLTIP_KEY = DangerDecoration.class.getName() + ".tooltip";

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
        Tooltip tooltip = new Tooltip(message.getText());
        target.getProperties().put(TOOLTIP_KEY, tooltip);
        target.setTooltip(tooltip);
    }

    @Override
    public void applyRequiredDecoration(Control target) {
        // Required fields carry a '*' in their label instead.
    }
}
