package dev.computestudio.ui.common;

import atlantafx.base.theme.Styles;
import dev.computestudio.ui.common.NotificationsViewModel.Kind;
import dev.computestudio.ui.common.NotificationsViewModel.Severity;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The icon of each kind of notice, from the studio's icon pack, coloured by how serious it is. */
public final class NoticeIcons {

    private NoticeIcons() {
    }

    public static FontIcon of(Kind kind) {
        FontIcon icon = new FontIcon(glyph(kind));
        icon.getStyleClass().add(styleClass(kind.severity()));
        return icon;
    }

    /** The style class of a severity, as AtlantaFX names its colours: success, warning, danger, accent. */
    public static String styleClass(Severity severity) {
        return switch (severity) {
            case SUCCESS -> Styles.SUCCESS;
            case WARNING -> Styles.WARNING;
            case ERROR -> Styles.DANGER;
            case INFORMATION -> Styles.ACCENT;
        };
    }

    private static Feather glyph(Kind kind) {
        return switch (kind) {
            case JOB_COMPLETED -> Feather.CHECK_CIRCLE;
            case JOB_FAILED -> Feather.X_CIRCLE;
            case JOB_CANCELED -> Feather.SLASH;
            case NODE_PREEMPTED -> Feather.ZAP_OFF;
            // The Quota screen's own icon.
            case QUOTA_EXCEEDED -> Feather.PIE_CHART;
            case SCALING_LOCKED -> Feather.LOCK;
            case RUNNER_UNAVAILABLE -> Feather.ALERT_OCTAGON;
            case MORE -> Feather.MORE_HORIZONTAL;
        };
    }
}
