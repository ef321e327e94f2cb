package dev.computestudio.ui.compute;

import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;
import dev.computestudio.domain.ProvisioningState;
import dev.computestudio.ui.common.Columns;
import dev.computestudio.ui.common.EmptyStateView;
import dev.computestudio.ui.common.Messages;
import dev.computestudio.ui.common.SingleLineCell;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.io.File;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The compute screen: a toolbar, the workspace's compute in a table and the selected cluster's
 * details below it. It binds to {@link ComputeViewModel} and forwards clicks and shortcuts.
 */
public final class ComputeView extends BorderPane {

    static final String STYLESHEET = Objects.requireNonNull(
            ComputeView.class.getResource("/dev/computestudio/ui/compute/compute.css")).toExternalForm();
    /** Six clusters in view at 1440x900; the details scroll below. */
    private static final double DIVIDER = 0.45;

    private final ComputeViewModel viewModel;
    private final Messages messages;
    private final ComputeDialogs dialogs;
    private final TableView<ClusterRow> table = new TableView<>();
    private final Map<KeyCombination, Runnable> shortcuts = new LinkedHashMap<>();

    public ComputeView(ComputeViewModel viewModel, Messages messages) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.dialogs = new ComputeDialogs(messages);
        setId("compute-view");
        getStyleClass().add("compute-view");
        getStylesheets().add(STYLESHEET);

        setTop(new VBox(toolbar(), feedback()));

        TableView<ClusterRow> clusters = clusterTable();
        // Both parts grow with the window, so that on a large screen the table shows more clusters.
        SplitPane split = new SplitPane(clusters, new ClusterDetailsView(viewModel, messages));
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(DIVIDER);
        split.getStyleClass().add("compute-split");
        split.visibleProperty().bind(viewModel.noWorkspaceProperty().not());

        EmptyStateView noWorkspace = new EmptyStateView(Feather.BRIEFCASE, messages.text("compute.noWorkspace.title"),
                messages.text("compute.noWorkspace.message"));
        noWorkspace.setId("compute-no-workspace");
        noWorkspace.visibleProperty().bind(viewModel.noWorkspaceProperty());
        setCenter(new StackPane(split, noWorkspace));

        registerShortcutsWhileShown();
        acceptDroppedYaml();
    }

    // Toolbar and shortcuts

    /**
     * The everyday actions as buttons, the rarer ones (identity, attach, detach, YAML) in a "More" menu, so
     * that the bar fits one line on a projector in either language. Should it still wrap (a large
     * text size), each group wraps as a whole: never one button alone on a line.
     */
    private FlowPane toolbar() {
        Button create = button("compute-new", Feather.PLUS, "compute.action.new", "Shortcut+N",
                viewModel.newDisabledProperty(), viewModel::newCluster);
        create.getStyleClass().add(Styles.ACCENT);
        Button scale = button("compute-edit-scale", Feather.SLIDERS, "compute.action.scale", "Shortcut+E",
                viewModel.changeDisabledProperty(), this::editScale);
        Button delete = button("compute-delete", Feather.TRASH_2, "compute.action.delete", "Delete",
                viewModel.changeDisabledProperty(), this::confirmDelete);

        MenuButton more = new MenuButton();
        more.setId("compute-more");
        more.setGraphic(new FontIcon(Feather.MORE_HORIZONTAL));
        more.textProperty().bind(messages.text("compute.action.more"));
        more.setMinWidth(Region.USE_PREF_SIZE);
        Tooltip moreTip = new Tooltip();
        moreTip.textProperty().bind(messages.text("compute.action.more.tooltip"));
        more.setTooltip(moreTip);
        more.getItems().addAll(
                menuItem("compute-identity", Feather.USER_CHECK, "compute.action.identity", "Shortcut+I",
                        viewModel.changeDisabledProperty(), this::editIdentity),
                new SeparatorMenuItem(),
                menuItem("compute-attach", Feather.LINK, "compute.action.attach", "Shortcut+Shift+A",
                        viewModel.attachDisabledProperty(), this::attach),
                menuItem("compute-detach", Feather.X_CIRCLE, "compute.action.detach", "Shortcut+Shift+D",
                        viewModel.detachDisabledProperty(), this::confirmDetach),
                new SeparatorMenuItem(),
                menuItem("compute-import-yaml", Feather.UPLOAD, "compute.action.importYaml", "Shortcut+O",
                        viewModel.yaml().importDisabledProperty(), this::importYaml),
                menuItem("compute-export-yaml", Feather.DOWNLOAD, "compute.action.exportYaml", "Shortcut+Shift+S",
                        viewModel.yaml().exportDisabledProperty(), this::exportYaml));

        Button refresh = button("compute-refresh", Feather.REFRESH_CW, "compute.action.refresh", "F5",
                viewModel.noWorkspaceProperty(), viewModel::refresh);
        refresh.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        refresh.textProperty().unbind();
        refresh.setText(null);
        refresh.accessibleTextProperty().bind(messages.text("compute.action.refresh"));

        FlowPane bar = new FlowPane(8, 8, group(create, separator(), scale, delete),
                group(separator(), more, refresh));
        bar.setId("compute-toolbar");
        bar.getStyleClass().add("compute-toolbar");
        return bar;
    }

    private static HBox group(Node... nodes) {
        HBox group = new HBox(8, nodes);
        group.setAlignment(Pos.CENTER_LEFT);
        group.setMinWidth(Region.USE_PREF_SIZE);
        return group;
    }

    private static Separator separator() {
        Separator separator = new Separator(Orientation.VERTICAL);
        separator.setPrefHeight(24);
        return separator;
    }

    private Button button(String id, Ikon icon, String key, String shortcut, BooleanBinding disabled,
                          Runnable action) {
        Button button = new Button();
        button.setId(id);
        button.setGraphic(new FontIcon(icon));
        button.textProperty().bind(messages.text(key));
        button.disableProperty().bind(disabled);
        button.setOnAction(event -> action.run());
        button.setMinWidth(Region.USE_PREF_SIZE);
        KeyCombination keys = shortcut(shortcut, disabled, action);
        Tooltip tooltip = new Tooltip();
        tooltip.textProperty().bind(Bindings.createStringBinding(
                () -> messages.get(key + ".tooltip") + " (" + keys.getDisplayText() + ")", messages.bundleProperty()));
        button.setTooltip(tooltip);
        return button;
    }

    /** An action of the "More" menu; its shortcut works with the menu closed, as a button's does. */
    private MenuItem menuItem(String id, Ikon icon, String key, String shortcut, BooleanBinding disabled,
                              Runnable action) {
        MenuItem item = new MenuItem();
        item.setId(id);
        item.setGraphic(new FontIcon(icon));
        item.textProperty().bind(messages.text(key));
        item.disableProperty().bind(disabled);
        item.setOnAction(event -> action.run());
        shortcut(shortcut, disabled, action);
        return item;
    }

    private KeyCombination shortcut(String shortcut, BooleanBinding disabled, Runnable action) {
        KeyCombination keys = KeyCombination.valueOf(shortcut);
        shortcuts.put(keys, () -> {
            if (!disabled.get()) {
                action.run();
            }
        });
        return keys;
    }

    /** The screen's shortcuts work while it is in a scene, and leave the scene with it. */
    private void registerShortcutsWhileShown() {
        sceneProperty().addListener((observable, old, now) -> {
            if (old != null) {
                shortcuts.keySet().forEach(keys -> old.getAccelerators().remove(keys));
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
        shortcuts.forEach((keys, action) -> scene.getAccelerators().put(keys, action));
    }

    // Feedback

    private Message feedback() {
        Message message = new Message();
        message.setId("compute-feedback");
        message.getStyleClass().add("compute-feedback");
        message.visibleProperty().bind(viewModel.feedbackProperty().isNotNull());
        message.managedProperty().bind(message.visibleProperty());
        message.setOnClose(event -> viewModel.dismissFeedback());
        message.descriptionProperty().bind(viewModel.feedbackTextProperty());
        viewModel.feedbackProperty().addListener((observable, old, now) -> showFeedback(message, now));
        showFeedback(message, viewModel.feedback());
        return message;
    }

    private static void showFeedback(Message message, Feedback feedback) {
        message.getStyleClass().removeAll(Styles.SUCCESS, Styles.ACCENT, Styles.DANGER);
        if (feedback == null) {
            return;
        }
        Feather icon = switch (feedback.kind()) {
            case SUCCESS -> Feather.CHECK_CIRCLE;
            case INFO -> Feather.INFO;
            case ERROR -> Feather.ALERT_OCTAGON;
        };
        message.getStyleClass().add(switch (feedback.kind()) {
            case SUCCESS -> Styles.SUCCESS;
            case INFO -> Styles.ACCENT;
            case ERROR -> Styles.DANGER;
        });
        message.setGraphic(new FontIcon(icon));
    }

    // The table

    private TableView<ClusterRow> clusterTable() {
        table.setId("compute-table");
        table.getStyleClass().add(Styles.STRIPED);
        Columns.fit(table);
        // A selected cluster that goes (deleted here or elsewhere) leaves nothing selected: the table
        // would select its neighbour, and Delete would then aim at another cluster. Registered before
        // the sorted view's own listener, so it runs while the gone row is still the selected one.
        viewModel.clusters().addListener((ListChangeListener<ClusterRow>) change -> {
            while (change.next()) {
                if (change.wasRemoved() && change.getRemoved().contains(viewModel.selected())) {
                    table.getSelectionModel().clearSelection();
                }
            }
        });
        SortedList<ClusterRow> sorted = new SortedList<>(viewModel.clusters());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);

        Label placeholder = new Label();
        placeholder.setId("compute-table-placeholder");
        placeholder.setWrapText(true);
        placeholder.getStyleClass().add(Styles.TEXT_MUTED);
        placeholder.textProperty().bind(viewModel.tablePlaceholderProperty());
        table.setPlaceholder(placeholder);

        TableColumn<ClusterRow, NameAndErrors> name = column("compute.column.name", 128,
                row -> Bindings.createObjectBinding(() -> new NameAndErrors(row, row.errorCount()),
                        row.errorCountProperty()));
        name.setCellFactory(column -> new NameCell());
        name.setComparator(Comparator.comparing(item -> item.row().name()));
        TableColumn<ClusterRow, String> state = column("compute.column.state", 94, ClusterRow::stateTextProperty);
        state.setCellFactory(column -> new StateCell());
        TableColumn<ClusterRow, String> size = Columns.singleLine(
                column("compute.column.size", 136, ClusterRow::sizeTextProperty), text -> text);
        TableColumn<ClusterRow, String> tier = Columns.singleLine(
                column("compute.column.tier", 102, ClusterRow::tierTextProperty), text -> text);

        TableColumn<ClusterRow, Object> nodes = new TableColumn<>();
        nodes.textProperty().bind(messages.text("compute.column.nodes"));
        nodes.getColumns().addAll(List.of(
                Columns.keep(number("compute.column.current", 74, ClusterRow::currentProperty)),
                Columns.keep(number("compute.column.target", 66, ClusterRow::targetProperty)),
                Columns.optional(number("compute.column.min", 50, ClusterRow::minProperty)),
                Columns.optional(number("compute.column.max", 50, ClusterRow::maxProperty))));

        TableColumn<ClusterRow, String> allocation = Columns.singleLine(
                column("compute.column.allocation", 96, ClusterRow::allocationTextProperty), text -> text);
        TableColumn<ClusterRow, Number> idle = Columns.singleLine(
                column("compute.column.idle", 72, ClusterRow::idleSecondsProperty), String::valueOf);
        idle.setStyle("-fx-alignment: center-right;");

        // Names, states, sizes and the node counts keep their width; on a narrow window the idle time,
        // the allocation, the scale range and the tier go, from the right (the details show them all).
        Columns.keep(name);
        Columns.keep(state);
        Columns.keep(size);
        Columns.optional(tier);
        Columns.optional(allocation);
        Columns.optional(idle);
        table.getColumns().addAll(List.of(name, state, size, tier, nodes, allocation, idle));

        table.getSelectionModel().selectedItemProperty().addListener((observable, old, now) -> viewModel.select(now));
        viewModel.selectedProperty().addListener((observable, old, now) -> {
            if (table.getSelectionModel().getSelectedItem() != now) {
                if (now == null) {
                    table.getSelectionModel().clearSelection();
                } else {
                    table.getSelectionModel().select(now);
                }
            }
        });
        return table;
    }

    private <T> TableColumn<ClusterRow, T> column(String key, double width,
                                                  Function<ClusterRow, ObservableValue<T>> value) {
        TableColumn<ClusterRow, T> column = new TableColumn<>();
        column.textProperty().bind(messages.text(key));
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> value.apply(cell.getValue()));
        return column;
    }

    @SuppressWarnings("unchecked")
    private TableColumn<ClusterRow, Number> number(String key, double width,
                                                   Function<ClusterRow, ? extends ObservableValue<? extends Number>> value) {
        TableColumn<ClusterRow, Number> column = new TableColumn<>();
        column.textProperty().bind(messages.text(key));
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> (ObservableValue<Number>) value.apply(cell.getValue()));
        column.setStyle("-fx-alignment: center-right;");
        return Columns.singleLine(column, String::valueOf);
    }

    // Actions that open a dialog

    private void editScale() {
        dialogs.showScaleSettings(getScene().getWindow(), viewModel.editScaleSettings());
    }

    private void editIdentity() {
        dialogs.showIdentity(getScene().getWindow(), viewModel.editIdentity());
    }

    private void attach() {
        dialogs.showAttach(getScene().getWindow(), viewModel.attach());
    }

    private void importYaml() {
        FileChooser chooser = yamlChooser("compute.yaml.importTitle");
        File chosen = chooser.showOpenDialog(getScene().getWindow());
        if (chosen != null) {
            viewModel.yaml().importFile(chosen.toPath());
        }
    }

    private void exportYaml() {
        FileChooser chooser = yamlChooser("compute.yaml.exportTitle");
        chooser.setInitialFileName(viewModel.yaml().suggestedFileName());
        File chosen = chooser.showSaveDialog(getScene().getWindow());
        if (chosen != null) {
            viewModel.yaml().exportSelected(chosen.toPath());
        }
    }

    private FileChooser yamlChooser(String titleKey) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(messages.get(titleKey));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(messages.get("compute.yaml.filter"),
                "*.yml", "*.yaml"));
        return chooser;
    }

    /** A .yml dropped anywhere on the screen is imported as "Import YAML..." would. */
    private void acceptDroppedYaml() {
        setOnDragOver(event -> {
            if (event.getDragboard().hasFiles() && !viewModel.yaml().importDisabledProperty().get()
                    && event.getDragboard().getFiles().stream().anyMatch(file -> ClusterYamlActions.isYamlFile(file.toPath()))) {
                event.acceptTransferModes(TransferMode.COPY);
            }
            event.consume();
        });
        setOnDragDropped(event -> {
            boolean accepted = event.getDragboard().hasFiles();
            if (accepted) {
                viewModel.yaml().importFiles(event.getDragboard().getFiles().stream().map(File::toPath).toList());
            }
            event.setDropCompleted(accepted);
            event.consume();
        });
    }

    private void confirmDelete() {
        ClusterRow row = viewModel.selected();
        dialogs.confirm(getScene().getWindow(), "compute-delete", "compute.delete.title",
                messages.format("compute.delete.header", new ReadOnlyStringWrapper(row.name())), "compute.delete.content",
                "compute.delete.confirm", viewModel::delete);
    }

    private void confirmDetach() {
        ClusterRow row = viewModel.selected();
        dialogs.confirm(getScene().getWindow(), "compute-detach", "compute.detach.title",
                messages.format("compute.detach.header", new ReadOnlyStringWrapper(row.name())), "compute.detach.content",
                "compute.detach.confirm", viewModel::detach);
    }

    // Cells

    /** What the name column shows: a change of the error count redraws the cell. */
    private record NameAndErrors(ClusterRow row, int errors) {
    }

    /** The name, with a warning sign when the cluster reports errors, which its tooltip then tells. */
    private static final class NameCell extends SingleLineCell<ClusterRow, NameAndErrors> {

        private FontIcon warning;
        private Tooltip why;

        NameCell() {
            super(item -> item.row().name());
        }

        @Override
        protected void updateItem(NameAndErrors item, boolean empty) {
            super.updateItem(item, empty);
            if (!empty && item != null && item.errors() > 0) {
                if (warning == null) {
                    warning = new FontIcon(Feather.ALERT_TRIANGLE);
                    warning.getStyleClass().add("compute-error-icon");
                    why = new Tooltip();
                    why.setWrapText(true);
                    why.setMaxWidth(480);
                }
                why.textProperty().bind(Bindings.concat(item.row().name(), "\n", item.row().errorsTextProperty()));
                setGraphic(warning);
                setTooltip(why);
            } else {
                setGraphic(null);
                if (why != null && getTooltip() == why) {
                    why.textProperty().unbind();
                    // The whole name comes back when the pointer enters the cell again.
                    setTooltip(null);
                }
            }
        }
    }

    /** The provisioning state in words; one being deleted stands out. */
    private static final class StateCell extends SingleLineCell<ClusterRow, String> {

        StateCell() {
            super(text -> text);
        }

        @Override
        protected void updateItem(String text, boolean empty) {
            super.updateItem(text, empty);
            getStyleClass().removeAll(Styles.WARNING, Styles.DANGER);
            ClusterRow row = getTableRow() == null ? null : getTableRow().getItem();
            if (empty || row == null) {
                setText(null);
                return;
            }
            if (row.state() == ProvisioningState.DELETING) {
                getStyleClass().add(Styles.WARNING);
            } else if (row.state() == ProvisioningState.FAILED) {
                getStyleClass().add(Styles.DANGER);
            }
        }
    }
}
