package dev.computestudio.ui.shell;

import atlantafx.base.controls.Popover;
import atlantafx.base.theme.Styles;
import dev.computestudio.ui.common.Messages;
import dev.computestudio.ui.common.NoticeIcons;
import dev.computestudio.ui.common.NotificationsViewModel;
import dev.computestudio.ui.common.NotificationsViewModel.Notice;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.Objects;

/**
 * The bell in the top bar with the count of unread notices, and the notification centre it opens:
 * this session's notices, newest first, each with its time, icon, words and what it is about.
 * Opening the centre marks everything read; an entry (click or Enter) goes to its object.
 */
final class NotificationCentre extends StackPane {

    private static final String STYLESHEET = "/dev/computestudio/ui/common/notifications.css";
    private static final int MOST_COUNTED = 99;
    private static final double LIST_HEIGHT = 380;

    private final NotificationsViewModel viewModel;
    private final Popover popover = new Popover();
    private final ListView<Notice> entries;

    NotificationCentre(NotificationsViewModel viewModel, Messages messages) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        String stylesheet = Objects.requireNonNull(getClass().getResource(STYLESHEET), STYLESHEET).toExternalForm();
        getStylesheets().add(stylesheet);

        Button bell = new Button(null, new FontIcon(Feather.BELL));
        bell.setId("notification-bell");
        bell.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        var hint = messages.format("notify.bell.hint", viewModel.unreadProperty());
        bell.accessibleTextProperty().bind(hint);
        Tooltip tooltip = new Tooltip();
        tooltip.textProperty().bind(hint);
        bell.setTooltip(tooltip);
        bell.setOnAction(event -> open());

        Label badge = new Label();
        badge.setId("notification-count");
        badge.getStyleClass().add("notification-badge");
        badge.textProperty().bind(Bindings.createStringBinding(() -> viewModel.unread() > MOST_COUNTED
                ? MOST_COUNTED + "+" : Integer.toString(viewModel.unread()), viewModel.unreadProperty()));
        badge.visibleProperty().bind(viewModel.unreadProperty().greaterThan(0));
        badge.setMouseTransparent(true);
        badge.setMinWidth(Region.USE_PREF_SIZE);
        StackPane.setAlignment(badge, Pos.TOP_RIGHT);
        getChildren().addAll(bell, badge);

        entries = new ListView<>(viewModel.history());
        entries.setId("notification-entries");
        entries.setPrefHeight(LIST_HEIGHT);
        entries.setCellFactory(list -> new Entry());
        Label empty = new Label();
        empty.textProperty().bind(messages.text("notify.centre.empty"));
        empty.setWrapText(true);
        entries.setPlaceholder(empty);
        entries.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER && entries.getSelectionModel().getSelectedItem() != null) {
                go(entries.getSelectionModel().getSelectedItem());
                event.consume();
            }
        });
        VBox content = new VBox(entries);
        content.setId("notification-centre");
        content.getStyleClass().add("notification-centre");
        content.getStylesheets().add(stylesheet);

        popover.setContentNode(content);
        popover.titleProperty().bind(messages.text("notify.centre.title"));
        popover.setHeaderAlwaysVisible(true);
        popover.setArrowLocation(Popover.ArrowLocation.TOP_RIGHT);
        popover.setDetachable(false);
        // What comes while the centre is open is seen as it comes.
        viewModel.unreadProperty().addListener((observable, old, now) -> {
            if (popover.isShowing() && now.intValue() > 0) {
                viewModel.markAllRead();
            }
        });
    }

    private void open() {
        if (popover.isShowing()) {
            popover.hide();
            return;
        }
        viewModel.markAllRead();
        popover.show(this);
        entries.getSelectionModel().selectFirst();
        entries.requestFocus();
    }

    private void go(Notice notice) {
        popover.hide();
        viewModel.open(notice);
    }

    /** One notice: icon, title and time on the first line, its words, then what it is about. */
    private final class Entry extends ListCell<Notice> {

        Entry() {
            setOnMouseClicked(event -> {
                if (event.getButton() == MouseButton.PRIMARY && getItem() != null) {
                    go(getItem());
                }
            });
        }

        @Override
        protected void updateItem(Notice notice, boolean empty) {
            super.updateItem(notice, empty);
            setText(null);
            if (empty || notice == null) {
                setGraphic(null);
                return;
            }
            Label title = new Label();
            title.getStyleClass().add(Styles.TEXT_BOLD);
            title.textProperty().bind(viewModel.title(notice));
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            Label time = new Label(viewModel.time(notice));
            time.getStyleClass().addAll(Styles.TEXT_SMALL, "notice-time");
            time.setMinWidth(Region.USE_PREF_SIZE);
            HBox heading = new HBox(8, title, spacer, time);

            Label text = new Label();
            text.setWrapText(true);
            text.textProperty().bind(viewModel.text(notice));
            VBox words = new VBox(3, heading, text);
            if (notice.subject() != null) {
                Label subject = new Label();
                subject.getStyleClass().addAll(Styles.TEXT_SMALL, "notice-subject");
                subject.textProperty().bind(viewModel.subject(notice));
                subject.setGraphic(new FontIcon(ScreenIcons.of(ShellViewModel.screenOf(notice.subject()))));
                words.getChildren().add(subject);
            }
            HBox.setHgrow(words, Priority.ALWAYS);
            HBox entry = new HBox(10, NoticeIcons.of(notice.kind()), words);
            entry.getStyleClass().add("notice-entry");
            // As wide as the list, so long words wrap instead of scrolling sideways.
            setPrefWidth(0);
            setGraphic(entry);
        }
    }
}
