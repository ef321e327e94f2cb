package dev.computestudio.ui.shell;

import atlantafx.base.theme.Styles;
import dev.computestudio.ui.common.Messages;
import dev.computestudio.ui.common.NoticeIcons;
import dev.computestudio.ui.common.NotificationsViewModel;
import dev.computestudio.ui.common.NotificationsViewModel.Notice;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.Objects;

/**
 * The bell in the top bar with the count of unread notices, and the notification centre it opens:
 * this session's notices, newest first, each with its time, icon, words and what it is about.
 * Opening the centre marks everything read; an entry (click or Enter) goes to its object; Escape,
 * the close button or a click elsewhere closes it. The centre is a panel laid over the screen area
 * (no popup window), so it takes the keyboard as the rest of the studio does.
 */
final class NotificationCentre extends VBox {

    private static final String STYLESHEET = "/dev/computestudio/ui/common/notifications.css";
    private static final int MOST_COUNTED = 99;
    private static final double LIST_HEIGHT = 380;
    /** What a cell leaves beside its words: the icon, the gaps, the paddings and the scroll bar. */
    private static final double TEXT_INSET = 70;

    private final NotificationsViewModel viewModel;
    private final StackPane bell;
    private final Button bellButton;
    private final ListView<Notice> entries;

    NotificationCentre(NotificationsViewModel viewModel, Messages messages) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        String stylesheet = Objects.requireNonNull(getClass().getResource(STYLESHEET), STYLESHEET).toExternalForm();

        bellButton = new Button(null, new FontIcon(Feather.BELL));
        bellButton.setId("notification-bell");
        bellButton.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        var hint = messages.format("notify.bell.hint", viewModel.unreadProperty());
        bellButton.accessibleTextProperty().bind(hint);
        Tooltip tooltip = new Tooltip();
        tooltip.textProperty().bind(hint);
        bellButton.setTooltip(tooltip);
        bellButton.setOnAction(event -> toggle());

        Label badge = new Label();
        badge.setId("notification-count");
        badge.getStyleClass().add("notification-badge");
        badge.textProperty().bind(Bindings.createStringBinding(() -> viewModel.unread() > MOST_COUNTED
                ? MOST_COUNTED + "+" : Integer.toString(viewModel.unread()), viewModel.unreadProperty()));
        badge.visibleProperty().bind(viewModel.unreadProperty().greaterThan(0));
        badge.setMouseTransparent(true);
        badge.setMinWidth(Region.USE_PREF_SIZE);
        StackPane.setAlignment(badge, Pos.TOP_RIGHT);
        bell = new StackPane(bellButton, badge);
        bell.getStylesheets().add(stylesheet);

        Label title = new Label();
        title.textProperty().bind(messages.text("notify.centre.title"));
        title.getStyleClass().add(Styles.TITLE_4);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button close = new Button(null, new FontIcon(Feather.X));
        close.setId("notification-centre-close");
        close.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        close.accessibleTextProperty().bind(messages.text("notify.centre.close"));
        close.setOnAction(event -> close());
        HBox header = new HBox(8, title, spacer, close);
        header.setAlignment(Pos.CENTER_LEFT);

        entries = new ListView<>();
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
        VBox.setVgrow(entries, Priority.ALWAYS);

        setId("notification-centre");
        getStyleClass().add("notification-centre");
        getStylesheets().add(stylesheet);
        getChildren().addAll(header, entries);
        setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        StackPane.setAlignment(this, Pos.TOP_RIGHT);
        StackPane.setMargin(this, new Insets(4, 12, 12, 12));
        setVisible(false);
        managedProperty().bind(visibleProperty());
        // Closed, the list holds nothing: hidden, it would still lay out and style its cells for every
        // notice that comes (hundreds of milliseconds of the FX thread each poll in a busy class).
        visibleProperty().addListener((observable, was, open) ->
                entries.setItems(open ? viewModel.history() : FXCollections.emptyObservableList()));
        // A filter: the list would take Escape for itself.
        addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ESCAPE) {
                close();
                event.consume();
            }
        });
        // What comes while the centre is open is seen as it comes.
        viewModel.unreadProperty().addListener((observable, old, now) -> {
            if (isVisible() && now.intValue() > 0) {
                viewModel.markAllRead();
            }
        });
    }

    /** The bell with its count, for the top bar. */
    Node bell() {
        return bell;
    }

    /** A press anywhere in {@code area} outside the centre and its bell closes it. */
    void closeOnPressOutside(Node area) {
        area.addEventFilter(MouseEvent.MOUSE_PRESSED, event -> {
            if (isVisible() && !inside(event.getTarget())) {
                close();
            }
        });
    }

    private boolean inside(Object target) {
        for (Node node = target instanceof Node n ? n : null; node != null; node = node.getParent()) {
            if (node == this || node == bell) {
                return true;
            }
        }
        return false;
    }

    private void toggle() {
        if (isVisible()) {
            close();
            return;
        }
        viewModel.markAllRead();
        setVisible(true);
        entries.getSelectionModel().selectFirst();
        entries.scrollTo(0);
        entries.requestFocus();
    }

    private void close() {
        setVisible(false);
        bellButton.requestFocus();
    }

    private void go(Notice notice) {
        setVisible(false);
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

            // A Text wraps at a width it is given; a wrapping Label in a cell's graphic stays one line.
            Text text = new Text();
            text.getStyleClass().add("notice-text");
            text.textProperty().bind(viewModel.text(notice));
            text.wrappingWidthProperty().bind(entries.widthProperty().subtract(TEXT_INSET));
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
