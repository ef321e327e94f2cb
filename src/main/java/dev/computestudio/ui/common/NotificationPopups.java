package dev.computestudio.ui.common;

import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

import java.util.Objects;

/**
 * Shows each new notice of a {@link NotificationsViewModel} as a ControlsFX notification in the
 * corner of the studio window, styled for the current theme and worded in the current language
 * (a popup lives a few seconds, so it keeps the words it opened with).
 */
public final class NotificationPopups {

    private static final Duration SHOWN_FOR = Duration.seconds(8);
    private static final String STYLESHEET = "/dev/computestudio/ui/common/notifications.css";
    /** The popup is as wide as its longest line; this keeps it a corner card. */
    private static final int LINE_LENGTH = 60;

    private final NotificationsViewModel viewModel;
    private final Window owner;
    private final ObservableBooleanValue darkTheme;

    private NotificationPopups(NotificationsViewModel viewModel, Window owner, ObservableBooleanValue darkTheme) {
        this.viewModel = viewModel;
        this.owner = owner;
        this.darkTheme = darkTheme;
    }

    /** From now on, shows the view-model's notices over {@code owner}. Call it on the FX thread. */
    public static NotificationPopups attach(NotificationsViewModel viewModel, Window owner,
                                            ObservableBooleanValue darkTheme) {
        NotificationPopups popups = new NotificationPopups(viewModel, Objects.requireNonNull(owner, "owner"),
                Objects.requireNonNull(darkTheme, "darkTheme"));
        // A popup takes the stylesheets of its owner's scene; these rules touch only notifications.
        String stylesheet = Objects.requireNonNull(NotificationPopups.class.getResource(STYLESHEET), STYLESHEET)
                .toExternalForm();
        if (owner.getScene() != null) {
            owner.getScene().getStylesheets().add(stylesheet);
        } else {
            owner.sceneProperty().addListener((observable, old, scene) -> {
                if (scene != null && !scene.getStylesheets().contains(stylesheet)) {
                    scene.getStylesheets().add(stylesheet);
                }
            });
        }
        viewModel.notices().addListener((ListChangeListener<NotificationsViewModel.Notice>) change -> {
            while (change.next()) {
                if (change.wasAdded()) {
                    change.getAddedSubList().forEach(popups::show);
                }
            }
        });
        return popups;
    }

    /** Breaks the text into lines of at most {@code width} characters, between words where it can. */
    static String wrap(String text, int width) {
        StringBuilder wrapped = new StringBuilder();
        int lineLength = 0;
        for (String word : text.split(" ")) {
            while (word.length() > width) {
                if (lineLength > 0) {
                    wrapped.append('\n');
                }
                wrapped.append(word, 0, width);
                word = word.substring(width);
                lineLength = width;
            }
            if (lineLength > 0 && lineLength + 1 + word.length() > width) {
                wrapped.append('\n');
                lineLength = 0;
            } else if (lineLength > 0) {
                wrapped.append(' ');
                lineLength++;
            }
            wrapped.append(word);
            lineLength += word.length();
        }
        return wrapped.toString();
    }

    private void show(NotificationsViewModel.Notice notice) {
        if (!owner.isShowing()) {
            return;
        }
        Notifications popup = Notifications.create()
                .owner(owner)
                .title(viewModel.title(notice).get())
                .text(wrap(viewModel.text(notice).get(), LINE_LENGTH))
                .position(Pos.BOTTOM_RIGHT)
                .hideAfter(SHOWN_FOR);
        if (darkTheme.get()) {
            popup.darkStyle();
        }
        switch (notice.severity()) {
            case SUCCESS -> popup.showConfirm();
            case WARNING -> popup.showWarning();
            case ERROR -> popup.showError();
            case INFORMATION -> popup.showInformation();
        }
    }
}
