package dev.computestudio.ui.wizard;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.controls.Message;
import atlantafx.base.controls.ToggleSwitch;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.computestudio.domain.IdentityType;
import dev.computestudio.domain.QuotaKeys;
import dev.computestudio.domain.VmTier;
import dev.computestudio.ui.common.Columns;
import dev.computestudio.ui.common.DangerDecoration;
import dev.computestudio.ui.common.Messages;
import dev.computestudio.ui.wizard.CreationTracker.Phase;
import dev.computestudio.ui.wizard.ReviewEstimate.ReviewItem;
import dev.computestudio.ui.wizard.SettingsForm.Credential;
import dev.computestudio.ui.wizard.SizeChoice.MachineKind;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
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

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The cluster creation wizard: the steps on the left, the current page in the middle, Back / Next /
 * Create / Cancel below. It binds to {@link ClusterWizardViewModel} and its steps' forms and
 * forwards clicks and keys (Enter = Next or Create, Esc = Cancel); every decision is theirs. Its
 * texts follow the language through {@link Messages}' bindings, which the app's language holds
 * weakly, so a closed window is not kept by them.
 */
public final class ClusterWizardView extends BorderPane {

    private static final String STYLESHEET = "/dev/computestudio/ui/wizard/wizard.css";
    private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");
    private static final PseudoClass DONE = PseudoClass.getPseudoClass("done");
    private static final double FIELD_WIDTH = 360;

    private final ClusterWizardViewModel viewModel;
    private final SizeChoice sizeChoice;
    private final SettingsForm settings;
    private final IdentityStep identity;
    private final ReviewEstimate review;
    private final CreationTracker creation;
    private final Messages messages;
    private final ValidationSupport validation = new ValidationSupport();
    /** Where the focus goes when a step shows: its first field (on the review, Create). */
    private final Map<Step, Supplier<Node>> firstFields = new EnumMap<>(Step.class);

    public ClusterWizardView(ClusterWizardViewModel viewModel, Messages messages) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        this.sizeChoice = viewModel.sizeChoice();
        this.settings = viewModel.settings();
        this.identity = viewModel.identity();
        this.review = viewModel.review();
        this.creation = viewModel.creation();
        this.messages = Objects.requireNonNull(messages, "messages");
        setId("cluster-wizard");
        getStyleClass().add("cluster-wizard");
        getStylesheets().add(Objects.requireNonNull(getClass().getResource(STYLESHEET), STYLESHEET).toExternalForm());
        validation.setValidationDecorator(new DangerDecoration());

        setTop(header());
        setLeft(stepList());
        setCenter(pages());
        setBottom(buttonBar());

        addEventHandler(KeyEvent.KEY_PRESSED, this::onEscape);
        addEventFilter(KeyEvent.KEY_PRESSED, this::onEnter);
    }

    // Frame

    private Node header() {
        Label title = new Label();
        title.setId("wizard-title");
        title.getStyleClass().add(Styles.TITLE_3);
        title.setGraphic(new FontIcon(Feather.SERVER));
        title.textProperty().bind(messages.text("wizard.title"));
        Label workspace = new Label();
        workspace.getStyleClass().add(Styles.TEXT_MUTED);
        workspace.textProperty().bind(messages.format("wizard.subtitle", new ReadOnlyObjectWrapper<>(viewModel.workspace())));
        VBox header = new VBox(2, title, workspace);
        header.getStyleClass().add("wizard-header");
        return header;
    }

    private Node stepList() {
        VBox list = new VBox();
        list.getStyleClass().add("wizard-steps");
        for (Step step : Step.values()) {
            Label number = new Label(String.valueOf(step.ordinal() + 1));
            number.getStyleClass().add("wizard-step-number");
            FontIcon check = new FontIcon(Feather.CHECK);
            number.graphicProperty().bind(Bindings.when(viewModel.pageProperty().greaterThan(step.ordinal()))
                    .then((Node) check).otherwise((Node) null));
            number.textProperty().bind(Bindings.when(viewModel.pageProperty().greaterThan(step.ordinal()))
                    .then("").otherwise(String.valueOf(step.ordinal() + 1)));
            Label title = new Label();
            title.textProperty().bind(messages.text("wizard.step." + step.id()));
            HBox item = new HBox(10, number, title);
            item.setId("wizard-step-" + step.id());
            item.setAlignment(Pos.CENTER_LEFT);
            item.getStyleClass().add("wizard-step");
            Runnable mark = () -> {
                item.pseudoClassStateChanged(CURRENT, viewModel.step() == step);
                item.pseudoClassStateChanged(DONE, viewModel.step().ordinal() > step.ordinal());
            };
            mark.run();
            viewModel.stepProperty().addListener((observable, old, now) -> mark.run());
            list.getChildren().add(item);
        }
        return list;
    }

    private Node pages() {
        Label title = new Label();
        title.setId("wizard-page-title");
        title.getStyleClass().add(Styles.TITLE_4);
        Label purpose = new Label();
        purpose.setId("wizard-page-purpose");
        purpose.getStyleClass().add(Styles.TEXT_MUTED);
        purpose.setWrapText(true);
        Map<Step, Node> pages = new LinkedHashMap<>();
        // The size table takes the height there is, down to a few rows; on a projector's 700 px the page scrolls.
        ScrollPane virtualMachine = scrolling(virtualMachinePage());
        virtualMachine.setFitToHeight(true);
        pages.put(Step.VIRTUAL_MACHINE, virtualMachine);
        pages.put(Step.SETTINGS, scrolling(settingsPage()));
        pages.put(Step.IDENTITY, scrolling(identityPage()));
        pages.put(Step.REVIEW, scrolling(reviewPage()));
        StackPane content = new StackPane();
        VBox.setVgrow(content, Priority.ALWAYS);
        Runnable show = () -> {
            Step step = viewModel.step();
            title.textProperty().bind(messages.text("wizard.step." + step.id()));
            purpose.textProperty().bind(messages.text("wizard.step." + step.id() + ".purpose"));
            content.getChildren().setAll(pages.get(step));
        };
        show.run();
        viewModel.stepProperty().addListener((observable, old, now) -> {
            show.run();
            // A scroll pane takes in its content with its skin, which CSS makes: before that the field has no scene to focus in.
            content.applyCss();
            firstFields.get(now).get().requestFocus();
        });

        Message error = new Message();
        error.setId("wizard-error");
        error.getStyleClass().add(Styles.DANGER);
        error.setGraphic(new FontIcon(Feather.ALERT_OCTAGON));
        error.titleProperty().bind(messages.text("wizard.error.title"));
        error.descriptionProperty().bind(viewModel.errorTextProperty());
        showWhen(error, viewModel.errorTextProperty().isNotEmpty());

        VBox center = new VBox(6, title, purpose, content, error);
        center.getStyleClass().add("wizard-page");
        return center;
    }

    private Node buttonBar() {
        Button back = new Button();
        back.setId("wizard-back");
        back.setGraphic(new FontIcon(Feather.CHEVRON_LEFT));
        back.textProperty().bind(messages.text("wizard.back"));
        back.disableProperty().bind(viewModel.backDisabledProperty());
        back.setOnAction(event -> viewModel.back());

        Button next = new Button();
        next.setId("wizard-next");
        next.setGraphic(new FontIcon(Feather.CHEVRON_RIGHT));
        next.setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
        next.textProperty().bind(messages.text("wizard.next"));
        next.disableProperty().bind(viewModel.nextDisabledProperty());
        next.setOnAction(event -> viewModel.next());

        Button create = new Button();
        create.setId("wizard-create");
        create.getStyleClass().add(Styles.ACCENT);
        create.setGraphic(new FontIcon(Feather.PLUS));
        create.textProperty().bind(messages.text("wizard.create"));
        create.disableProperty().bind(viewModel.createDisabledProperty());
        create.setOnAction(event -> viewModel.create());
        firstFields.put(Step.REVIEW, () -> create);
        // The button Enter would press looks like it.
        viewModel.stepProperty().addListener((observable, old, now) -> emphasize(next, now != Step.REVIEW));
        emphasize(next, viewModel.step() != Step.REVIEW);

        ProgressIndicator progress = new ProgressIndicator();
        progress.setId("wizard-progress");
        progress.setPrefSize(22, 22);
        showWhen(progress, creation.workingProperty());
        Label status = new Label();
        status.setId("wizard-status");
        status.setWrapText(true);
        status.textProperty().bind(creation.statusTextProperty());
        status.graphicProperty().bind(Bindings.when(creation.phaseProperty().isEqualTo(Phase.CREATED))
                .then((Node) successIcon()).otherwise((Node) null));
        HBox.setHgrow(status, Priority.ALWAYS);
        status.setMaxWidth(Double.MAX_VALUE);

        Button cancel = new Button();
        cancel.setId("wizard-cancel");
        cancel.textProperty().bind(Bindings.when(creation.createdClusterProperty().isNull())
                .then(messages.text("wizard.cancel")).otherwise(messages.text("wizard.close")));
        cancel.setOnAction(event -> viewModel.cancel());

        HBox bar = new HBox(8, back, next, create, progress, status, cancel);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("wizard-buttons");
        return bar;
    }

    private static FontIcon successIcon() {
        FontIcon icon = new FontIcon(Feather.CHECK_CIRCLE);
        icon.getStyleClass().add("wizard-success-icon");
        return icon;
    }

    private static void emphasize(Button button, boolean on) {
        button.getStyleClass().remove(Styles.ACCENT);
        if (on) {
            button.getStyleClass().add(Styles.ACCENT);
        }
    }

    private void onEscape(KeyEvent event) {
        if (event.getCode() == KeyCode.ESCAPE) {
            viewModel.cancel();
            event.consume();
        }
    }

    /**
     * Enter, caught before the focused control sees it: radio buttons and check boxes would take it
     * as a click (choosing them is Space's job), so there it means Next, as everywhere but a text area
     * and an open list; on a button it presses that button.
     */
    private void onEnter(KeyEvent event) {
        if (event.getCode() != KeyCode.ENTER || event.isShortcutDown()) {
            return;
        }
        Object target = event.getTarget();
        if (target instanceof TextArea || target instanceof ComboBoxBase<?> box && box.isShowing()) {
            return;
        }
        if (target instanceof Button button) {
            button.fire();
        } else {
            viewModel.nextOrCreate();
        }
        event.consume();
    }

    // Page 1: virtual machine

    private Node virtualMachinePage() {
        ComboBox<String> location = new ComboBox<>(sizeChoice.locations());
        location.setId("wizard-location");
        location.setPrefWidth(240);
        location.valueProperty().bindBidirectional(sizeChoice.locationProperty());
        firstFields.put(Step.VIRTUAL_MACHINE, () -> location);
        Label locationHint = hint(messages.format("wizard.vm.location.hint", sizeChoice.workspaceLocationProperty()));

        ToggleGroup tiers = new ToggleGroup();
        RadioButton dedicated = radio("wizard-tier-dedicated", VmTier.DEDICATED, tiers);
        RadioButton lowPriority = radio("wizard-tier-low-priority", VmTier.LOW_PRIORITY, tiers);
        bindToggles(tiers, sizeChoice.tierProperty(), Map.of(dedicated, VmTier.DEDICATED, lowPriority, VmTier.LOW_PRIORITY));
        Label tierHint = hint(Bindings.when(sizeChoice.tierProperty().isEqualTo(VmTier.DEDICATED))
                .then(messages.format("wizard.vm.tier.dedicated.hint", sizeChoice.lowPrioritySavingPercentProperty()))
                .otherwise(messages.format("wizard.vm.tier.lowPriority.hint", sizeChoice.lowPrioritySavingPercentProperty())));
        tierHint.setId("wizard-tier-hint");

        ToggleGroup kinds = new ToggleGroup();
        ToggleButton cpu = pill("wizard-kind-cpu", "wizard.vm.kind.cpu", Feather.CPU, kinds, Styles.LEFT_PILL);
        ToggleButton gpu = pill("wizard-kind-gpu", "wizard.vm.kind.gpu", Feather.ZAP, kinds, Styles.RIGHT_PILL);
        bindToggles(kinds, sizeChoice.machineKindProperty(), Map.of(cpu, MachineKind.CPU, gpu, MachineKind.GPU));

        GridPane form = form();
        form.addRow(0, formLabel("wizard.vm.location", false), new VBox(4, location, locationHint));
        form.addRow(1, formLabel("wizard.vm.tier", false), new VBox(4, new HBox(20, dedicated, lowPriority), tierHint));
        form.addRow(2, formLabel("wizard.vm.kind", false), new HBox(cpu, gpu));

        CustomTextField filter = new CustomTextField();
        filter.setId("wizard-size-filter");
        filter.setLeft(new FontIcon(Feather.SEARCH));
        filter.setPrefWidth(320);
        filter.promptTextProperty().bind(messages.text("wizard.vm.filter"));
        filter.textProperty().bindBidirectional(sizeChoice.sizeFilterProperty());
        Label count = new Label();
        count.getStyleClass().add(Styles.TEXT_MUTED);
        count.textProperty().bind(messages.format("wizard.vm.count", Bindings.size(sizeChoice.sizes())));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox filterRow = new HBox(12, filter, gap, count);
        filterRow.setAlignment(Pos.CENTER_LEFT);

        TableView<SizeRow> table = sizeTable();
        VBox.setVgrow(table, Priority.ALWAYS);
        // Down goes on from the filter into what it filtered, as in a search box with results.
        filter.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.DOWN && !table.getItems().isEmpty()) {
                if (table.getSelectionModel().isEmpty()) {
                    table.getSelectionModel().selectFirst();
                }
                table.getFocusModel().focus(table.getSelectionModel().getSelectedIndex());
                table.requestFocus();
                event.consume();
            }
        });

        Label selection = new Label();
        selection.setId("wizard-selected-size");
        selection.setWrapText(true);
        // Its lines all show: the table gives up the height they need.
        selection.setMinHeight(Region.USE_PREF_SIZE);
        selection.textProperty().bind(sizeChoice.selectedSizeSummaryProperty());
        selection.graphicProperty().bind(Bindings.when(sizeChoice.selectedSizeProperty().isNull())
                .then((Node) new FontIcon(Feather.INFO)).otherwise((Node) new FontIcon(Feather.CHECK_CIRCLE)));
        selection.getStyleClass().add("wizard-selection");

        return new VBox(10, form, filterRow, table, selection);
    }

    private TableView<SizeRow> sizeTable() {
        TableView<SizeRow> table = new TableView<>();
        table.setId("wizard-sizes");
        table.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
        // Headers and values whole at any text size.
        Columns.fit(table);
        SortedList<SizeRow> sorted = new SortedList<>(sizeChoice.sizes());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        Label placeholder = new Label();
        placeholder.textProperty().bind(Bindings.when(viewModel.loadedProperty())
                .then(messages.text("wizard.vm.none")).otherwise(messages.text("wizard.vm.loading")));
        table.setPlaceholder(placeholder);

        TableColumn<SizeRow, String> name = column("wizard.vm.column.name", 190,
                row -> new ReadOnlyObjectWrapper<>(row.name()));
        Columns.singleLine(name, value -> value);
        TableColumn<SizeRow, Integer> vCpus = Columns.singleLine(column("wizard.vm.column.vcpus", 65,
                row -> new ReadOnlyObjectWrapper<>(row.vCpus())), String::valueOf);
        TableColumn<SizeRow, Double> memory = column("wizard.vm.column.memory", 85,
                row -> new ReadOnlyObjectWrapper<>(row.memoryGiB()));
        Columns.singleLine(memory, value -> messages.render("wizard.vm.memory.value", value));
        TableColumn<SizeRow, Integer> gpus = column("wizard.vm.column.gpus", 110,
                row -> new ReadOnlyObjectWrapper<>(row.gpus()));
        gpus.setCellFactory(c -> new TableCell<>() {
            {
                Columns.measure(this);
            }

            @Override
            protected void updateItem(Integer value, boolean empty) {
                super.updateItem(value, empty);
                SizeRow row = empty ? null : getTableRow().getItem();
                setText(row == null ? null : sizeChoice.gpuText(row.size()));
            }
        });
        TableColumn<SizeRow, String> family = column("wizard.vm.column.family", 115,
                row -> new ReadOnlyObjectWrapper<>(shortFamily(row.family())));
        Columns.singleLine(family, value -> value);
        TableColumn<SizeRow, Number> available = column("wizard.vm.column.quota", 135,
                SizeRow::availableVCpusProperty);
        available.setComparator((a, b) -> Long.compare(a.longValue(), b.longValue()));
        available.setCellFactory(c -> new QuotaCell());
        TableColumn<SizeRow, Number> price = column("wizard.vm.column.price", 100, SizeRow::pricePerHourProperty);
        price.setComparator((a, b) -> Double.compare(a.doubleValue(), b.doubleValue()));
        Columns.singleLine(price, value -> messages.format(WizardTexts.price(value.doubleValue())));
        List.of(vCpus, memory, gpus).forEach(col -> col.getStyleClass().add(Styles.TEXT));
        // CPU sizes have no GPUs: the column would say "None" on every row and take the room the others need.
        gpus.visibleProperty().bind(sizeChoice.machineKindProperty().isEqualTo(MachineKind.GPU));
        // The name, the GPUs and the quota left keep their width; on a narrow window the family, then the
        // price, the memory and the vCPUs go (the line under the table gives them for the chosen size).
        List.of(name, gpus, available).forEach(Columns::keep);
        List.of(vCpus, memory, price, family).forEach(Columns::optional);
        table.getColumns().setAll(List.of(name, vCpus, memory, gpus, available, price, family));

        table.getSelectionModel().selectedItemProperty().addListener((observable, old, row) -> {
            if (row != null) {
                sizeChoice.selectSize(row);
            }
        });
        Runnable reselect = () -> {
            SizeRow chosen = sizeChoice.selectedSizeProperty().get();
            if (chosen != null && table.getSelectionModel().getSelectedItem() != chosen && sorted.contains(chosen)) {
                table.getSelectionModel().select(chosen);
                table.scrollTo(chosen);
            }
        };
        sizeChoice.selectedSizeProperty().addListener((observable, old, now) -> reselect.run());
        sorted.addListener((ListChangeListener<SizeRow>) change -> reselect.run());
        return table;
    }

    /** standardNCSv3Family -> NCSv3: the family's own name, which the quota names use too. */
    private static String shortFamily(String family) {
        String name = QuotaKeys.familyDisplayName(family);
        return name.substring("Standard ".length(), name.length() - " Family".length());
    }

    private <T> TableColumn<SizeRow, T> column(String key, double width,
                                               javafx.util.Callback<SizeRow, ObservableValue<T>> value) {
        TableColumn<SizeRow, T> column = new TableColumn<>();
        column.textProperty().bind(messages.text(key));
        column.setPrefWidth(width);
        column.setCellValueFactory(features -> value.call(features.getValue()));
        return column;
    }

    /** The quota left, with a warning sign when not even one node of the size fits. */
    private final class QuotaCell extends TableCell<SizeRow, Number> {

        private final FontIcon warning = new FontIcon(Feather.ALERT_TRIANGLE);
        private final Tooltip tooltip = new Tooltip();

        QuotaCell() {
            Columns.measure(this);
            warning.getStyleClass().add("wizard-quota-warning-icon");
        }

        @Override
        protected void updateItem(Number value, boolean empty) {
            super.updateItem(value, empty);
            SizeRow row = empty ? null : getTableRow().getItem();
            if (row == null || value == null) {
                setText(null);
                setGraphic(null);
                setTooltip(null);
                return;
            }
            setText(messages.render("wizard.vm.quota.value", value.longValue()));
            if (row.hasNoQuota()) {
                tooltip.setText(value.longValue() == 0
                        ? messages.get("wizard.vm.quota.none")
                        : messages.render("wizard.vm.quota.tooFew", value.longValue(), row.vCpus()));
                setGraphic(warning);
                setTooltip(tooltip);
                if (!getStyleClass().contains("no-quota")) {
                    getStyleClass().add("no-quota");
                }
            } else {
                setGraphic(null);
                setTooltip(null);
                getStyleClass().removeAll("no-quota");
            }
        }
    }

    // Page 2: settings

    private Node settingsPage() {
        TextField name = textField("wizard-name", settings.nameProperty(), Field.NAME);
        name.promptTextProperty().bind(messages.text("wizard.settings.name.prompt"));
        firstFields.put(Step.SETTINGS, () -> name);
        TextField min = textField("wizard-min-nodes", settings.minNodesProperty(), Field.MIN_NODES);
        TextField max = textField("wizard-max-nodes", settings.maxNodesProperty(), Field.MAX_NODES);
        TextField idle = textField("wizard-idle-seconds", settings.idleSecondsProperty(), Field.IDLE_SECONDS);
        for (TextField number : List.of(min, max, idle)) {
            number.setPrefWidth(140);
            number.setMaxWidth(140);
        }

        ToggleSwitch ssh = new ToggleSwitch();
        ssh.setId("wizard-ssh-enabled");
        ssh.textProperty().bind(messages.text("wizard.settings.ssh.enable"));
        ssh.selectedProperty().bindBidirectional(settings.sshEnabledProperty());
        // The switch is reached with Tab; Space flips it, as it does a check box.
        ssh.setFocusTraversable(true);
        ssh.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.SPACE) {
                ssh.fire();
                event.consume();
            }
        });

        TextField user = textField("wizard-admin-username", settings.adminUsernameProperty(), Field.ADMIN_USERNAME);
        ToggleGroup credentials = new ToggleGroup();
        RadioButton password = radio("wizard-credential-password", "wizard.settings.ssh.password", credentials);
        RadioButton key = radio("wizard-credential-key", "wizard.settings.ssh.key", credentials);
        bindToggles(credentials, settings.credentialProperty(), Map.of(password, Credential.PASSWORD, key, Credential.SSH_KEY));
        PasswordField passwordField = new PasswordField();
        passwordField.setId("wizard-admin-password");
        passwordField.textProperty().bindBidirectional(settings.adminPasswordProperty());
        passwordField.setMaxWidth(FIELD_WIDTH);
        validate(passwordField, Field.ADMIN_PASSWORD);
        TextArea keyField = new TextArea();
        keyField.setId("wizard-ssh-key");
        keyField.setPrefRowCount(3);
        keyField.setWrapText(true);
        keyField.setMaxWidth(FIELD_WIDTH + 160);
        keyField.setPromptText("ssh-ed25519 AAAA... user@host");
        keyField.textProperty().bindBidirectional(settings.sshKeyProperty());
        validate(keyField, Field.SSH_KEY);

        Node passwordBlock = block(null, false, passwordField, Field.ADMIN_PASSWORD,
                messages.text("wizard.settings.ssh.password.hint"));
        Node keyBlock = block(null, false, keyField, Field.SSH_KEY, null);
        showWhen(passwordBlock, settings.credentialProperty().isEqualTo(Credential.PASSWORD));
        showWhen(keyBlock, settings.credentialProperty().isEqualTo(Credential.SSH_KEY));
        VBox sshDetails = new VBox(12,
                block("wizard.settings.ssh.user", true, user, Field.ADMIN_USERNAME, null),
                new VBox(6, formLabel("wizard.settings.ssh.credential", true), new HBox(20, password, key)),
                passwordBlock, keyBlock);
        sshDetails.setId("wizard-ssh-details");
        sshDetails.getStyleClass().add("wizard-indented");
        showWhen(sshDetails, settings.sshEnabledProperty());

        HBox scale = new HBox(24,
                block("wizard.settings.minNodes", true, min, Field.MIN_NODES, messages.text("wizard.settings.minNodes.hint")),
                block("wizard.settings.maxNodes", true, max, Field.MAX_NODES, messages.text("wizard.settings.maxNodes.hint")));
        return new VBox(18,
                block("wizard.settings.name", true, name, Field.NAME, messages.text("wizard.settings.name.hint")),
                scale,
                block("wizard.settings.idleSeconds", true, idle, Field.IDLE_SECONDS,
                        messages.text("wizard.settings.idleSeconds.hint")),
                new VBox(6, formLabel("wizard.settings.ssh", false), ssh, hint(messages.text("wizard.settings.ssh.hint"))),
                sshDetails);
    }

    // Page 3: identity

    private Node identityPage() {
        ToggleGroup types = new ToggleGroup();
        RadioButton none = radio("wizard-identity-none", IdentityType.NONE, types);
        RadioButton system = radio("wizard-identity-system", IdentityType.SYSTEM_ASSIGNED, types);
        RadioButton user = radio("wizard-identity-user", IdentityType.USER_ASSIGNED, types);
        bindToggles(types, identity.identityTypeProperty(), Map.of(none, IdentityType.NONE,
                system, IdentityType.SYSTEM_ASSIGNED, user, IdentityType.USER_ASSIGNED));
        firstFields.put(Step.IDENTITY, () -> (Node) types.getSelectedToggle());

        TextArea ids = new TextArea();
        ids.setId("wizard-identity-ids");
        ids.setPrefRowCount(2);
        // One id per line: an id has no spaces, so wrapping would cut it mid-word.
        ids.setWrapText(false);
        ids.setMaxWidth(760);
        ids.promptTextProperty().bind(identity.exampleIdentityIdProperty());
        ids.textProperty().bindBidirectional(identity.userAssignedIdsProperty());
        validate(ids, Field.USER_ASSIGNED_IDS);
        VBox pasted = block("wizard.identity.ids", false, ids, Field.USER_ASSIGNED_IDS, null);
        Label example = hint(messages.format("wizard.identity.ids.hint", identity.exampleIdentityIdProperty()));
        // The example id has no spaces to wrap at: it is shortened in its middle, and whole in the tooltip.
        example.setWrapText(false);
        example.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
        example.setMaxWidth(Double.MAX_VALUE);
        Tooltip whole = new Tooltip();
        whole.textProperty().bind(example.textProperty());
        example.setTooltip(whole);
        pasted.getChildren().add(example);
        VBox userBlock = new VBox(12, workspaceIdentities(), pasted);
        userBlock.getStyleClass().add("wizard-indented");
        showWhen(userBlock, identity.identityTypeProperty().isEqualTo(IdentityType.USER_ASSIGNED));

        return new VBox(14,
                new VBox(4, none, hint(messages.text("wizard.identity.none.hint"))),
                new VBox(4, system, hint(messages.text("wizard.identity.system.hint"))),
                new VBox(4, user, hint(messages.text("wizard.identity.user.hint"))),
                userBlock);
    }

    /** The workspace's user-assigned identities, each a check box with its name and client id. */
    private Node workspaceIdentities() {
        VBox list = new VBox(6);
        list.setId("wizard-identity-choices");
        Label empty = hint(messages.text("wizard.identity.workspace.none"));
        Runnable fill = () -> {
            list.getChildren().clear();
            for (IdentityStep.Choice choice : identity.workspaceIdentities()) {
                CheckBox box = new CheckBox(choice.name());
                box.setId("wizard-identity-choice-" + choice.name());
                box.selectedProperty().bindBidirectional(choice.pickedProperty());
                Label clientId = new Label();
                clientId.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
                clientId.textProperty().bind(messages.format("wizard.identity.clientId",
                        new ReadOnlyObjectWrapper<>(choice.clientId())));
                HBox line = new HBox(10, box, clientId);
                line.setAlignment(Pos.BASELINE_LEFT);
                list.getChildren().add(line);
            }
            if (list.getChildren().isEmpty()) {
                list.getChildren().add(empty);
            }
        };
        fill.run();
        identity.workspaceIdentities().addListener((ListChangeListener<IdentityStep.Choice>) change -> {
            while (change.next()) {
                if (!change.wasUpdated()) {
                    fill.run();
                    return;
                }
            }
        });
        return new VBox(6, formLabel("wizard.identity.workspace", false), list);
    }

    // Page 4: review

    private Node reviewPage() {
        // Settings on the right, the virtual machine and identity on the left: all of it fits above the cost.
        GridPane left = form();
        GridPane right = form();
        left.setId("wizard-review-left");
        right.setId("wizard-review-right");
        for (GridPane grid : List.of(left, right)) {
            // The values get the larger share and the labels wrap, so a size name stays on one line.
            ColumnConstraints labels = new ColumnConstraints();
            labels.setPercentWidth(42);
            ColumnConstraints values = new ColumnConstraints();
            values.setPercentWidth(58);
            grid.getColumnConstraints().setAll(labels, values);
        }
        VBox rightSide = new VBox(16, right);
        // Two equal columns: a grid sizes each half's wrapped lines at the half's real width, so the
        // summary is as tall as its taller half and nothing below it overlaps the cost.
        GridPane summary = new GridPane();
        summary.setId("wizard-review");
        summary.setHgap(40);
        for (int column = 0; column < 2; column++) {
            ColumnConstraints half = new ColumnConstraints();
            half.setPercentWidth(50);
            half.setFillWidth(true);
            summary.getColumnConstraints().add(half);
        }
        for (Region half : List.of(left, rightSide)) {
            half.setMinWidth(0);
            half.setMaxWidth(Double.MAX_VALUE);
        }
        summary.addRow(0, left, rightSide);
        GridPane.setValignment(left, VPos.TOP);
        GridPane.setValignment(rightSide, VPos.TOP);
        Runnable fill = () -> {
            left.getChildren().clear();
            right.getChildren().clear();
            int[] lines = new int[2];
            Step section = null;
            for (ReviewItem item : review.reviewItems()) {
                int side = item.step() == Step.SETTINGS ? 1 : 0;
                GridPane grid = side == 0 ? left : right;
                if (item.step() != section) {
                    section = item.step();
                    Label heading = new Label(messages.get("wizard.step." + section.id()));
                    heading.getStyleClass().addAll(Styles.TEXT_BOLD, "wizard-review-section");
                    grid.add(heading, 0, lines[side]++, 2, 1);
                }
                Label label = new Label(item.label());
                label.getStyleClass().add(Styles.TEXT_MUTED);
                label.setWrapText(true);
                Label value = new Label(item.value());
                value.setWrapText(true);
                value.getStyleClass().add("wizard-review-value");
                grid.addRow(lines[side]++, label, value);
            }
        };
        fill.run();
        review.reviewItems().addListener((ListChangeListener<ReviewItem>) change -> fill.run());

        Label costTitle = new Label();
        costTitle.getStyleClass().add(Styles.TEXT_BOLD);
        costTitle.setGraphic(new FontIcon(Feather.DOLLAR_SIGN));
        costTitle.textProperty().bind(messages.text("wizard.review.cost"));
        Label atMin = new Label();
        atMin.setId("wizard-cost-min");
        atMin.textProperty().bind(review.costAtMinTextProperty());
        Label atMax = new Label();
        atMax.setId("wizard-cost-max");
        atMax.textProperty().bind(review.costAtMaxTextProperty());
        Label costNote = hint(messages.text("wizard.review.cost.note"));
        VBox cost = new VBox(4, costTitle, atMin, atMax, costNote);
        cost.getStyleClass().add("wizard-cost");
        rightSide.getChildren().add(cost);

        Message quota = messageList("wizard-quota-warnings", review.quotaWarnings(), "wizard.review.quota.title",
                Styles.WARNING, Feather.ALERT_TRIANGLE);
        // Once the cluster exists, the service's own warnings replace the estimate.
        showWhen(quota, Bindings.isNotEmpty(review.quotaWarnings()).and(creation.createdClusterProperty().isNull()));
        Message lock = messageList("wizard-lock-warnings", review.lockWarnings(), "wizard.review.lock.title",
                Styles.WARNING, Feather.LOCK);
        showWhen(lock, Bindings.isNotEmpty(review.lockWarnings()).and(creation.createdClusterProperty().isNull()));
        Message warnings = messageList("wizard-service-warnings", creation.serviceWarnings(), "wizard.review.warnings.title",
                Styles.WARNING, Feather.ALERT_TRIANGLE);
        return new VBox(16, summary, lock, quota, warnings);
    }

    /** One callout holding every line of a list; hidden while the list is empty. */
    private Message messageList(String id, ObservableList<String> texts, String titleKey, String style, Ikon icon) {
        Message message = new Message();
        message.setId(id);
        message.getStyleClass().addAll(style, "wizard-message");
        message.setGraphic(new FontIcon(icon));
        message.titleProperty().bind(messages.text(titleKey));
        message.descriptionProperty().bind(Bindings.createStringBinding(() -> String.join("\n", texts), texts));
        showWhen(message, Bindings.isNotEmpty(texts));
        return message;
    }

    // Helpers

    private TextField textField(String id, javafx.beans.property.StringProperty value, Field field) {
        TextField text = new TextField();
        text.setId(id);
        text.setMaxWidth(FIELD_WIDTH);
        text.setPrefWidth(FIELD_WIDTH);
        text.textProperty().bindBidirectional(value);
        validate(text, field);
        return text;
    }

    /** ControlsFX decorates the control while the view-model reports a problem for its field. */
    private void validate(Control control, Field field) {
        ObservableValue<String> error = viewModel.errorProperty(field);
        validation.registerValidator(control, false,
                (Control target, Object value) -> ValidationResult.fromErrorIf(target, error.getValue(),
                        error.getValue() != null));
        error.addListener((observable, old, now) -> validation.revalidate(control));
    }

    /** A label, the control, its error message (when there is one) and a hint, one under the other. */
    private VBox block(String labelKey, boolean required, Control control, Field field, ObservableValue<String> hint) {
        VBox block = new VBox(4);
        if (labelKey != null) {
            Label label = formLabel(labelKey, required);
            label.setLabelFor(control);
            block.getChildren().add(label);
        }
        block.getChildren().add(control);
        Label error = new Label();
        error.setId(control.getId() + "-error");
        error.getStyleClass().add("field-error");
        error.setGraphic(new FontIcon(Feather.ALERT_CIRCLE));
        error.setWrapText(true);
        error.setMaxWidth(FIELD_WIDTH + 200);
        error.textProperty().bind(viewModel.errorProperty(field));
        showWhen(error, viewModel.errorProperty(field).isNotNull());
        block.getChildren().add(error);
        if (hint != null) {
            block.getChildren().add(hint(hint));
        }
        return block;
    }

    private Label formLabel(String key, boolean required) {
        Label label = new Label();
        label.getStyleClass().add("form-label");
        label.textProperty().bind(required ? Bindings.concat(messages.text(key), " *") : messages.text(key));
        return label;
    }

    private static Label hint(ObservableValue<String> text) {
        Label hint = new Label();
        hint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL, "field-hint");
        hint.setWrapText(true);
        hint.setMaxWidth(620);
        // A hint takes the lines it wraps to rather than being cut short with an ellipsis.
        hint.setMinHeight(Region.USE_PREF_SIZE);
        hint.textProperty().bind(text);
        return hint;
    }

    private RadioButton radio(String id, String key, ToggleGroup group) {
        RadioButton radio = new RadioButton();
        radio.setId(id);
        radio.textProperty().bind(messages.text(key));
        radio.setToggleGroup(group);
        return radio;
    }

    /** A choice between the values of an enum, named as the domain names them in the current language. */
    private RadioButton radio(String id, Enum<?> value, ToggleGroup group) {
        RadioButton radio = new RadioButton();
        radio.setId(id);
        radio.textProperty().bind(messages.display(new ReadOnlyObjectWrapper<>(value)));
        radio.setToggleGroup(group);
        return radio;
    }

    private ToggleButton pill(String id, String key, Ikon icon, ToggleGroup group, String pillStyle) {
        ToggleButton button = new ToggleButton();
        button.setId(id);
        button.setGraphic(new FontIcon(icon));
        button.textProperty().bind(messages.text(key));
        button.getStyleClass().add(pillStyle);
        button.setToggleGroup(group);
        return button;
    }

    /** Keeps one toggle of a group selected and in step with a view-model choice, both ways. */
    private static <T> void bindToggles(ToggleGroup group, ObjectProperty<T> choice, Map<Toggle, T> values) {
        values.forEach((toggle, value) -> toggle.setSelected(value.equals(choice.get())));
        group.selectedToggleProperty().addListener((observable, old, now) -> {
            if (now == null) {
                // A second click on the chosen toggle would leave none chosen.
                group.selectToggle(old);
            } else if (!values.get(now).equals(choice.get())) {
                choice.set(values.get(now));
            }
        });
        choice.addListener((observable, old, now) -> values.forEach((toggle, value) -> {
            if (value.equals(now)) {
                group.selectToggle(toggle);
            }
        }));
    }

    private static GridPane form() {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("wizard-form");
        grid.setHgap(20);
        grid.setVgap(10);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        values.setFillWidth(true);
        grid.getColumnConstraints().setAll(labels, values);
        return grid;
    }

    private static ScrollPane scrolling(Node page) {
        page.getStyleClass().add("wizard-page-body");
        ScrollPane scroll = new ScrollPane(page);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().addAll(Tweaks.EDGE_TO_EDGE, "wizard-scroll");
        return scroll;
    }

    private static void showWhen(Node node, ObservableValue<Boolean> condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(condition);
    }

    /** The view-model this view shows (the host closes the window when it asks to). */
    public ClusterWizardViewModel viewModel() {
        return viewModel;
    }
}
