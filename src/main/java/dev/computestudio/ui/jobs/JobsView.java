package dev.computestudio.ui.jobs;

import atlantafx.base.theme.Styles;
import dev.computestudio.domain.JobStatus;
import dev.computestudio.ui.common.DangerDecoration;
import dev.computestudio.ui.common.Messages;
import dev.computestudio.ui.common.ScreenContent;
import dev.computestudio.ui.jobs.JobSubmitForm.Field;
import impl.org.controlsfx.skin.DecorationPane;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableStringValue;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.ColumnConstraints;
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

import java.util.Objects;
import java.util.function.Function;

/**
 * The Jobs screen: the submit form (collapsible) on top, then the job table and the selected job's
 * log. It binds to its {@link JobsViewModel} and forwards the user's actions; shortcuts: Ctrl+Enter
 * submits, Ctrl+. or Delete (in the table) cancels, F5 reads everything again.
 */
public final class JobsView extends StackPane {

    private static final String STYLESHEET = "/dev/computestudio/ui/jobs/jobs.css";
    private static final KeyCombination SUBMIT = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination CANCEL = new KeyCodeCombination(KeyCode.PERIOD, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination REFRESH = new KeyCodeCombination(KeyCode.F5);

    private final JobsViewModel viewModel;
    private final JobSubmitForm form;
    private final JobList list;
    private final Messages messages;
    private final ValidationSupport validation = new ValidationSupport();
    private final TableView<JobRow> table = new TableView<>();
    private final TextArea log = new TextArea();
    /** The log shows its last line and keeps doing so as output arrives. */
    private boolean pinnedToEnd = true;
    private boolean followsLayout;

    public JobsView(JobsViewModel viewModel, Messages messages) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.form = viewModel.form();
        this.list = viewModel.list();
        validation.setValidationDecorator(new DangerDecoration());
        getStyleClass().add("jobs-view");
        getStylesheets().add(Objects.requireNonNull(getClass().getResource(STYLESHEET), STYLESHEET).toExternalForm());

        VBox content = new VBox(12, buildForm(), buildJobs());
        VBox.setVgrow(content.getChildren().get(1), Priority.ALWAYS);
        // Field decorations live in this pane; without it ControlsFX would wrap the whole window's root.
        DecorationPane decorations = new DecorationPane();
        decorations.setRoot(content);
        getChildren().add(decorations);

        addEventFilter(KeyEvent.KEY_PRESSED, this::onShortcut);
    }

    /** The screen as the shell shows it: this view, refreshed through its view-model. */
    public static ScreenContent screen(JobsViewModel viewModel, Messages messages) {
        return new ScreenContent(new JobsView(viewModel, messages), viewModel::refresh);
    }

    // The form

    private Node buildForm() {
        ComboBox<String> compute = new ComboBox<>(form.computeNames());
        compute.setId("jobs-compute");
        compute.setPrefWidth(190);
        compute.setMaxWidth(Double.MAX_VALUE);
        compute.valueProperty().bindBidirectional(form.computeNameProperty());
        compute.promptTextProperty().bind(form.computePromptProperty());

        TextArea command = new TextArea();
        command.setId("jobs-command");
        command.getStyleClass().add("jobs-code");
        command.setPrefRowCount(2);
        command.setWrapText(true);
        command.textProperty().bindBidirectional(form.commandProperty());
        command.promptTextProperty().bind(messages.text("jobs.form.command.prompt"));

        TextField image = new TextField();
        image.setId("jobs-image");
        image.textProperty().bindBidirectional(form.imageProperty());
        image.promptTextProperty().bind(messages.text("jobs.form.image.prompt"));

        Spinner<Integer> instances = new Spinner<>();
        instances.setId("jobs-instances");
        instances.setEditable(true);
        instances.setPrefWidth(100);
        SpinnerValueFactory.IntegerSpinnerValueFactory counts =
                new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 1000, 1);
        instances.setValueFactory(counts);
        counts.valueProperty().bindBidirectional(form.instanceCountProperty());
        // Take a typed number at once, not only when the spinner loses focus.
        instances.getEditor().textProperty().addListener((observable, old, now) -> {
            try {
                int typed = Integer.parseInt(now.strip());
                if (typed >= counts.getMin() && typed <= counts.getMax()) {
                    counts.setValue(typed);
                }
            } catch (NumberFormatException e) {
                // Not a number (yet): the spinner puts its value back when it loses focus.
            }
        });

        TextField timeout = new TextField();
        timeout.setId("jobs-timeout");
        timeout.setPrefWidth(110);
        timeout.textProperty().bindBidirectional(form.timeoutSecondsProperty());
        timeout.promptTextProperty().bind(messages.text("jobs.form.timeout.prompt"));

        TextArea environment = new TextArea();
        environment.setId("jobs-env");
        environment.getStyleClass().add("jobs-code");
        environment.setPrefRowCount(2);
        environment.textProperty().bindBidirectional(form.environmentVariablesProperty());
        environment.promptTextProperty().bind(messages.text("jobs.form.env.prompt"));

        TextField name = new TextField();
        name.setId("jobs-name");
        name.textProperty().bindBidirectional(form.nameProperty());
        name.promptTextProperty().bind(messages.text("jobs.form.name.prompt"));

        Label submitError = new Label();
        submitError.setId("jobs-submit-error");
        submitError.getStyleClass().add(Styles.DANGER);
        submitError.setWrapText(true);
        submitError.textProperty().bind(form.submitErrorProperty());
        submitError.visibleProperty().bind(form.submitErrorProperty().isNotEmpty());
        submitError.managedProperty().bind(submitError.visibleProperty());

        Button submit = new Button();
        submit.setId("jobs-submit");
        submit.setGraphic(new FontIcon(Feather.PLAY));
        submit.getStyleClass().add(Styles.ACCENT);
        submit.setMaxWidth(Double.MAX_VALUE);
        submit.textProperty().bind(messages.text("jobs.form.submit"));
        submit.disableProperty().bind(form.submitDisabledProperty());
        submit.setTooltip(tooltip("jobs.form.submit.tooltip"));
        submit.setOnAction(event -> form.submit());
        Label shortcut = new Label("Ctrl+Enter");
        shortcut.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        VBox actions = new VBox(4, submit, shortcut);
        actions.setAlignment(Pos.BOTTOM_CENTER);
        actions.setMinWidth(Region.USE_PREF_SIZE);

        validate(compute, true, Field.COMPUTE);
        validate(command, true, Field.COMMAND);
        validate(image, false, Field.IMAGE);
        validate(instances.getEditor(), false, Field.INSTANCE_COUNT);
        validate(timeout, false, Field.TIMEOUT);
        validate(environment, false, Field.ENVIRONMENT);
        validate(name, false, Field.NAME);

        HBox where = new HBox(12, requiredField("jobs.form.compute", compute, Priority.NEVER),
                field("jobs.form.instances", instances, Priority.NEVER),
                field("jobs.form.timeout", timeout, Priority.NEVER),
                field("jobs.form.image", image, Priority.ALWAYS),
                field("jobs.form.name", name, Priority.ALWAYS));
        GridPane what = new GridPane();
        what.setHgap(12);
        what.addRow(0, requiredField("jobs.form.command", command, Priority.ALWAYS),
                field("jobs.form.env", environment, Priority.ALWAYS), actions);
        ColumnConstraints commandColumn = new ColumnConstraints();
        commandColumn.setPercentWidth(55);
        ColumnConstraints environmentColumn = new ColumnConstraints();
        environmentColumn.setHgrow(Priority.ALWAYS);
        what.getColumnConstraints().addAll(commandColumn, environmentColumn, new ColumnConstraints());
        VBox content = new VBox(10, where, what, submitError);
        content.getStyleClass().add("jobs-form");

        TitledPane pane = new TitledPane();
        pane.setId("jobs-form");
        pane.textProperty().bind(messages.text("jobs.form.title"));
        pane.setGraphic(new FontIcon(Feather.PLUS_CIRCLE));
        pane.setContent(content);
        pane.setExpanded(true);
        pane.setAnimated(false);
        pane.getStyleClass().add(Styles.DENSE);
        return pane;
    }

    /** A label above its control; {@code grow} says whether it takes the row's spare width. */
    private VBox field(String key, Control control, Priority grow) {
        Label label = new Label();
        label.textProperty().bind(messages.text(key));
        label.setLabelFor(control);
        label.getStyleClass().add("jobs-field-label");
        VBox box = new VBox(4, label, control);
        HBox.setHgrow(box, grow);
        control.setMaxWidth(Double.MAX_VALUE);
        return box;
    }

    /** A field that must be filled: its label ends with the neutral required mark. */
    private VBox requiredField(String key, Control control, Priority grow) {
        VBox box = field(key, control, grow);
        Label label = (Label) box.getChildren().get(0);
        label.textProperty().bind(Bindings.concat(messages.text(key), DangerDecoration.REQUIRED_MARK));
        return box;
    }

    /** Decorates the control with the view-model's error for the field, whenever it changes. */
    private void validate(Control control, boolean required, Field field) {
        ObservableStringValue error = form.fieldErrorProperty(field);
        validation.registerValidator(control, required,
                (Control c, Object value) -> ValidationResult.fromErrorIf(c,
                        Objects.requireNonNullElse(error.get(), ""), error.get() != null));
        error.addListener((observable, old, now) -> validation.revalidate(control));
        if (control instanceof TextInputControl input) {
            Tooltip tip = new Tooltip();
            tip.textProperty().bind(error);
            input.tooltipProperty().bind(Bindings.when(Bindings.isNull(error))
                    .then((Tooltip) null).otherwise(tip));
        }
    }

    // The table, cancel and the log

    private Node buildJobs() {
        Button cancel = new Button();
        cancel.setId("jobs-cancel");
        cancel.setGraphic(new FontIcon(Feather.X_CIRCLE));
        cancel.getStyleClass().addAll(Styles.DANGER, Styles.BUTTON_OUTLINED, Styles.SMALL);
        cancel.setMinWidth(Region.USE_PREF_SIZE);
        cancel.textProperty().bind(messages.text("jobs.cancel"));
        cancel.setTooltip(tooltip("jobs.cancel.tooltip"));
        cancel.disableProperty().bind(viewModel.cancel().disabledProperty());
        cancel.setOnAction(event -> viewModel.cancel().cancelSelected());

        Label message = new Label();
        message.setId("jobs-message");
        message.textProperty().bind(viewModel.messageProperty());
        message.setMaxWidth(Double.MAX_VALUE);
        message.setAlignment(Pos.CENTER_RIGHT);
        HBox.setHgrow(message, Priority.ALWAYS);
        message.tooltipProperty().bind(Bindings.createObjectBinding(() -> viewModel.message().isEmpty() ? null
                : new Tooltip(viewModel.message()), viewModel.messageProperty()));
        viewModel.messageIsErrorProperty().addListener((observable, old, error) -> styleMessage(message, error));
        styleMessage(message, viewModel.isMessageError());

        buildTable();
        buildLog();
        Label logTitle = new Label();
        logTitle.setId("jobs-log-title");
        logTitle.getStyleClass().add(Styles.TEXT_BOLD);
        logTitle.setGraphic(new FontIcon(Feather.FILE_TEXT));
        logTitle.setMinWidth(Region.USE_PREF_SIZE);
        logTitle.textProperty().bind(viewModel.log().titleProperty());
        HBox logHeader = new HBox(12, logTitle, message, cancel);
        logHeader.setAlignment(Pos.CENTER_LEFT);
        VBox logBox = new VBox(6, logHeader, log);
        VBox.setVgrow(log, Priority.ALWAYS);
        logBox.getStyleClass().add("jobs-log-box");

        SplitPane tableAndLog = new SplitPane(table, logBox);
        tableAndLog.setId("jobs-split");
        tableAndLog.setOrientation(Orientation.VERTICAL);
        tableAndLog.setDividerPositions(0.4);
        return tableAndLog;
    }

    private void buildTable() {
        table.setId("jobs-table");
        table.setItems(list.jobs());
        table.getSelectionModel().setSelectionMode(SelectionMode.SINGLE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getStyleClass().add(Styles.DENSE);
        Label placeholder = new Label();
        placeholder.getStyleClass().add(Styles.TEXT_MUTED);
        placeholder.textProperty().bind(messages.text("jobs.table.empty"));
        table.setPlaceholder(placeholder);

        TableColumn<JobRow, JobStatus> status = new TableColumn<>();
        status.textProperty().bind(messages.text("jobs.column.status"));
        status.setCellValueFactory(cell -> cell.getValue().statusProperty());
        status.setCellFactory(column -> new StatusCell());
        status.setPrefWidth(140);
        table.getColumns().add(column("jobs.column.name", row -> new ReadOnlyStringWrapper(row.name()), 118));
        table.getColumns().add(status);
        table.getColumns().add(column("jobs.column.compute", JobRow::computeProperty, 112));
        table.getColumns().add(numberColumn("jobs.column.instances", JobRow::instanceCountProperty, 64));
        table.getColumns().add(numberColumn("jobs.column.attempt", JobRow::attemptProperty, 90));
        table.getColumns().add(column("jobs.column.created", JobRow::createdProperty, 142));
        table.getColumns().add(column("jobs.column.duration", JobRow::durationProperty, 86));
        table.getColumns().add(errorColumn());

        table.getSelectionModel().selectedItemProperty().addListener((observable, old, row) ->
                list.select(row == null ? null : row.name()));
        list.selectedJobProperty().addListener((observable, old, row) -> {
            if (table.getSelectionModel().getSelectedItem() != row) {
                if (row == null) {
                    table.getSelectionModel().clearSelection();
                } else {
                    table.getSelectionModel().select(row);
                    table.scrollTo(row);
                }
            }
        });
        table.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.DELETE) {
                viewModel.cancel().cancelSelected();
                event.consume();
            }
        });
    }

    private TableColumn<JobRow, String> column(String key, Function<JobRow, ObservableValue<String>> value,
                                               double width) {
        TableColumn<JobRow, String> column = new TableColumn<>();
        column.textProperty().bind(messages.text(key));
        column.setCellValueFactory(cell -> value.apply(cell.getValue()));
        column.setPrefWidth(width);
        return column;
    }

    /** The error, in full in a tooltip: it is often longer than the column. */
    private TableColumn<JobRow, String> errorColumn() {
        TableColumn<JobRow, String> column = column("jobs.column.error", JobRow::errorProperty, 110);
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String error, boolean empty) {
                super.updateItem(error, empty);
                boolean none = empty || error == null || error.isEmpty();
                setText(none ? null : error);
                setTooltip(none ? null : new Tooltip(error));
            }
        });
        return column;
    }

    private TableColumn<JobRow, Number> numberColumn(String key, Function<JobRow, ObservableValue<Number>> value,
                                                     double width) {
        TableColumn<JobRow, Number> column = new TableColumn<>();
        column.textProperty().bind(messages.text(key));
        column.setCellValueFactory(cell -> value.apply(cell.getValue()));
        column.setPrefWidth(width);
        column.getStyleClass().add("jobs-number");
        return column;
    }

    private void buildLog() {
        log.setId("jobs-log");
        log.setEditable(false);
        log.setWrapText(false);
        log.getStyleClass().addAll("jobs-code", "jobs-log");
        log.promptTextProperty().bind(messages.text("jobs.log.empty"));
        log.setText(viewModel.log().text());
        viewModel.log().textProperty().addListener((observable, old, now) -> showLog(old, now));
    }

    /**
     * Appends what is new; keeps following the end unless the user has scrolled up or selected
     * text to read.
     */
    private void showLog(String old, String now) {
        ScrollPane scroll = logScrollPane();
        pinnedToEnd = log.getSelection().getLength() == 0 && (scroll == null
                || scroll.getVvalue() >= scroll.getVmax() - 0.001
                || scroll.getContent() == null
                || scroll.getContent().getLayoutBounds().getHeight() <= scroll.getViewportBounds().getHeight());
        double scrollTop = log.getScrollTop();
        int anchor = log.getAnchor();
        int caret = log.getCaretPosition();
        if (old != null && !old.isEmpty() && now.length() >= old.length() && now.startsWith(old)) {
            log.appendText(now.substring(old.length()));
        } else {
            log.setText(now);
        }
        if (pinnedToEnd) {
            if (scroll != null) {
                scroll.setVvalue(scroll.getVmax());
            }
        } else {
            // Adding text moves the caret to its end, and a focused text area scrolls to its caret.
            log.selectRange(Math.min(anchor, log.getLength()), Math.min(caret, log.getLength()));
            log.setScrollTop(scrollTop);
        }
    }

    /**
     * The log's scroll pane, once its skin exists. The text's new height is only known after the
     * next layout, so the end is shown again then.
     */
    private ScrollPane logScrollPane() {
        ScrollPane scroll = (ScrollPane) log.lookup(".scroll-pane");
        if (scroll != null && scroll.getContent() != null && !followsLayout) {
            followsLayout = true;
            scroll.getContent().layoutBoundsProperty().addListener((observable, old, now) -> {
                if (pinnedToEnd) {
                    scroll.setVvalue(scroll.getVmax());
                }
            });
        }
        return scroll;
    }

    // Keyboard

    private void onShortcut(KeyEvent event) {
        if (SUBMIT.match(event)) {
            form.submit();
            event.consume();
        } else if (CANCEL.match(event)) {
            viewModel.cancel().cancelSelected();
            event.consume();
        } else if (REFRESH.match(event)) {
            viewModel.refreshSoon();
            event.consume();
        }
    }

    private Tooltip tooltip(String key) {
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(messages.text(key));
        return tip;
    }

    private static void styleMessage(Label message, boolean error) {
        message.getStyleClass().removeAll(Styles.DANGER, Styles.SUCCESS);
        message.getStyleClass().add(error ? Styles.DANGER : Styles.SUCCESS);
    }

    /** A status with an icon and a colour as well as its name, so it does not rest on colour alone. */
    private static final class StatusCell extends TableCell<JobRow, JobStatus> {

        @Override
        protected void updateItem(JobStatus status, boolean empty) {
            super.updateItem(status, empty);
            getStyleClass().removeAll("status-success", "status-danger", "status-warning", "status-accent",
                    "status-muted");
            textProperty().unbind();
            if (empty || status == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            textProperty().bind(getTableView().getItems().get(getIndex()).statusTextProperty());
            FontIcon icon = new FontIcon(icon(status));
            icon.getStyleClass().add("job-status-icon");
            setGraphic(icon);
            getStyleClass().add(tone(status));
        }
    }

    static Ikon icon(JobStatus status) {
        return switch (status) {
            case NOT_STARTED, QUEUED -> Feather.CLOCK;
            case PREPARING, STARTING -> Feather.LOADER;
            case RUNNING -> Feather.PLAY_CIRCLE;
            case FINALIZING -> Feather.MORE_HORIZONTAL;
            case CANCEL_REQUESTED -> Feather.STOP_CIRCLE;
            case COMPLETED -> Feather.CHECK_CIRCLE;
            case FAILED -> Feather.X_CIRCLE;
            case CANCELED -> Feather.SLASH;
            case NOT_RESPONDING -> Feather.ALERT_TRIANGLE;
        };
    }

    static String tone(JobStatus status) {
        return switch (status) {
            case COMPLETED -> "status-success";
            case FAILED -> "status-danger";
            case CANCELED, CANCEL_REQUESTED, NOT_RESPONDING -> "status-warning";
            case PREPARING, STARTING, RUNNING, FINALIZING -> "status-accent";
            case NOT_STARTED, QUEUED -> "status-muted";
        };
    }
}
