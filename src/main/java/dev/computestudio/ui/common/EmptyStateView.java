package dev.computestudio.ui.common;

import atlantafx.base.theme.Styles;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextAlignment;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A centred icon, title and one explaining sentence, for a place that has nothing to show. It may
 * appear more than once in a scene, so its parts carry style classes rather than ids.
 */
public final class EmptyStateView extends VBox {

    private static final double MESSAGE_WIDTH = 440;

    public EmptyStateView(Ikon icon, ObservableValue<String> title, ObservableValue<String> message) {
        getStyleClass().add("empty-state");
        setAlignment(Pos.CENTER);

        FontIcon picture = new FontIcon(icon);
        picture.getStyleClass().add("empty-state-icon");

        Label titleLabel = new Label();
        titleLabel.getStyleClass().addAll(Styles.TITLE_3, "empty-state-title");
        titleLabel.textProperty().bind(title);

        Label messageLabel = new Label();
        messageLabel.getStyleClass().addAll(Styles.TEXT_MUTED, "empty-state-message");
        messageLabel.setWrapText(true);
        messageLabel.setTextAlignment(TextAlignment.CENTER);
        messageLabel.setMaxWidth(MESSAGE_WIDTH);
        messageLabel.textProperty().bind(message);

        getChildren().addAll(picture, titleLabel, messageLabel);
    }
}
