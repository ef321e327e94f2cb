package dev.computestudio.ui.workspaces;

import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.computestudio.domain.LockLevel;
import dev.computestudio.domain.ResourceLock;
import dev.computestudio.domain.Workspace;
import dev.computestudio.ui.common.Columns;
import dev.computestudio.ui.common.EmptyStateView;
import dev.computestudio.ui.common.Messages;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableStringValue;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The workspaces screen: a table of workspaces beside the selected one's ids and resource locks,
 * with the create form above them. It binds to {@link WorkspacesViewModel} and forwards events;
 * the keyboard shortcuts apply while it is in a scene.
 */
public final class WorkspacesView extends VBox {

    private static final String STYLESHEET = "/dev/computestudio/ui/workspaces/workspaces.css";
    private static final double TABLE_SHARE = 0.5;
    /** The lock a demo step or a notice is about. */
    private static final PseudoClass REVEALED = PseudoClass.getPseudoClass("revealed");

    private final WorkspacesViewModel viewModel;
    private final WorkspaceList list;
    private final WorkspaceCreateForm form;
    private final LocksPanel locks;
    private final Messages messages;
    private final TableView<Workspace> table = new TableView<>();
    private final TextField nameField = new TextField();
    private final TextField lockNameField = new TextField();
    private final VBox lockList = new VBox();
    private final Map<KeyCombination, Runnable> shortcuts = new LinkedHashMap<>();

    public WorkspacesView(WorkspacesViewModel viewModel, Messages messages) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.list = viewModel.list();
        this.form = viewModel.createForm();
        this.locks = viewModel.locks();
        setId("workspaces-view");
        getStyleClass().add("workspaces-view");
        getStylesheets().add(Objects.requireNonNull(getClass().getResource(STYLESHEET), STYLESHEET).toExternalForm());

        SplitPane split = new SplitPane(workspaceTable(), details());
        split.setDividerPositions(TABLE_SHARE);
        VBox.setVgrow(split, Priority.ALWAYS);
        getChildren().addAll(toolbar(), createForm(), split);

        registerShortcuts();
    }

    // The top line

    private HBox toolbar() {
        Button create = button("workspaces-new", Feather.PLUS, "workspaces.new", "workspaces.new.tooltip");
        create.getStyleClass().add(Styles.ACCENT);
        create.setOnAction(event -> openForm());
        create.disableProperty().bind(form.openProperty());

        Button delete = button("workspaces-delete", Feather.TRASH_2, "workspaces.delete", "workspaces.delete.tooltip");
        delete.getStyleClass().addAll(Styles.DANGER, Styles.BUTTON_OUTLINED);
        delete.disableProperty().bind(list.deleteDisabledProperty());
        delete.setOnAction(event -> confirmDelete());

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label hint = new Label();
        hint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        hint.textProperty().bind(messages.text("workspaces.liveHint"));

        HBox bar = new HBox(create, delete, spacer, hint);
        bar.getStyleClass().add("workspaces-toolbar");
        return bar;
    }

    // The create form

    private VBox createForm() {
        Label title = new Label();
        title.getStyleClass().add(Styles.TITLE_4);
        title.textProperty().bind(messages.text("workspaces.form.title"));

        nameField.setId("workspaces-name");
        nameField.textProperty().bindBidirectional(form.nameProperty());
        nameField.promptTextProperty().bind(messages.text("workspaces.form.name.prompt"));
        TextField locationField = new TextField();
        locationField.setId("workspaces-location");
        locationField.textProperty().bindBidirectional(form.locationProperty());
        TextField groupField = new TextField();
        groupField.setId("workspaces-resource-group");
        groupField.textProperty().bindBidirectional(form.resourceGroupProperty());
        groupField.promptTextProperty().bind(form.resourceGroupPromptProperty());
        for (TextField field : new TextField[] {nameField, locationField, groupField}) {
            field.setOnAction(event -> form.create());
        }

        GridPane fields = new GridPane();
        fields.getStyleClass().add("workspaces-form-fields");
        addField(fields, 0, "workspaces.form.name", nameField, form.nameMessageProperty(),
                "workspaces-name-message");
        addField(fields, 1, "workspaces.form.location", locationField, form.locationMessageProperty(),
                "workspaces-location-message");
        addField(fields, 2, "workspaces.form.resourceGroup", groupField, form.resourceGroupMessageProperty(),
                "workspaces-resource-group-message");

        ValidationSupport validation = new ValidationSupport();
        decorate(validation, nameField, form.nameMessageProperty());
        decorate(validation, locationField, form.locationMessageProperty());
        decorate(validation, groupField, form.resourceGroupMessageProperty());

        Button create = new Button();
        create.setId("workspaces-create");
        create.getStyleClass().add(Styles.ACCENT);
        create.textProperty().bind(messages.text("workspaces.form.create"));
        create.disableProperty().bind(form.createDisabledProperty());
        create.setOnAction(event -> form.create());
        Button cancel = new Button();
        cancel.setId("workspaces-cancel");
        cancel.textProperty().bind(messages.text("workspaces.form.cancel"));
        cancel.setOnAction(event -> form.cancelForm());
        create.setMinWidth(Region.USE_PREF_SIZE);
        cancel.setMinWidth(Region.USE_PREF_SIZE);
        HBox buttons = new HBox(create, cancel);
        buttons.getStyleClass().add("workspaces-form-buttons");

        Message error = errorMessage("workspaces-form-error", "workspaces.form.error.title",
                form.formErrorProperty());

        VBox box = new VBox(title, fields, buttons, error);
        box.setId("workspaces-form");
        box.getStyleClass().add("workspaces-form");
        showWhen(box, form.openProperty());
        box.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ESCAPE) {
                form.cancelForm();
                table.requestFocus();
                event.consume();
            }
        });
        return box;
    }

    private void addField(GridPane grid, int column, String labelKey, TextField field,
                          ObservableStringValue message, String messageId) {
        Label label = new Label();
        label.textProperty().bind(messages.text(labelKey));
        label.setLabelFor(field);
        Label problem = new Label();
        problem.setId(messageId);
        problem.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_SMALL);
        problem.setWrapText(true);
        problem.textProperty().bind(message);
        // Every broken rule on its own line, wrapped rather than cut.
        problem.setMaxWidth(Double.MAX_VALUE);
        problem.setMinHeight(Region.USE_PREF_SIZE);
        field.setMaxWidth(Double.MAX_VALUE);
        grid.add(label, column, 0);
        grid.add(field, column, 1);
        grid.add(problem, column, 2);
        ColumnConstraints constraints = new ColumnConstraints();
        constraints.setPercentWidth(100.0 / 3);
        grid.getColumnConstraints().add(constraints);
        // Marks the field itself too, for the themes that style a field in the danger state.
        message.addListener((observable, old, now) ->
                field.pseudoClassStateChanged(Styles.STATE_DANGER, now != null && !now.isEmpty()));
    }

    /** ControlsFX marks the field and shows the view-model's message in its tooltip. */
    private static void decorate(ValidationSupport validation, Control field, ObservableStringValue message) {
        validation.registerValidator(field, false, (Control control, String value) ->
                ValidationResult.fromErrorIf(control, message.get(),
                        message.get() != null && !message.get().isEmpty()));
        message.addListener((observable, old, now) -> validation.revalidate(field));
    }

    private void openForm() {
        form.openForm();
        nameField.requestFocus();
    }

    // The table

    private Node workspaceTable() {
        table.setId("workspaces-table");
        table.setItems(list.workspaces());
        Columns.fit(table);
        table.getStyleClass().add(Styles.STRIPED);
        table.getColumns().add(Columns.keep(column("workspaces.column.name", Workspace::name, 100)));
        table.getColumns().add(Columns.keep(column("workspaces.column.location", Workspace::location, 100)));
        table.getColumns().add(Columns.flex(
                column("workspaces.column.resourceGroup", Workspace::resourceGroup, 140)));
        table.getColumns().add(Columns.keep(column("workspaces.column.created", list::createdDay, 96)));
        table.setPlaceholder(new EmptyStateView(Feather.BRIEFCASE, messages.text("workspaces.empty.title"),
                messages.text("workspaces.empty.message")));

        table.getSelectionModel().selectedItemProperty().addListener((observable, old, now) -> {
            if (now != null) {
                list.select(now.name());
            }
        });
        list.selectedProperty().addListener((observable, old, now) -> showSelection());
        // Rows are updated in place; when one moves, the table's selection may need to follow.
        list.workspaces().addListener((ListChangeListener<Workspace>) change -> showSelection());
        showSelection();
        return table;
    }

    /**
     * Highlights the selected workspace's row, found by name. Compared by row, not by the table's
     * selected item: selecting an item while its row is being replaced (a workspace deleted and made
     * again, as a demo does) sets the table's item without moving its highlighted row, and a comparison
     * by item would then leave the highlight on another workspace than the details show.
     */
    private void showSelection() {
        Workspace wanted = list.selectedProperty().get();
        int row = wanted == null ? -1 : rowOf(wanted.name());
        if (row < 0) {
            table.getSelectionModel().clearSelection();
        } else if (table.getSelectionModel().getSelectedIndex() != row
                || !table.getItems().get(row).equals(table.getSelectionModel().getSelectedItem())) {
            table.getSelectionModel().clearAndSelect(row);
            table.scrollTo(row);
        }
    }

    private int rowOf(String name) {
        List<Workspace> rows = table.getItems();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private TableColumn<Workspace, String> column(String key, Function<Workspace, String> value, double width) {
        TableColumn<Workspace, String> column = new TableColumn<>();
        column.setPrefWidth(width);
        column.textProperty().bind(messages.text(key));
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return Columns.singleLine(column, text -> text);
    }

    // The details of the selected workspace

    private Node details() {
        WorkspaceDetails details = viewModel.details();
        Label title = new Label();
        title.setId("workspaces-details-title");
        title.getStyleClass().add(Styles.TITLE_3);
        title.textProperty().bind(details.nameProperty());

        Message deleteError = errorMessage("workspaces-delete-error", "workspaces.delete.error.title",
                list.deleteErrorProperty());
        deleteError.setOnClose(event -> list.dismissDeleteError());

        GridPane facts = new GridPane();
        facts.getStyleClass().add("workspaces-facts");
        addFact(facts, 0, "workspaces.details.location", details.locationProperty(), "workspaces-location-value");
        addFact(facts, 1, "workspaces.details.resourceGroup", details.resourceGroupProperty(),
                "workspaces-resource-group-value");
        addFact(facts, 2, "workspaces.details.created", details.createdProperty(), "workspaces-created-value");

        Node subscription = idLine("workspaces.details.subscriptionId", details.subscriptionIdProperty(),
                "workspaces-subscription-value", copyButton("workspaces-copy-subscription",
                        "workspaces.copy.subscriptionId", details.subscriptionIdProperty(),
                        details::subscriptionIdCopied));
        Node resource = idLine("workspaces.details.resourceId", details.resourceIdProperty(),
                "workspaces-resource-id-value", copyButton("workspaces-copy-resource-id",
                        "workspaces.copy.resourceId", details.resourceIdProperty(), details::resourceIdCopied));

        Label notice = new Label();
        notice.setId("workspaces-notice");
        notice.getStyleClass().addAll(Styles.SUCCESS, Styles.TEXT_SMALL);
        notice.textProperty().bind(details.noticeProperty());
        showWhen(notice, details.noticeProperty().isNotEmpty());

        VBox content = new VBox(title, deleteError, facts, subscription, resource, notice,
                locksSection());
        content.getStyleClass().add("workspaces-details");
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        showWhen(scroll, list.selectedProperty().isNotNull());

        EmptyStateView none = new EmptyStateView(Feather.MOUSE_POINTER, messages.text("workspaces.details.none.title"),
                messages.text("workspaces.details.none.message"));
        showWhen(none, list.selectedProperty().isNull());

        StackPane pane = new StackPane(scroll, none);
        pane.setId("workspaces-details");
        return pane;
    }

    private void addFact(GridPane grid, int column, String key, ObservableValue<String> value, String id) {
        Label name = new Label();
        name.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        name.textProperty().bind(messages.text(key));
        Label text = new Label();
        text.setId(id);
        text.textProperty().bind(value);
        name.setLabelFor(text);
        grid.add(name, column, 0);
        grid.add(text, column, 1);
    }

    /**
     * An id under its name, in a read-only field beside its copy button: ids are long, and a field
     * shows one on one line and lets the user select part of it.
     */
    private Node idLine(String key, ObservableValue<String> value, String id, Button copy) {
        Label name = new Label();
        name.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        name.textProperty().bind(messages.text(key));
        TextField text = new TextField();
        text.setId(id);
        text.setEditable(false);
        text.getStyleClass().add("workspaces-id");
        text.textProperty().bind(value);
        text.setMinWidth(0);
        name.setLabelFor(text);
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox line = new HBox(text, copy);
        line.getStyleClass().add("workspaces-id-line");
        VBox box = new VBox(name, line);
        box.getStyleClass().add("workspaces-id-box");
        return box;
    }

    private Button copyButton(String id, String tooltipKey, ObservableValue<String> value, Runnable copied) {
        Button copy = new Button(null, new FontIcon(Feather.COPY));
        copy.setId(id);
        copy.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        Tooltip tooltip = new Tooltip();
        tooltip.textProperty().bind(messages.text(tooltipKey));
        copy.setTooltip(tooltip);
        copy.accessibleTextProperty().bind(messages.text(tooltipKey));
        copy.setOnAction(event -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(value.getValue());
            Clipboard.getSystemClipboard().setContent(content);
            copied.run();
        });
        return copy;
    }

    // Resource locks

    private Node locksSection() {
        Label title = new Label();
        title.getStyleClass().add(Styles.TITLE_4);
        title.setGraphic(new FontIcon(Feather.LOCK));
        title.textProperty().bind(messages.text("locks.title"));

        Label summary = new Label();
        summary.setId("locks-summary");
        summary.setWrapText(true);
        summary.textProperty().bind(locks.summaryProperty());
        summary.getStyleClass().add("locks-summary");
        locks.locks().addListener((ListChangeListener<ResourceLock>) change ->
                markLocked(summary, !locks.locks().isEmpty()));
        markLocked(summary, !locks.locks().isEmpty());

        lockList.setId("locks-list");
        lockList.getStyleClass().add("locks-list");
        locks.locks().addListener((ListChangeListener<ResourceLock>) change -> showLocks());
        locks.revealedProperty().addListener((observable, old, now) -> showLocks());
        showLocks();

        Message error = errorMessage("locks-error", "locks.error.title", locks.errorProperty());
        error.setOnClose(event -> locks.dismissError());

        VBox section = new VBox(title, summary, lockList, lockForm(), error);
        section.getStyleClass().add("locks-section");
        return section;
    }

    private static void markLocked(Label summary, boolean locked) {
        summary.getStyleClass().removeAll(Styles.WARNING, Styles.TEXT_MUTED);
        summary.getStyleClass().add(locked ? Styles.WARNING : Styles.TEXT_MUTED);
    }

    private void showLocks() {
        lockList.getChildren().setAll(locks.locks().stream().map(this::lockTile).toList());
    }

    private Node lockTile(ResourceLock lock) {
        FontIcon icon = new FontIcon(lock.level() == LockLevel.READ_ONLY ? Feather.EYE : Feather.SHIELD);
        icon.getStyleClass().add("lock-icon");

        Label name = new Label(lock.name());
        name.getStyleClass().add(Styles.TEXT_BOLD);
        Label level = new Label();
        level.textProperty().bind(locks.levelName(lock.level()));
        level.getStyleClass().addAll("lock-level", lock.level() == LockLevel.READ_ONLY ? "read-only" : "can-not-delete");
        // The level goes under the name when the tile is narrow, so neither is cut to "...".
        name.setMinWidth(Region.USE_PREF_SIZE);
        level.setMinWidth(Region.USE_PREF_SIZE);
        FlowPane heading = new FlowPane(name, level);
        heading.getStyleClass().add("lock-heading");

        VBox text = new VBox(heading);
        text.getStyleClass().add("lock-text");
        if (lock.notes() != null && !lock.notes().isBlank()) {
            Label notes = new Label(lock.notes());
            notes.setWrapText(true);
            notes.getStyleClass().add("lock-notes");
            text.getChildren().add(notes);
        }
        Label blocks = new Label();
        blocks.setWrapText(true);
        blocks.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL, "lock-blocks");
        blocks.textProperty().bind(locks.explanation(lock.level()));
        text.getChildren().add(blocks);
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMinWidth(0);

        Button remove = new Button();
        remove.setId("lock-remove-" + lock.name());
        remove.getStyleClass().addAll(Styles.SMALL, Styles.BUTTON_OUTLINED);
        remove.setGraphic(new FontIcon(Feather.UNLOCK));
        remove.textProperty().bind(messages.text("locks.remove"));
        remove.disableProperty().bind(locks.busyProperty());
        remove.setOnAction(event -> locks.removeLock(lock));
        remove.setMinWidth(Region.USE_PREF_SIZE);

        HBox tile = new HBox(icon, text, remove);
        tile.getStyleClass().add("lock-tile");
        tile.pseudoClassStateChanged(REVEALED, lock.name().equals(locks.revealedProperty().get()));
        tile.setAlignment(Pos.TOP_LEFT);
        tile.setUserData(lock.name());
        return tile;
    }

    private Node lockForm() {
        Label heading = new Label();
        heading.getStyleClass().add(Styles.TEXT_BOLD);
        heading.textProperty().bind(messages.text("locks.form.title"));

        lockNameField.setId("locks-name");
        lockNameField.textProperty().bindBidirectional(locks.form().nameProperty());
        lockNameField.promptTextProperty().bind(messages.text("locks.form.name.prompt"));
        lockNameField.setOnAction(event -> locks.addLock());

        ComboBox<LockLevel> level = new ComboBox<>();
        level.setId("locks-level");
        level.getItems().setAll(LockLevel.values());
        level.valueProperty().bindBidirectional(locks.form().levelProperty());
        level.setButtonCell(new LevelCell());
        level.setCellFactory(list -> new LevelCell());

        TextField notes = new TextField();
        notes.setId("locks-notes");
        notes.textProperty().bindBidirectional(locks.form().notesProperty());
        notes.promptTextProperty().bind(messages.text("locks.form.notes.prompt"));
        notes.setOnAction(event -> locks.addLock());

        Button add = new Button();
        add.setId("locks-add");
        add.setGraphic(new FontIcon(Feather.LOCK));
        add.textProperty().bind(messages.text("locks.form.add"));
        add.disableProperty().bind(locks.form().addDisabledProperty());
        add.setOnAction(event -> locks.addLock());
        Tooltip tooltip = new Tooltip();
        tooltip.textProperty().bind(messages.text("locks.form.add.tooltip"));
        add.setTooltip(tooltip);
        add.setMinWidth(Region.USE_PREF_SIZE);

        // One field a line, the level and the button after them, side by side while they fit: beside
        // the narration panel the pane is narrow, and fields that share a line with them got squeezed.
        lockNameField.setMaxWidth(Double.MAX_VALUE);
        notes.setMaxWidth(Double.MAX_VALUE);
        lockNameField.getStyleClass().add("locks-field");
        notes.getStyleClass().add("locks-field");
        level.setMinWidth(Region.USE_PREF_SIZE);
        FlowPane choice = new FlowPane(level, add);
        choice.getStyleClass().add("locks-form-choice");
        VBox fields = new VBox(lockNameField, notes, choice);
        fields.getStyleClass().add("locks-form-fields");

        Label nameProblem = new Label();
        nameProblem.setId("locks-name-message");
        nameProblem.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_SMALL);
        nameProblem.setWrapText(true);
        nameProblem.setMinHeight(Region.USE_PREF_SIZE);
        nameProblem.textProperty().bind(locks.form().nameMessageProperty());
        showWhen(nameProblem, locks.form().nameMessageProperty().isNotEmpty());

        VBox box = new VBox(heading, fields, nameProblem);
        box.getStyleClass().add("locks-form");
        return box;
    }

    /** Shows a level with what it blocks, so the choice is made knowing it. */
    private final class LevelCell extends ListCell<LockLevel> {
        @Override
        protected void updateItem(LockLevel item, boolean empty) {
            super.updateItem(item, empty);
            textProperty().unbind();
            if (!empty && item != null) {
                textProperty().bind(locks.levelName(item));
                Tooltip tooltip = new Tooltip();
                tooltip.textProperty().bind(locks.explanation(item));
                tooltip.setWrapText(true);
                tooltip.setMaxWidth(360);
                setTooltip(tooltip);
            } else {
                setText(null);
                setTooltip(null);
            }
        }
    }

    // Delete

    private void confirmDelete() {
        Workspace target = list.selectedProperty().get();
        if (target == null || list.deleteDisabledProperty().get()) {
            return;
        }
        ButtonType delete = new ButtonType(messages.get("workspaces.delete.confirm.ok"), ButtonBar.ButtonData.OK_DONE);
        ButtonType keep = new ButtonType(messages.get("workspaces.delete.confirm.cancel"),
                ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, messages.get("workspaces.delete.confirm.message"),
                delete, keep);
        alert.setTitle(messages.get("workspaces.delete.confirm.title"));
        alert.setHeaderText(list.deleteQuestion());
        if (getScene() != null) {
            alert.initOwner(getScene().getWindow());
        }
        alert.getDialogPane().setId("workspaces-delete-dialog");
        Button confirm = (Button) alert.getDialogPane().lookupButton(delete);
        confirm.setId("workspaces-delete-confirm");
        confirm.getStyleClass().add(Styles.DANGER);
        confirm.setDefaultButton(false);
        Button cancel = (Button) alert.getDialogPane().lookupButton(keep);
        cancel.setId("workspaces-delete-cancel");
        // Keep is the default: Enter must not delete by accident.
        cancel.setDefaultButton(true);
        alert.setOnHidden(event -> {
            if (alert.getResult() == delete) {
                list.deleteSelected();
            }
        });
        alert.show();
    }

    // Shortcuts, registered while the view is in a scene

    private void registerShortcuts() {
        shortcuts.put(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN), this::openForm);
        shortcuts.put(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN), this::focusLockForm);
        shortcuts.put(new KeyCodeCombination(KeyCode.DELETE), () -> {
            // The Delete key edits text in a field; it deletes a workspace only from elsewhere.
            if (!(getScene().getFocusOwner() instanceof TextInputControl)) {
                confirmDelete();
            }
        });
        shortcuts.put(new KeyCodeCombination(KeyCode.F5), viewModel::reload);
        sceneProperty().addListener((observable, old, now) -> {
            if (old != null) {
                shortcuts.forEach((keys, action) -> old.getAccelerators().remove(keys, action));
            }
            if (now != null) {
                install(now);
            }
        });
        if (getScene() != null) {
            install(getScene());
        }
    }

    private void install(Scene scene) {
        scene.getAccelerators().putAll(shortcuts);
    }

    private void focusLockForm() {
        if (list.selectedProperty().get() != null) {
            lockNameField.requestFocus();
        }
    }

    // Helpers

    private Button button(String id, Ikon icon, String textKey, String tooltipKey) {
        Button button = new Button();
        button.setId(id);
        button.setGraphic(new FontIcon(icon));
        button.textProperty().bind(messages.text(textKey));
        Tooltip tooltip = new Tooltip();
        tooltip.textProperty().bind(messages.text(tooltipKey));
        button.setTooltip(tooltip);
        button.setMinWidth(Region.USE_PREF_SIZE);
        return button;
    }

    private Message errorMessage(String id, String titleKey, ObservableStringValue text) {
        Message message = new Message();
        message.setId(id);
        message.getStyleClass().add(Styles.DANGER);
        message.setGraphic(new FontIcon(Feather.ALERT_CIRCLE));
        message.titleProperty().bind(messages.text(titleKey));
        message.descriptionProperty().bind(text);
        showWhen(message, Bindings.isNotEmpty(text));
        return message;
    }

    private static void showWhen(Node node, ObservableValue<Boolean> condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(condition);
    }
}
