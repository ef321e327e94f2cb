package dev.computestudio.ui.quota;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.computestudio.ui.common.Columns;
import dev.computestudio.ui.common.Messages;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.Objects;

/**
 * Usage against limits as bars, regional totals first, then each VM family; and the form that
 * raises the selected limit.
 */
public final class QuotaView extends VBox {

    private static final String STYLESHEET = Objects.requireNonNull(
            QuotaView.class.getResource("/dev/computestudio/ui/quota/quota.css")).toExternalForm();

    public QuotaView(QuotaViewModel viewModel, Messages messages) {
        setSpacing(12);
        setPadding(new Insets(0, 0, 8, 0));
        getStyleClass().add("quota-screen");
        getStylesheets().add(STYLESHEET);

        Label intro = new Label();
        intro.textProperty().bind(messages.text("quota.intro"));
        intro.setWrapText(true);
        intro.getStyleClass().add(Styles.TEXT_MUTED);

        TableView<QuotaRow> table = table(viewModel, messages);
        VBox.setVgrow(table, Priority.ALWAYS);

        getChildren().addAll(intro, table, requestForm(viewModel, messages));
    }

    private static TableView<QuotaRow> table(QuotaViewModel viewModel, Messages messages) {
        TableView<QuotaRow> table = new TableView<>(viewModel.rows());
        table.setId("quota-table");
        table.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
        Columns.fit(table);

        TableColumn<QuotaRow, String> name = new TableColumn<>();
        name.textProperty().bind(messages.text("quota.column.name"));
        name.setCellValueFactory(cell -> viewModel.name(cell.getValue()));
        name.setPrefWidth(340);
        Columns.singleLine(name, text -> text);

        TableColumn<QuotaRow, String> scope = new TableColumn<>();
        scope.textProperty().bind(messages.text("quota.column.scope"));
        scope.setCellValueFactory(cell -> messages.text(cell.getValue().regional()
                ? "quota.scope.regional" : "quota.scope.family"));
        scope.setPrefWidth(110);
        Columns.singleLine(scope, text -> text);

        TableColumn<QuotaRow, QuotaRow> usage = new TableColumn<>();
        usage.textProperty().bind(messages.text("quota.column.usage"));
        usage.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        usage.setCellFactory(column -> new UsageCell(viewModel));
        usage.setPrefWidth(320);

        // The use keeps its width and the name takes the rest; on a narrow window the scope goes (the name says it too).
        Columns.flex(name);
        Columns.optional(scope);
        Columns.keep(usage);
        table.getColumns().setAll(java.util.List.of(name, scope, usage));
        table.getSelectionModel().selectedItemProperty().addListener((observable, old, now) -> {
            if (now != null) {
                viewModel.selectedProperty().set(now);
            }
        });
        viewModel.selectedProperty().addListener((observable, old, now) -> {
            if (now != null && table.getSelectionModel().getSelectedItem() != now) {
                table.getSelectionModel().select(now);
            }
        });
        Label empty = new Label();
        empty.textProperty().bind(messages.text("quota.empty"));
        table.setPlaceholder(empty);
        return table;
    }

    private static HBox requestForm(QuotaViewModel viewModel, Messages messages) {
        Label label = new Label();
        label.textProperty().bind(viewModel.requestLabelProperty());

        TextField limit = new TextField();
        limit.setId("quota-new-limit");
        limit.setPrefColumnCount(6);
        limit.textProperty().bindBidirectional(viewModel.newLimitProperty());
        limit.disableProperty().bind(viewModel.selectedProperty().isNull());

        Button request = new Button(null, new FontIcon(Feather.ARROW_UP_CIRCLE));
        request.setId("quota-request");
        request.textProperty().bind(messages.text("quota.request.button"));
        request.getStyleClass().add(Styles.ACCENT);
        request.disableProperty().bind(viewModel.requestDisabledProperty());
        request.setOnAction(event -> viewModel.requestLimit());
        limit.setOnAction(event -> {
            if (!request.isDisabled()) {
                viewModel.requestLimit();
            }
        });
        request.sceneProperty().addListener((observable, old, scene) -> {
            if (scene != null) {
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN),
                        () -> {
                            if (request.isVisible() && !request.isDisabled() && request.getScene() == scene) {
                                viewModel.requestLimit();
                            }
                        });
            }
        });

        Label message = new Label();
        message.setId("quota-message");
        message.textProperty().bind(Bindings.when(viewModel.errorProperty().isNull())
                .then(viewModel.messageProperty()).otherwise(viewModel.errorProperty()));
        message.getStyleClass().add(Styles.TEXT_SMALL);
        viewModel.errorProperty().addListener((observable, old, now) ->
                message.pseudoClassStateChanged(Styles.STATE_DANGER, now != null));

        Label hint = new Label();
        hint.textProperty().bind(messages.text("quota.request.hint"));
        hint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        hint.setWrapText(true);

        // The texts give way before the field and the button, whose words never get cut.
        VBox text = new VBox(2, label, hint, message);
        text.setMinWidth(0);
        HBox.setHgrow(text, Priority.ALWAYS);
        limit.setMinWidth(Region.USE_PREF_SIZE);
        request.setMinWidth(Region.USE_PREF_SIZE);
        HBox form = new HBox(10, text, limit, request);
        form.setAlignment(Pos.CENTER_LEFT);
        form.setPadding(new Insets(10));
        form.getStyleClass().add("quota-request");
        return form;
    }

    /** A bar and "used / limit unit", with the text in words so the state does not rely on colour. */
    private static final class UsageCell extends TableCell<QuotaRow, QuotaRow> {

        private final ProgressBar bar = new ProgressBar();
        private final Label text = new Label();
        private final HBox box = new HBox(10, bar, text);
        private final QuotaViewModel viewModel;

        UsageCell(QuotaViewModel viewModel) {
            this.viewModel = viewModel;
            // Short enough that a long quota name and "0 / 24 vCPUs (no quota)" share a projector's 1024 px.
            bar.setPrefWidth(90);
            bar.setMinWidth(90);
            box.setAlignment(Pos.CENTER_LEFT);
            Columns.measure(this);
        }

        @Override
        protected void updateItem(QuotaRow row, boolean empty) {
            super.updateItem(row, empty);
            text.textProperty().unbind();
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            bar.setId("quota-bar-" + row.key());
            bar.setProgress(row.fraction());
            bar.pseudoClassStateChanged(Styles.STATE_DANGER, row.exhausted());
            text.textProperty().bind(viewModel.usage(row));
            setGraphic(box);
        }
    }
}
