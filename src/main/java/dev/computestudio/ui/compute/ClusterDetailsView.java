package dev.computestudio.ui.compute;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.computestudio.ui.common.Columns;
import dev.computestudio.ui.common.EmptyStateView;
import dev.computestudio.ui.common.Messages;
import dev.computestudio.ui.common.SingleLineCell;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextAlignment;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The selected cluster's details, below the compute table: properties, node states, errors and nodes. */
final class ClusterDetailsView extends StackPane {

    private static final double SIDE_WIDTH = 270;
    private static final Set<String> PAIRABLE = Set.of("cluster.prop.size", "cluster.prop.tier", "cluster.prop.scale",
            "cluster.prop.idle", "cluster.prop.location", "cluster.prop.ssh", "cluster.prop.identity",
            "cluster.prop.created", "cluster.prop.description", "cluster.prop.tags");
    /** A longer value gets a line of its own. */
    private static final int SHORT_VALUE = 28;
    private static final double NODE_TABLE_HEIGHT = 170;

    private final ComputeViewModel viewModel;
    private final ClusterDetails details;
    private final Messages messages;
    private final GridPane properties = new GridPane();
    private final VBox errors = new VBox();
    private final ScrollPane scroll = new ScrollPane();
    /** The names and values of the short properties, in order, for {@link #fitPairs}. */
    private final List<Label> shortNames = new ArrayList<>();
    private final List<Label> shortValues = new ArrayList<>();
    private int pairsPerLine = 2;

    ClusterDetailsView(ComputeViewModel viewModel, Messages messages) {
        this.viewModel = viewModel;
        this.details = viewModel.details();
        this.messages = messages;
        setId("cluster-details");
        getStyleClass().add("cluster-details");

        EmptyStateView none = new EmptyStateView(Feather.SERVER, messages.text("cluster.none.title"),
                messages.text("cluster.none.message"));
        none.setId("cluster-details-empty");
        none.visibleProperty().bind(details.shownProperty().not());

        // The header stays in view while the rest scrolls, so the cluster's name and actions never scroll away;
        // its errors come first, where a trainer looking for what went wrong sees them without scrolling.
        VBox content = new VBox(errors(), body(), nodesSection());
        content.getStyleClass().add("cluster-details-content");
        scroll.setContent(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        VBox shown = new VBox(header(), scroll);
        shown.visibleProperty().bind(details.shownProperty());

        getChildren().addAll(none, shown);
    }

    private HBox header() {
        Label title = new Label();
        title.setId("cluster-title");
        title.getStyleClass().add(Styles.TITLE_3);
        title.textProperty().bind(details.nameProperty());
        title.setMinWidth(Region.USE_PREF_SIZE);

        Label summary = new Label();
        summary.setId("cluster-summary");
        summary.getStyleClass().add(Styles.TEXT_MUTED);
        summary.textProperty().bind(details.summaryProperty());
        // Cut on a narrow window: the whole of it on hover.
        Tooltip whole = new Tooltip();
        whole.textProperty().bind(details.summaryProperty());
        summary.setTooltip(whole);

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);

        Hyperlink timeline = new Hyperlink();
        timeline.setId("cluster-open-timeline");
        timeline.setGraphic(new FontIcon(Feather.ACTIVITY));
        timeline.textProperty().bind(messages.text("cluster.openTimeline"));
        timeline.setOnAction(event -> viewModel.openTimeline());
        timeline.setMinWidth(Region.USE_PREF_SIZE);

        Button preempt = new Button();
        preempt.setId("cluster-preempt");
        preempt.setGraphic(new FontIcon(Feather.ZAP));
        preempt.textProperty().bind(messages.text("cluster.preempt"));
        preempt.disableProperty().bind(viewModel.preemptDisabledProperty());
        preempt.setOnAction(event -> viewModel.preempt());
        preempt.setMinWidth(Region.USE_PREF_SIZE);
        // A disabled button shows no tooltip, so the reason sits on a wrapper that stays enabled.
        StackPane preemptHolder = new StackPane(preempt);
        preemptHolder.setId("cluster-preempt-holder");
        Tooltip why = new Tooltip();
        why.textProperty().bind(viewModel.preemptHintProperty());
        why.setWrapText(true);
        why.setMaxWidth(360);
        Tooltip.install(preemptHolder, why);
        preempt.accessibleHelpProperty().bind(viewModel.preemptHintProperty());

        HBox header = new HBox(12, title, summary, spacer, timeline, preemptHolder);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("cluster-details-header");
        return header;
    }

    private HBox body() {
        properties.setId("cluster-properties");
        properties.getStyleClass().add("cluster-properties");
        for (int i = 0; i < 2; i++) {
            ColumnConstraints names = new ColumnConstraints();
            names.setMinWidth(Region.USE_PREF_SIZE);
            ColumnConstraints values = new ColumnConstraints();
            values.setHgrow(Priority.ALWAYS);
            values.setPercentWidth(-1);
            properties.getColumnConstraints().addAll(names, values);
        }
        // The values are rendered in the current language: a change of language changes the list.
        details.properties().addListener((ListChangeListener<DetailItem>) change -> fillProperties());
        fillProperties();
        HBox.setHgrow(properties, Priority.ALWAYS);

        Label statesTitle = sectionTitle("cluster.nodeStates");
        NodeStateChart chart = new NodeStateChart(details);

        VBox side = new VBox(statesTitle, chart);
        side.getStyleClass().add("cluster-details-side");
        side.setPrefWidth(SIDE_WIDTH);
        side.setMinWidth(SIDE_WIDTH);
        side.setMaxWidth(SIDE_WIDTH);

        HBox body = new HBox(properties, side);
        body.getStyleClass().add("cluster-details-body");
        scroll.viewportBoundsProperty().addListener((observable, old, now) -> fitPairs(body));
        // New values that no longer fit change the properties' width too.
        properties.widthProperty().addListener((observable, old, now) -> fitPairs(body));
        return body;
    }

    /** The cluster's errors, across the whole width so that the long messages stay readable. */
    private VBox errors() {
        errors.setId("cluster-errors");
        errors.getStyleClass().add("cluster-errors");
        errors.managedProperty().bind(errors.visibleProperty());
        details.errors().addListener((ListChangeListener<ClusterErrorRow>) change -> fillErrors());
        fillErrors();
        return errors;
    }

    private VBox nodesSection() {
        Label title = new Label();
        title.getStyleClass().addAll(Styles.TEXT_BOLD, "cluster-section-title");
        title.textProperty().bind(messages.format("cluster.nodes.count", Bindings.size(details.nodes())));

        TableView<NodeRow> table = new TableView<>(details.nodes());
        table.setId("cluster-nodes");
        table.getStyleClass().addAll(Styles.DENSE, Styles.STRIPED);
        Columns.fit(table);
        table.setPrefHeight(NODE_TABLE_HEIGHT);
        table.setMinHeight(NODE_TABLE_HEIGHT);
        Label placeholder = new Label();
        placeholder.setWrapText(true);
        placeholder.getStyleClass().add(Styles.TEXT_MUTED);
        placeholder.textProperty().bind(messages.text("cluster.nodes.empty"));
        table.setPlaceholder(placeholder);

        TableColumn<NodeRow, String> id = Columns.flex(textColumn("cluster.nodes.id", 260));
        id.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().nodeId()));
        TableColumn<NodeRow, String> ip = Columns.keep(textColumn("cluster.nodes.ip", 110));
        ip.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().privateIp()));
        TableColumn<NodeRow, String> port = Columns.keep(textColumn("cluster.nodes.port", 80));
        port.setCellValueFactory(cell -> new ReadOnlyStringWrapper(
                cell.getValue().sshPort() == 0 ? "—" : Integer.toString(cell.getValue().sshPort())));
        TableColumn<NodeRow, String> state = Columns.keep(textColumn("cluster.nodes.state", 120));
        state.setCellValueFactory(cell -> cell.getValue().stateTextProperty());
        state.setCellFactory(column -> new NodeStateCell());
        TableColumn<NodeRow, String> job = Columns.flex(textColumn("cluster.nodes.job", 160));
        job.setCellValueFactory(cell -> Bindings.createStringBinding(
                () -> cell.getValue().job() == null ? "—" : cell.getValue().job(), cell.getValue().jobProperty()));
        table.getColumns().addAll(List.of(id, ip, port, state, job));

        VBox section = new VBox(title, table);
        section.getStyleClass().add("cluster-nodes-section");
        return section;
    }

    /**
     * Short properties sit two to a line, so that the nodes stay in view; long ones (identity ids,
     * a long description) take a line of their own.
     */
    private void fillProperties() {
        properties.getChildren().clear();
        shortNames.clear();
        shortValues.clear();
        int row = 0;
        int column = 0;
        List<DetailItem> wide = new ArrayList<>();
        for (DetailItem item : details.properties()) {
            if (!PAIRABLE.contains(item.labelKey()) || item.value().length() > SHORT_VALUE
                    || item.value().contains("\n")) {
                wide.add(item);
                continue;
            }
            Label name = propertyName(item);
            Label value = propertyValue(item, true);
            shortNames.add(name);
            shortValues.add(value);
            properties.add(name, column * 2, row);
            properties.add(value, column * 2 + 1, row);
            column = (column + 1) % pairsPerLine;
            row += column == 0 ? 1 : 0;
        }
        row += column == 0 ? 0 : 1;
        for (DetailItem item : wide) {
            properties.add(propertyName(item), 0, row);
            properties.add(propertyValue(item, false), 1, row, 3, 1);
            row++;
        }
    }

    /**
     * Two short properties to a line when they fit beside the node states, else one: on a
     * projector's narrow window the values then keep their whole width instead of pushing the
     * node states out of view.
     */
    private void fitPairs(HBox body) {
        double twoPairs = 3 * properties.getHgap();
        for (int column = 0; column < 2; column++) {
            twoPairs += widest(shortNames, column) + widest(shortValues, column);
        }
        // The room in view, not the body's width: a body too wide for the view is what this avoids.
        if (!(body.getParent() instanceof Region content)) {
            return;
        }
        Insets padding = content.getInsets();
        double room = scroll.getViewportBounds().getWidth() - padding.getLeft() - padding.getRight();
        int wanted = twoPairs + body.getSpacing() + SIDE_WIDTH <= room ? 2 : 1;
        if (wanted != pairsPerLine) {
            pairsPerLine = wanted;
            fillProperties();
        }
    }

    /** The widest of the labels that two-to-a-line would put in this column (0 or 1). */
    private static double widest(List<Label> labels, int column) {
        double widest = 0;
        for (int i = column; i < labels.size(); i += 2) {
            widest = Math.max(widest, labels.get(i).prefWidth(-1));
        }
        return widest;
    }

    private Label propertyName(DetailItem item) {
        Label name = new Label();
        name.textProperty().bind(messages.text(item.labelKey()));
        name.getStyleClass().addAll(Styles.TEXT_MUTED, "cluster-property-name");
        name.setMinWidth(Region.USE_PREF_SIZE);
        GridPane.setValignment(name, VPos.TOP);
        return name;
    }

    /**
     * A value; a short one (a VM size, a state) stays whole on its line rather than wrapping
     * mid-word ("Stand/ard_N/C4as"), a long one wraps at its spaces.
     */
    private Label propertyValue(DetailItem item, boolean whole) {
        Label value = new Label(item.value());
        value.setId("cluster-prop-" + item.labelKey().substring("cluster.prop.".length()));
        value.getStyleClass().add("cluster-property-value");
        value.setWrapText(!whole);
        if (whole) {
            value.setMinWidth(Region.USE_PREF_SIZE);
        }
        GridPane.setValignment(value, VPos.TOP);
        return value;
    }

    private void fillErrors() {
        errors.getChildren().clear();
        errors.setVisible(!details.errors().isEmpty());
        if (details.errors().isEmpty()) {
            return;
        }
        errors.getChildren().add(sectionTitle("cluster.errors"));
        for (ClusterErrorRow error : details.errors()) {
            Label code = new Label(error.code());
            code.getStyleClass().addAll(Styles.TEXT_BOLD, "cluster-error-code");
            code.setGraphic(new FontIcon(Feather.ALERT_TRIANGLE));
            Label message = wrapping(new Label(error.message()));
            message.getStyleClass().add("cluster-error-message");
            VBox box = new VBox(code, message);
            if (error.hint() != null) {
                Label hint = wrapping(new Label(error.hint()));
                hint.getStyleClass().add("cluster-error-hint");
                hint.setGraphic(new FontIcon(Feather.INFO));
                box.getChildren().add(hint);
            }
            box.setId("cluster-error-" + error.code());
            box.getStyleClass().add("cluster-error");
            errors.getChildren().add(box);
        }
    }

    private static Label wrapping(Label label) {
        label.setWrapText(true);
        label.setTextAlignment(TextAlignment.LEFT);
        label.setAlignment(Pos.TOP_LEFT);
        label.setMaxWidth(Double.MAX_VALUE);
        return label;
    }

    private Label sectionTitle(String key) {
        Label title = new Label();
        title.getStyleClass().addAll(Styles.TEXT_BOLD, "cluster-section-title");
        title.textProperty().bind(messages.text(key));
        return title;
    }

    /** A column of text on one line, its full value on hover. */
    private TableColumn<NodeRow, String> textColumn(String key, double width) {
        TableColumn<NodeRow, String> column = new TableColumn<>();
        column.textProperty().bind(messages.text(key));
        column.setPrefWidth(width);
        return Columns.singleLine(column, text -> text);
    }

    /** A node state as a coloured swatch and its name, so it reads without colour too. */
    private static final class NodeStateCell extends SingleLineCell<NodeRow, String> {

        NodeStateCell() {
            super(text -> text);
        }

        @Override
        protected void updateItem(String text, boolean empty) {
            super.updateItem(text, empty);
            NodeRow row = getTableRow() == null ? null : getTableRow().getItem();
            if (empty || row == null) {
                setText(null);
                setGraphic(null);
            } else {
                setGraphic(NodeStateChart.swatch(row.state()));
            }
        }
    }
}
