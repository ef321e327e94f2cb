package dev.computestudio.ui.common;

import atlantafx.base.theme.Styles;
import javafx.animation.PauseTransition;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.List;
import java.util.Objects;

/**
 * Shows each new notice of a {@link NotificationsViewModel} for a few seconds as a card in the
 * bottom-right corner of the pane it is laid over (the shell lays it over the screen area only, so
 * a card never covers the top bar, the status bar or the demo narration beside the screens). A
 * card's words follow the language; a click on it goes to what it is about. Only the cards take
 * clicks: the screen under the empty part of the layer stays usable.
 */
public final class NotificationPopups extends VBox {

    private static final Duration SHOWN_FOR = Duration.seconds(8);
    private static final String STYLESHEET = "/dev/computestudio/ui/common/notifications.css";
    /** More cards would climb over the screen's own toolbar; the bell's history has every notice. */
    static final int MOST_SHOWN = 3;
    private static final double CARD_WIDTH = 360;

    private final NotificationsViewModel viewModel;

    public NotificationPopups(NotificationsViewModel viewModel) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        setId("notification-popups");
        getStyleClass().add("notification-popups");
        getStylesheets().add(Objects.requireNonNull(getClass().getResource(STYLESHEET), STYLESHEET).toExternalForm());
        setSpacing(8);
        // Wider than a card's shadow, which then stays off the panels around the screen area too.
        setPadding(new Insets(16));
        setAlignment(Pos.BOTTOM_RIGHT);
        setFillWidth(false);
        setPickOnBounds(false);
        setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        StackPane.setAlignment(this, Pos.BOTTOM_RIGHT);
        viewModel.notices().addListener((ListChangeListener<NotificationsViewModel.Notice>) change -> {
            while (change.next()) {
                if (change.wasAdded()) {
                    // Of a poll's notices only the newest few stay up: cards for the others are not made.
                    List<? extends NotificationsViewModel.Notice> added = change.getAddedSubList();
                    added.subList(Math.max(0, added.size() - MOST_SHOWN), added.size()).forEach(this::show);
                }
            }
        });
    }

    private void show(NotificationsViewModel.Notice notice) {
        HBox card = card(notice);
        getChildren().add(card);
        if (getChildren().size() > MOST_SHOWN) {
            getChildren().remove(0, getChildren().size() - MOST_SHOWN);
        }
        PauseTransition shown = new PauseTransition(SHOWN_FOR);
        shown.setOnFinished(event -> getChildren().remove(card));
        shown.play();
    }

    private HBox card(NotificationsViewModel.Notice notice) {
        Label title = new Label();
        title.getStyleClass().addAll(Styles.TEXT_BOLD, "notice-title");
        title.textProperty().bind(viewModel.title(notice));
        Label text = new Label();
        text.getStyleClass().add("notice-text");
        text.setWrapText(true);
        text.textProperty().bind(viewModel.text(notice));
        VBox words = new VBox(4, title, text);
        HBox.setHgrow(words, Priority.ALWAYS);

        Button close = new Button(null, new FontIcon(Feather.X));
        close.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL, "notice-close");
        close.setFocusTraversable(false);

        HBox card = new HBox(10, NoticeIcons.of(notice.kind()), words, close);
        card.getStyleClass().addAll("notice-card", NoticeIcons.styleClass(notice.severity()));
        card.setPrefWidth(CARD_WIDTH);
        card.setMaxWidth(CARD_WIDTH);
        close.setOnAction(event -> getChildren().remove(card));
        card.setOnMouseClicked(event -> {
            if (event.getButton() == MouseButton.PRIMARY) {
                getChildren().remove(card);
                viewModel.open(notice);
            }
        });
        return card;
    }
}
