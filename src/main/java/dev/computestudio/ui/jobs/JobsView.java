package dev.computestudio.ui.jobs;

import atlantafx.base.theme.Styles;
import dev.computestudio.domain.JobStatus;
import dev.computestudio.ui.common.Columns;
import dev.computestudio.ui.common.DangerDecoration;
import dev.computestudio.ui.common.Messages;
import dev.computestudio.ui.common.ScreenContent;
import dev.computestudio.ui.jobs.JobSubmitForm.Field;
import impl.org.controlsfx.skin.DecorationPane;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableStringValue;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
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

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The Jobs screen: the submit form (collapsible, closed once there are jobs) on top, then the job
 * table, which takes the height, above the selected job's details and cancel beside its log. It binds to its {@link JobsViewModel} and forwards the user's actions; shortcuts: Ctrl+N opens
 * the form, Ctrl+Enter submits, Ctrl+. or Delete (in the table) cancels after asking, F5 reads
 * everything again.
 */
public final class JobsView extends StackPane {

    private static final String STYLESHEET = "/dev/computestudio/ui/jobs/jobs.css";
    private static final KeyCombination SUBMIT = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination CANCEL = new KeyCodeCombination(KeyCode.PERIOD, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination REFRESH = new KeyCodeCombination(KeyCode.F5);
    private static final KeyCombination NEW = new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN);

    private final JobsViewModel viewModel;
    private final JobSubmitForm form;
    private final JobList list;
    private final Messages messages;
    private final ValidationSupport validation = new ValidationSupport();
    private final TableView<JobRow> table = new TableView<>();
    private final TextArea log = new TextArea();
    private final TitledPane formPane = new TitledPane();
    /** The user opened, closed or submitted with the form: the screen no longer closes it. */
    private boolean formTouched;
    private boolean settingForm;
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
        submit.setOnAction(event -> submit());
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

        TitledPane pane = formPane;
        pane.setId("jobs-form");
        pane.textProperty().bind(messages.text("jobs.form.title"));
        pane.setGraphic(new FontIcon(Feather.PLUS_CIRCLE));
        pane.setContent(content);
        pane.setAnimated(false);
        // Open while there is nothing to list; once there are jobs the table takes the height,
        // unless the user has opened or closed the form by then.
        pane.setExpanded(list.jobs().isEmpty());
        pane.expandedProperty().addListener((observable, old, now) -> formTouched = formTouched || !settingForm);
        list.jobs().addListener((ListChangeListener<JobRow>) change -> {
            if (!formTouched && !list.jobs().isEmpty() && pane.isExpanded()) {
                settingForm = true;
                pane.setExpanded(false);
                settingForm = false;
            }
        });
        pane.getStyleClass().add(Styles.DENSE);
        return pane;
    }

    private void submit() {
        formTouched = true;
        form.submit();
    }

    /** A label above its control; {@code grow} says whether it takes the row's spare width. */
    private VBox field(String key, Control control, Priority grow) {
        Label label = new Label();
        label.textProperty().bind(messages.text(key));
        label.setLabelFor(control);
        label.getStyleClass().add("jobs-field-label");
        // A long label goes on two lines between its words rather than losing its end on a narrow window.
        label.setWrapText(true);
        VBox box = new VBox(4, label, control);
        box.setAlignment(Pos.BOTTOM_LEFT);
        HBox.setHgrow(box, grow);
        if (grow == Priority.NEVER) {
            // Small fields (compute, instances, timeout) keep their size; the wide ones give way.
            box.setMinWidth(Region.USE_PREF_SIZE);
        }
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

    // The table, cancel, the details and the log

    /** The table, which takes the height the window has, above the selected job's details beside its log. */
    private Node buildJobs() {
        buildTable();
        SplitPane detailsAndLog = new SplitPane(buildDetails(), buildLogBox());
        detailsAndLog.setId("jobs-details-split");
        detailsAndLog.setDividerPositions(0.5);

        SplitPane tableAndRest = new SplitPane(table, detailsAndLog);
        tableAndRest.setId("jobs-split");
        tableAndRest.setOrientation(Orientation.VERTICAL);
        tableAndRest.setDividerPositions(0.55);
        VBox.setVgrow(tableAndRest, Priority.ALWAYS);
        return tableAndRest;
    }

    /** Cancel, beside the title of the details it acts on, and how the user's last action went below. */
    private Node detailsHeader() {
        Button cancel = new Button();
        cancel.setId("jobs-cancel");
        cancel.setGraphic(new FontIcon(Feather.X_CIRCLE));
        cancel.getStyleClass().addAll(Styles.DANGER, Styles.BUTTON_OUTLINED, Styles.SMALL);
        cancel.setMinWidth(Region.USE_PREF_SIZE);
        cancel.textProperty().bind(messages.text("jobs.cancel"));
        cancel.setTooltip(tooltip("jobs.cancel.tooltip"));
        cancel.disableProperty().bind(viewModel.cancel().disabledProperty());
        cancel.setOnAction(event -> confirmCancel());

        Label title = new Label();
        title.getStyleClass().add(Styles.TEXT_BOLD);
        title.setGraphic(new FontIcon(Feather.INFO));
        title.textProperty().bind(messages.text("jobs.details.title"));
        title.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(title, Priority.ALWAYS);
        HBox titleRow = new HBox(12, title, cancel);
        titleRow.setAlignment(Pos.CENTER_LEFT);

        Label message = new Label();
        message.setId("jobs-message");
        message.setWrapText(true);
        message.textProperty().bind(viewModel.messageProperty());
        message.visibleProperty().bind(viewModel.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        viewModel.messageIsErrorProperty().addListener((observable, old, error) -> styleMessage(message, error));
        styleMessage(message, viewModel.isMessageError());
        return new VBox(6, titleRow, message);
    }

    private Node buildLogBox() {
        buildLog();
        Label logTitle = new Label();
        logTitle.setId("jobs-log-title");
        logTitle.getStyleClass().add(Styles.TEXT_BOLD);
        logTitle.setGraphic(new FontIcon(Feather.FILE_TEXT));
        logTitle.textProperty().bind(viewModel.log().titleProperty());
        VBox logBox = new VBox(6, logTitle, log);
        VBox.setVgrow(log, Priority.ALWAYS);
        logBox.getStyleClass().add("jobs-pane");
        return logBox;
    }

    private void buildTable() {
        table.setId("jobs-table");
        table.setItems(list.jobs());
        table.getSelectionModel().setSelectionMode(SelectionMode.SINGLE);
        Columns.fit(table);
        table.getStyleClass().add(Styles.DENSE);
        Label placeholder = new Label();
        placeholder.getStyleClass().add(Styles.TEXT_MUTED);
        placeholder.textProperty().bind(messages.text("jobs.table.empty"));
        table.setPlaceholder(placeholder);

        TableColumn<JobRow, JobStatus> status = new TableColumn<>();
        status.textProperty().bind(messages.text("jobs.column.status"));
        status.setCellValueFactory(cell -> cell.getValue().statusProperty());
        status.setCellFactory(column -> new StatusCell());
        status.setPrefWidth(150);
        // Names, states and the compute keep their width; on a narrow window the exit code, the
        // duration, the attempt and the experiment go, from the right (the details show them all).
        table.getColumns().add(Columns.keep(column("jobs.column.displayName", JobRow::displayNameProperty, 150)));
        table.getColumns().add(Columns.keep(status));
        table.getColumns().add(Columns.optional(column("jobs.column.experiment", JobRow::experimentProperty, 100)));
        table.getColumns().add(Columns.keep(column("jobs.column.compute", JobRow::computeProperty, 110)));
        table.getColumns().add(Columns.optional(numberColumn("jobs.column.attempt", JobRow::attemptProperty, 70)));
        table.getColumns().add(Columns.optional(column("jobs.column.duration", JobRow::durationProperty, 80)));
        TableColumn<JobRow, String> exitCode = column("jobs.column.exitCode", JobRow::exitCodeProperty, 80);
        exitCode.getStyleClass().add("jobs-number");
        table.getColumns().add(Columns.optional(exitCode));

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
                confirmCancel();
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
        return Columns.singleLine(column, text -> text);
    }

    /**
     * The selected job in full: its names, where and how it ran (the nodes), its times, its exit
     * code, its error not cut short and, while it is queued, the engine's note on why it waits.
     */
    private Node buildDetails() {
        GridPane grid = new GridPane();
        grid.setId("jobs-details");
        grid.getStyleClass().add("jobs-details");
        grid.setHgap(12);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        values.setMinWidth(0);
        grid.getColumnConstraints().addAll(labels, values);
        detail(grid, "name", "jobs.column.name", row -> new ReadOnlyStringWrapper(row.name()));
        detail(grid, "display-name", "jobs.column.displayName", JobRow::displayNameProperty);
        detail(grid, "experiment", "jobs.column.experiment", JobRow::experimentProperty);
        detail(grid, "status", "jobs.column.status", JobRow::statusTextProperty);
        detail(grid, "waiting", "jobs.details.waiting", JobRow::waitingProperty);
        detail(grid, "compute", "jobs.column.compute", JobRow::computeProperty);
        detail(grid, "nodes", "jobs.column.instances", row -> Bindings.createStringBinding(
                () -> row.nodes().isEmpty() ? String.valueOf(row.instanceCount())
                        : messages.render("jobs.details.nodes", row.instanceCount(), row.nodes()),
                row.nodesProperty(), row.instanceCountProperty(), messages.bundleProperty()));
        detail(grid, "attempt", "jobs.column.attempt", row -> row.attemptProperty().asString());
        detail(grid, "created", "jobs.column.created", JobRow::createdProperty);
        detail(grid, "started", "jobs.details.started", JobRow::startedProperty);
        detail(grid, "ended", "jobs.details.ended", JobRow::endedProperty);
        detail(grid, "duration", "jobs.column.duration", JobRow::durationProperty);
        detail(grid, "exit-code", "jobs.column.exitCode", JobRow::exitCodeProperty);
        detail(grid, "error", "jobs.column.error", JobRow::errorProperty);

        Label none = new Label();
        none.setId("jobs-details-none");
        none.getStyleClass().add(Styles.TEXT_MUTED);
        none.textProperty().bind(messages.text("jobs.details.none"));
        none.setWrapText(true);
        none.visibleProperty().bind(list.selectedJobProperty().isNull());
        none.managedProperty().bind(none.visibleProperty());
        grid.visibleProperty().bind(none.visibleProperty().not());
        grid.managedProperty().bind(grid.visibleProperty());

        VBox content = new VBox(8, detailsHeader(), none, grid);
        content.getStyleClass().add("jobs-pane");
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("jobs-details-scroll");
        return scroll;
    }

    /**
     * One line of the details, bound to the selected job's value and hidden while it has none.
     * Sentences (an error, a note) wrap between words; names and ids stay on one line, cut with an
     * ellipsis and shown in full on hover, so they never break in the middle.
     */
    private void detail(GridPane grid, String id, String labelKey, Function<JobRow, ObservableValue<String>> value) {
        boolean sentence = id.equals("error") || id.equals("waiting");
        Label label = new Label();
        label.textProperty().bind(messages.text(labelKey));
        label.getStyleClass().add("jobs-field-label");
        Label shown = new Label();
        shown.setId("jobs-details-" + id);
        shown.setWrapText(sentence);
        shown.setMinWidth(0);
        if (!sentence) {
            Tooltip full = new Tooltip();
            full.textProperty().bind(shown.textProperty());
            shown.setTooltip(full);
        }
        label.setLabelFor(shown);
        label.visibleProperty().bind(shown.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
        shown.visibleProperty().bind(label.visibleProperty());
        shown.managedProperty().bind(label.visibleProperty());
        GridPane.setValignment(label, VPos.TOP);
        // Counted from the rows added, not getRowCount(): that counts only the lines shown now.
        grid.addRow(grid.getChildren().size() / 2, label, shown);
        list.selectedJobProperty().addListener((observable, old, row) -> {
            shown.textProperty().unbind();
            if (row == null) {
                shown.setText("");
            } else {
                shown.textProperty().bind(value.apply(row));
            }
        });
    }

    private TableColumn<JobRow, Number> numberColumn(String key, Function<JobRow, ObservableValue<Number>> value,
                                                     double width) {
        TableColumn<JobRow, Number> column = new TableColumn<>();
        column.textProperty().bind(messages.text(key));
        column.setCellValueFactory(cell -> value.apply(cell.getValue()));
        column.setPrefWidth(width);
        column.getStyleClass().add("jobs-number");
        return Columns.singleLine(column, String::valueOf);
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

    // Cancel, once confirmed

    /** Asks, naming the job, before cancelling it; No, Escape or closing the dialog changes nothing. */
    private void confirmCancel() {
        JobRow row = list.selectedJob();
        String question = viewModel.cancel().question();
        if (question == null) {
            return;
        }
        ButtonType yes = new ButtonType(messages.get("jobs.cancel.confirm.yes"), ButtonBar.ButtonData.OK_DONE);
        ButtonType no = new ButtonType(messages.get("jobs.cancel.confirm.no"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, messages.get("jobs.cancel.confirm.message"), yes, no);
        alert.setTitle(messages.get("jobs.cancel.confirm.title"));
        alert.setHeaderText(question);
        if (getScene() != null) {
            alert.initOwner(getScene().getWindow());
        }
        alert.getDialogPane().setId("jobs-cancel-dialog");
        Button confirm = (Button) alert.getDialogPane().lookupButton(yes);
        confirm.setId("jobs-cancel-confirm");
        confirm.getStyleClass().add(Styles.DANGER);
        confirm.setDefaultButton(false);
        Button keep = (Button) alert.getDialogPane().lookupButton(no);
        keep.setId("jobs-cancel-keep");
        // Keep is the default: Enter must not cancel a job by accident.
        keep.setDefaultButton(true);
        alert.setOnHidden(event -> {
            if (alert.getResult() == yes) {
                viewModel.cancel().cancel(row);
            }
        });
        alert.show();
    }

    // Keyboard

    private void onShortcut(KeyEvent event) {
        if (SUBMIT.match(event)) {
            submit();
            event.consume();
        } else if (CANCEL.match(event)) {
            confirmCancel();
            event.consume();
        } else if (NEW.match(event)) {
            formPane.setExpanded(true);
            formPane.lookup("#jobs-command").requestFocus();
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

        private static final List<String> TONES =
                Arrays.stream(JobStatus.values()).map(JobsView::tone).distinct().toList();

        private final FontIcon icon = new FontIcon(Feather.CLOCK);
        /** Made for the first queued job the cell shows: only a queued job says why it waits. */
        private Tooltip waiting;

        StatusCell() {
            icon.getStyleClass().add("job-status-icon");
            Columns.measure(this);
        }

        @Override
        protected void updateItem(JobStatus status, boolean empty) {
            super.updateItem(status, empty);
            String tone = empty || status == null ? null : tone(status);
            // A change of style class styles the cell anew: made only when the tone changes.
            if (tone == null || !getStyleClass().contains(tone)) {
                getStyleClass().removeAll(TONES);
                if (tone != null) {
                    getStyleClass().add(tone);
                }
            }
            textProperty().unbind();
            tooltipProperty().unbind();
            if (waiting != null) {
                waiting.textProperty().unbind();
            }
            if (empty || status == null) {
                setText(null);
                setGraphic(null);
                setTooltip(null);
                return;
            }
            JobRow row = getTableView().getItems().get(getIndex());
            textProperty().bind(row.statusLineProperty());
            if (status == JobStatus.QUEUED) {
                // Why a queued job waits, in the engine's words, on hover; the details show it too.
                if (waiting == null) {
                    waiting = new Tooltip();
                }
                waiting.textProperty().bind(row.waitingProperty());
                tooltipProperty().bind(Bindings.when(row.waitingProperty().isEmpty()).then((Tooltip) null)
                        .otherwise(waiting));
            } else {
                setTooltip(null);
            }
            icon.setIconCode(icon(status));
            setGraphic(icon);
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
