package dev.computestudio.ui.identity;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.computestudio.domain.IdentityType;
import dev.computestudio.domain.IssuedToken;
import dev.computestudio.ui.common.Columns;
import dev.computestudio.ui.common.Messages;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.util.StringConverter;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The Identity panel: on the left the workspace's user-assigned identities and each cluster's
 * identity with an editor; on the right "try it", a token asked for as a job would and shown
 * decoded, claim by claim, with what each claim means.
 */
public final class IdentityView extends SplitPane {

    private static final String STYLESHEET = "/dev/computestudio/ui/identity/identity.css";

    private final IdentityViewModel viewModel;
    private final Messages messages;
    private final TextField nameField = new TextField();
    private final Map<KeyCombination, Runnable> shortcuts = new LinkedHashMap<>();

    public IdentityView(IdentityViewModel viewModel, Messages messages) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        this.messages = Objects.requireNonNull(messages, "messages");
        setId("identity-panel");
        getStyleClass().add("identity-panel");
        getStylesheets().add(Objects.requireNonNull(getClass().getResource(STYLESHEET), STYLESHEET).toExternalForm());
        setOrientation(Orientation.HORIZONTAL);

        VBox manage = new VBox(12, identitiesSection(), clustersSection());
        manage.setPadding(new Insets(0, 8, 0, 0));
        VBox tryIt = trySection();
        VBox.setVgrow(tryIt, Priority.ALWAYS);
        VBox right = new VBox(tryIt);
        right.setPadding(new Insets(0, 0, 0, 8));
        // On a projector's 700 px the two sections are taller than the screen: they scroll, so the
        // screen's title above stays in view.
        ScrollPane manageScroll = new ScrollPane(manage);
        manageScroll.setFitToWidth(true);
        manageScroll.getStyleClass().addAll(Tweaks.EDGE_TO_EDGE, "identity-manage");
        getItems().setAll(manageScroll, right);
        setDividerPositions(0.45);

        registerShortcuts();
    }

    // Sections

    private VBox identitiesSection() {
        Label title = sectionTitle("identity.identities.title");

        nameField.setId("identity-name");
        nameField.promptTextProperty().bind(messages.text("identity.identities.namePrompt"));
        nameField.textProperty().bindBidirectional(viewModel.newIdentityNameProperty());
        HBox.setHgrow(nameField, Priority.ALWAYS);
        ValidationSupport validation = new ValidationSupport();
        validation.registerValidator(nameField, false, (Control control, Object value) -> {
            String problem = viewModel.nameProblemProperty().get();
            return ValidationResult.fromErrorIf(control, problem, problem != null);
        });
        // The decoration's words follow the language too.
        viewModel.nameProblemProperty().addListener((observable, old, now) -> validation.revalidate(nameField));

        Button create = new Button(null, new FontIcon(Feather.PLUS));
        create.setId("identity-create");
        create.textProperty().bind(messages.text("identity.identities.create"));
        create.getStyleClass().add(Styles.ACCENT);
        create.disableProperty().bind(viewModel.createDisabledProperty());
        create.setOnAction(event -> viewModel.createIdentity());
        create.setMinWidth(Region.USE_PREF_SIZE);
        nameField.setOnAction(event -> {
            if (!create.isDisabled()) {
                viewModel.createIdentity();
            }
        });

        Button delete = new Button(null, new FontIcon(Feather.TRASH_2));
        delete.setId("identity-delete");
        delete.textProperty().bind(messages.text("identity.identities.delete"));
        delete.getStyleClass().add(Styles.DANGER);
        delete.disableProperty().bind(viewModel.deleteDisabledProperty());
        delete.setOnAction(event -> viewModel.deleteSelectedIdentity());
        delete.setMinWidth(Region.USE_PREF_SIZE);

        // The name on a line of its own: beside two buttons, a narrow column left it a few letters wide.
        nameField.setMaxWidth(Double.MAX_VALUE);
        HBox buttons = new HBox(8, create, delete);
        buttons.setAlignment(Pos.CENTER_LEFT);
        VBox form = new VBox(6, nameField, buttons);

        TableView<IdentityRow> table = new TableView<>(viewModel.identities());
        table.setId("identity-table");
        table.getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE);
        // The name keeps its width; the client id and the clusters using it give way, whole on hover.
        Columns.fit(table);
        table.getColumns().setAll(List.of(
                Columns.keep(column("identity.identities.column.name", 120, row -> row.name())),
                Columns.flex(column("identity.identities.column.clientId", 140, row -> row.clientId())),
                Columns.flex(column("identity.identities.column.usedBy", 90, IdentityRow::usedByText))));
        table.setPlaceholder(placeholder("identity.identities.empty"));
        table.setPrefHeight(120);
        table.setMinHeight(100);
        bindSelection(table, viewModel.selectedIdentityProperty());
        table.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.DELETE && !delete.isDisabled()) {
                viewModel.deleteSelectedIdentity();
                event.consume();
            }
        });

        Label notice = new Label();
        notice.setId("identity-notice");
        notice.setWrapText(true);
        notice.getStyleClass().add(Styles.TEXT_SMALL);
        notice.textProperty().bind(viewModel.noticeTextProperty());
        viewModel.noticeProperty().addListener((observable, old, now) ->
                toggleClass(notice, "notice-failure", now != null && now.failure()));

        VBox section = new VBox(8, title, form, table, notice);
        section.getStyleClass().add("identity-section");
        return section;
    }

    private VBox clustersSection() {
        Label title = sectionTitle("identity.clusters.title");

        TableView<ClusterRow> table = new TableView<>(viewModel.clusters());
        table.setId("identity-clusters");
        table.getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE);
        Columns.fit(table);
        TableColumn<ClusterRow, String> type = new TableColumn<>();
        type.textProperty().bind(messages.text("identity.clusters.column.type"));
        type.setCellValueFactory(cell -> viewModel.typeName(cell.getValue().type()));
        type.setPrefWidth(125);
        Columns.singleLine(type, text -> text);
        TableColumn<ClusterRow, String> identities = new TableColumn<>();
        identities.textProperty().bind(messages.text("identity.clusters.column.identities"));
        identities.setCellValueFactory(cell -> viewModel.identitiesText(cell.getValue()));
        identities.setPrefWidth(160);
        Columns.singleLine(identities, text -> text);
        // The cluster's name and its identity type keep their width; the identities' names give way.
        table.getColumns().setAll(List.of(Columns.keep(column("identity.clusters.column.name", 115, ClusterRow::name)),
                Columns.keep(type), Columns.flex(identities)));
        table.setPlaceholder(placeholder("identity.clusters.empty"));
        table.setPrefHeight(140);
        table.setMinHeight(100);
        bindSelection(table, viewModel.selectedClusterProperty());

        Label editing = new Label();
        editing.setId("identity-editing");
        editing.textProperty().bind(viewModel.editorTitleProperty());
        editing.getStyleClass().add(Styles.TEXT_BOLD);
        editing.setWrapText(true);
        editing.setMinHeight(Region.USE_PREF_SIZE);

        ToggleGroup types = new ToggleGroup();
        FlowPane radios = new FlowPane(14, 6);
        for (IdentityType option : IdentityType.values()) {
            RadioButton radio = new RadioButton();
            radio.setId("identity-type-" + option.yamlName().replace('_', '-'));
            radio.textProperty().bind(viewModel.typeName(option));
            radio.setToggleGroup(types);
            radio.setUserData(option);
            radio.disableProperty().bind(viewModel.selectedClusterProperty().isNull());
            radios.getChildren().add(radio);
        }
        selectType(types, viewModel.editTypeProperty().get());
        viewModel.editTypeProperty().addListener((observable, old, now) -> selectType(types, now));
        types.selectedToggleProperty().addListener((observable, old, now) -> {
            if (now != null) {
                viewModel.editTypeProperty().set((IdentityType) now.getUserData());
            }
        });

        ListView<IdentityChoice> choices = new ListView<>(viewModel.choices());
        choices.setId("identity-choices");
        choices.setCellFactory(CheckBoxListCell.forListView(IdentityChoice::chosenProperty,
                new StringConverter<>() {
                    @Override
                    public String toString(IdentityChoice choice) {
                        return choice == null ? "" : choice.name();
                    }

                    @Override
                    public IdentityChoice fromString(String text) {
                        return null;
                    }
                }));
        choices.disableProperty().bind(viewModel.choicesDisabledProperty()
                .or(viewModel.selectedClusterProperty().isNull()));
        choices.setPrefHeight(84);
        choices.setMinHeight(60);
        choices.setPlaceholder(placeholder("identity.editor.noIdentities"));

        Button apply = new Button(null, new FontIcon(Feather.CHECK));
        apply.setId("identity-apply");
        apply.textProperty().bind(messages.text("identity.editor.apply"));
        apply.getStyleClass().add(Styles.ACCENT);
        apply.disableProperty().bind(viewModel.applyDisabledProperty());
        apply.setOnAction(event -> viewModel.applyIdentity());
        apply.setMinWidth(Region.USE_PREF_SIZE);
        Label hint = new Label();
        hint.textProperty().bind(messages.text("identity.editor.hint"));
        hint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        hint.setWrapText(true);
        hint.setMinHeight(Region.USE_PREF_SIZE);
        HBox.setHgrow(hint, Priority.ALWAYS);
        HBox actions = new HBox(10, hint, apply);
        actions.setAlignment(Pos.CENTER_LEFT);

        VBox section = new VBox(8, title, table, editing, radios, choices, actions);
        section.getStyleClass().add("identity-section");
        VBox.setVgrow(section, Priority.ALWAYS);
        return section;
    }

    private VBox trySection() {
        Label title = sectionTitle("identity.try.title");
        Label intro = new Label();
        intro.textProperty().bind(messages.text("identity.try.intro"));
        intro.setWrapText(true);
        intro.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        intro.setMinHeight(Region.USE_PREF_SIZE);

        ComboBox<String> cluster = new ComboBox<>(viewModel.clusterNames());
        cluster.setId("identity-try-cluster");
        cluster.valueProperty().bindBidirectional(viewModel.tryClusterProperty());
        cluster.setMaxWidth(Double.MAX_VALUE);

        ComboBox<TokenIdentity> identity = new ComboBox<>(viewModel.tokenIdentities());
        identity.setId("identity-try-identity");
        identity.valueProperty().bindBidirectional(viewModel.tokenIdentityProperty());
        identity.setCellFactory(list -> new TokenIdentityCell());
        identity.setButtonCell(new TokenIdentityCell());
        identity.setMaxWidth(Double.MAX_VALUE);

        TextField audience = new TextField();
        audience.setId("identity-try-audience");
        audience.textProperty().bindBidirectional(viewModel.audienceProperty());

        Button request = new Button(null, new FontIcon(Feather.KEY));
        request.setId("identity-try-request");
        request.textProperty().bind(messages.text("identity.try.request"));
        request.getStyleClass().add(Styles.ACCENT);
        request.disableProperty().bind(viewModel.requestDisabledProperty());
        request.setOnAction(event -> viewModel.requestToken());
        audience.setOnAction(event -> {
            if (!request.isDisabled()) {
                viewModel.requestToken();
            }
        });

        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        // One field a line: side by side, the longer pt-BR labels at 150 % text left the identities
        // beside them a few letters wide on a projector.
        form.addRow(0, fieldLabel("identity.try.cluster"), cluster);
        form.addRow(1, fieldLabel("identity.try.identity"), identity);
        form.addRow(2, fieldLabel("identity.try.audience"), audience);
        form.add(request, 1, 3);
        for (Region field : List.of(cluster, identity, audience)) {
            field.setMinWidth(0);
            field.setMaxWidth(Double.MAX_VALUE);
            GridPane.setHgrow(field, Priority.ALWAYS);
        }
        request.setMinWidth(Region.USE_PREF_SIZE);

        Label requestLine = new Label();
        requestLine.setId("identity-try-request-line");
        requestLine.getStyleClass().addAll("request-line", Styles.TEXT_SMALL);
        requestLine.setWrapText(true);
        requestLine.setMinHeight(Region.USE_PREF_SIZE);
        requestLine.textProperty().bind(viewModel.requestLineProperty());
        requestLine.managedProperty().bind(requestLine.textProperty().isNotEmpty());
        requestLine.visibleProperty().bind(requestLine.managedProperty());

        Label status = new Label();
        status.setId("identity-try-status");
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);
        status.textProperty().bind(viewModel.tokenStatusProperty());
        status.graphicProperty().bind(Bindings.createObjectBinding(() -> {
            if (viewModel.tokenErrorProperty().get() != null) {
                return new FontIcon(Feather.X_CIRCLE);
            }
            IssuedToken token = viewModel.tokenProperty().get();
            if (token == null) {
                return null;
            }
            return new FontIcon(token.signatureVerified() ? Feather.CHECK_CIRCLE : Feather.ALERT_TRIANGLE);
        }, viewModel.tokenProperty(), viewModel.tokenErrorProperty()));
        Runnable styleStatus = () -> {
            IssuedToken token = viewModel.tokenProperty().get();
            toggleClass(status, "token-verified", token != null && token.signatureVerified());
            toggleClass(status, "token-refused", viewModel.tokenErrorProperty().get() != null
                    || token != null && !token.signatureVerified());
        };
        viewModel.tokenProperty().addListener((observable, old, now) -> styleStatus.run());
        viewModel.tokenErrorProperty().addListener((observable, old, now) -> styleStatus.run());

        TableView<ClaimRow> claims = claimsTable();
        VBox.setVgrow(claims, Priority.ALWAYS);

        VBox section = new VBox(8, title, intro, form, requestLine, status, claims);
        section.getStyleClass().add("identity-section");
        return section;
    }

    private TableView<ClaimRow> claimsTable() {
        TableView<ClaimRow> table = new TableView<>(viewModel.claims());
        table.setId("identity-claims");
        table.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

        TableColumn<ClaimRow, ClaimRow> claim = new TableColumn<>();
        claim.textProperty().bind(messages.text("identity.claims.column.claim"));
        claim.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        claim.setCellFactory(column -> new ClaimCell(column));
        claim.setPrefWidth(190);
        claim.setMinWidth(170);

        TableColumn<ClaimRow, String> value = new TableColumn<>();
        value.textProperty().bind(messages.text("identity.claims.column.value"));
        value.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().value()));
        value.setCellFactory(column -> new WrappingCell(column));
        value.setPrefWidth(300);

        table.getColumns().setAll(List.of(claim, value));
        table.setPlaceholder(placeholder("identity.claims.empty"));
        return table;
    }

    // Helpers

    private <T> TableColumn<T, String> column(String key, double width, java.util.function.Function<T, String> text) {
        TableColumn<T, String> column = new TableColumn<>();
        column.textProperty().bind(messages.text(key));
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
        column.setPrefWidth(width);
        return Columns.singleLine(column, value -> value);
    }

    private Label sectionTitle(String key) {
        Label title = new Label();
        title.textProperty().bind(messages.text(key));
        title.getStyleClass().add(Styles.TITLE_4);
        return title;
    }

    private Label fieldLabel(String key) {
        Label label = new Label();
        label.textProperty().bind(messages.text(key));
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private Label placeholder(String key) {
        Label label = new Label();
        label.textProperty().bind(messages.text(key));
        label.getStyleClass().add(Styles.TEXT_MUTED);
        label.setWrapText(true);
        return label;
    }

    private static <T> void bindSelection(TableView<T> table, javafx.beans.property.ObjectProperty<T> selected) {
        table.getSelectionModel().selectedItemProperty().addListener((observable, old, now) -> {
            if (now != null) {
                selected.set(now);
            }
        });
        selected.addListener((observable, old, now) -> {
            if (now == null) {
                table.getSelectionModel().clearSelection();
            } else if (table.getSelectionModel().getSelectedItem() != now) {
                table.getSelectionModel().select(now);
            }
        });
    }

    private static void selectType(ToggleGroup types, IdentityType type) {
        types.getToggles().stream().filter(toggle -> toggle.getUserData() == type).findFirst()
                .ifPresent(toggle -> toggle.setSelected(true));
    }

    private static void toggleClass(javafx.scene.Node node, String styleClass, boolean on) {
        node.getStyleClass().remove(styleClass);
        if (on) {
            node.getStyleClass().add(styleClass);
        }
    }

    /** Ctrl+N names a new identity, Ctrl+Enter asks for a token, F5 reads everything again; only while shown. */
    private void registerShortcuts() {
        shortcuts.put(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN), nameField::requestFocus);
        shortcuts.put(new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN), () -> {
            if (!viewModel.requestDisabledProperty().get()) {
                viewModel.requestToken();
            }
        });
        shortcuts.put(new KeyCodeCombination(KeyCode.F5), viewModel::refresh);
        sceneProperty().addListener((observable, old, now) -> {
            if (old != null) {
                shortcuts.forEach((combination, action) -> old.getAccelerators().remove(combination, action));
            }
            if (now != null) {
                shortcuts.forEach((combination, action) -> now.getAccelerators().put(combination, guarded(now, action)));
            }
        });
    }

    private Runnable guarded(Scene scene, Runnable action) {
        Runnable guarded = () -> {
            if (getScene() == scene && isVisible()) {
                action.run();
            }
        };
        return guarded;
    }

    /** The claim's name and, under it, what it means; both wrap within the column. */
    private final class ClaimCell extends TableCell<ClaimRow, ClaimRow> {

        private final Text name = new Text();
        private final Text meaning = new Text();
        private final VBox box = new VBox(2, name, meaning);

        ClaimCell(TableColumn<ClaimRow, ClaimRow> column) {
            name.getStyleClass().add("claim-name");
            meaning.getStyleClass().add("claim-meaning");
            // The column's width, not the cell's: a cell is 0 wide before its first layout.
            meaning.wrappingWidthProperty().bind(column.widthProperty().subtract(16));
        }

        @Override
        protected void updateItem(ClaimRow row, boolean empty) {
            super.updateItem(row, empty);
            meaning.textProperty().unbind();
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            name.setText(row.name());
            meaning.textProperty().bind(viewModel.claimDescription(row));
            setGraphic(box);
        }
    }

    /** A value that wraps inside its column instead of being cut. */
    private static final class WrappingCell extends TableCell<ClaimRow, String> {

        private final Text text = new Text();

        WrappingCell(TableColumn<ClaimRow, String> column) {
            text.getStyleClass().add("claim-value");
            text.wrappingWidthProperty().bind(column.widthProperty().subtract(16));
        }

        @Override
        protected void updateItem(String value, boolean empty) {
            super.updateItem(value, empty);
            if (empty || value == null) {
                setGraphic(null);
                return;
            }
            text.setText(value);
            setGraphic(text);
        }
    }

    /** "Default (DEFAULT_IDENTITY_CLIENT_ID)" or an identity's name with its client id. */
    private final class TokenIdentityCell extends ListCell<TokenIdentity> {

        @Override
        protected void updateItem(TokenIdentity identity, boolean empty) {
            super.updateItem(identity, empty);
            textProperty().unbind();
            if (empty || identity == null) {
                setText(null);
            } else {
                textProperty().bind(viewModel.tokenIdentityText(identity));
            }
        }
    }
}
