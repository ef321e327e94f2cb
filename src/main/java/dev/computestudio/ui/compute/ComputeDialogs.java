package dev.computestudio.ui.compute;

import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;
import dev.computestudio.domain.IdentityType;
import dev.computestudio.ui.common.Messages;
import dev.computestudio.ui.common.ServiceForm;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.event.ActionEvent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Control;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.Objects;

/**
 * The compute screen's dialogs. They only bind to a form and forward the clicks: the form decides
 * what is valid and talks to the service. A dialog stays open until the service accepts the change.
 */
final class ComputeDialogs {

    private static final double FIELD_WIDTH = 320;
    private static final double WIDE_FIELD_WIDTH = 560;

    private final Messages messages;

    ComputeDialogs(Messages messages) {
        this.messages = messages;
    }

    void showScaleSettings(Window owner, ScaleSettingsForm form) {
        Dialog<ButtonType> dialog = dialog(owner, "compute.scale.title", "scale");
        dialog.headerTextProperty().bind(messages.format("compute.scale.header",
                new ReadOnlyStringWrapper(form.clusterName())));
        ValidationSupport validation = new ValidationSupport();

        GridPane grid = grid();
        addField(grid, 0, "compute.scale.min", textField("scale-min", form.minProperty()), form.minErrorProperty(),
                "scale-min-error", validation);
        addField(grid, 1, "compute.scale.max", textField("scale-max", form.maxProperty()), form.maxErrorProperty(),
                "scale-max-error", validation);
        addField(grid, 2, "compute.scale.idle", textField("scale-idle", form.idleProperty()), form.idleErrorProperty(),
                "scale-idle-error", validation);
        Label note = new Label();
        note.textProperty().bind(messages.text("compute.scale.note"));
        note.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        note.setWrapText(true);
        note.setMaxWidth(FIELD_WIDTH + 160);
        grid.add(note, 0, 6, 2, 1);

        finish(dialog, "scale", form, form.saveDisabledProperty(), form::save, grid);
    }

    void showIdentity(Window owner, IdentityForm form) {
        Dialog<ButtonType> dialog = dialog(owner, "compute.identity.title", "identity");
        dialog.headerTextProperty().bind(messages.format("compute.identity.header",
                new ReadOnlyStringWrapper(form.clusterName())));
        ValidationSupport validation = new ValidationSupport();

        ToggleGroup group = new ToggleGroup();
        RadioButton none = radio("identity-none", "compute.identity.none", IdentityType.NONE, group);
        RadioButton system = radio("identity-system", "compute.identity.system", IdentityType.SYSTEM_ASSIGNED, group);
        RadioButton user = radio("identity-user", "compute.identity.user", IdentityType.USER_ASSIGNED, group);
        group.selectToggle(group.getToggles().stream()
                .filter(toggle -> toggle.getUserData() == form.typeProperty().get()).findFirst().orElse(none));
        group.selectedToggleProperty().addListener((observable, old, now) ->
                form.typeProperty().set(now == null ? null : (IdentityType) now.getUserData()));

        TextArea ids = new TextArea();
        ids.setId("identity-ids");
        ids.setPrefRowCount(4);
        ids.setPrefWidth(WIDE_FIELD_WIDTH);
        ids.setWrapText(false);
        ids.textProperty().bindBidirectional(form.idsProperty());
        ids.disableProperty().bind(form.idsDisabledProperty());
        ids.promptTextProperty().bind(messages.text("compute.identity.ids.prompt"));

        GridPane grid = grid();
        VBox choices = new VBox(8, none, system, user);
        Label typeLabel = label("compute.identity.type");
        grid.add(typeLabel, 0, 0);
        grid.add(choices, 1, 0);
        addField(grid, 1, "compute.identity.ids", ids, form.idsErrorProperty(), "identity-ids-error", validation);

        finish(dialog, "identity", form, form.saveDisabledProperty(), form::save, grid);
    }

    void showAttach(Window owner, AttachForm form) {
        Dialog<ButtonType> dialog = dialog(owner, "compute.attach.title", "attach");
        dialog.headerTextProperty().bind(messages.text("compute.attach.header"));
        ValidationSupport validation = new ValidationSupport();

        TextField name = textField("attach-name", form.nameProperty());
        name.promptTextProperty().bind(messages.text("compute.attach.name.prompt"));
        TextField resourceId = textField("attach-resource-id", form.resourceIdProperty());
        resourceId.setPrefWidth(WIDE_FIELD_WIDTH);
        resourceId.promptTextProperty().bind(messages.text("compute.attach.resourceId.prompt"));

        GridPane grid = grid();
        addField(grid, 0, "compute.attach.name", name, form.nameErrorProperty(), "attach-name-error", validation);
        addField(grid, 1, "compute.attach.resourceId", resourceId, form.resourceIdErrorProperty(),
                "attach-resource-id-error", validation);

        finish(dialog, "attach", form, form.saveDisabledProperty(), form::save, grid);
    }

    /** Asks before something that cannot be undone; {@code onConfirmed} runs only after the confirming click. */
    void confirm(Window owner, String id, String titleKey, ObservableValue<String> header, String contentKey,
                 String confirmKey, Runnable onConfirmed) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION);
        alert.initOwner(owner);
        alert.titleProperty().bind(messages.text(titleKey));
        alert.headerTextProperty().bind(header);
        alert.contentTextProperty().bind(messages.text(contentKey));
        ButtonType confirmType = new ButtonType(messages.get(confirmKey), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancelType = new ButtonType(messages.get("compute.dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        alert.getButtonTypes().setAll(confirmType, cancelType);
        Button confirmButton = button(alert.getDialogPane(), confirmType, confirmKey);
        confirmButton.setId(id + "-confirm");
        confirmButton.getStyleClass().add(Styles.DANGER);
        confirmButton.setDefaultButton(false);
        Button cancelButton = button(alert.getDialogPane(), cancelType, "compute.dialog.cancel");
        cancelButton.setId(id + "-cancel");
        // Enter does not delete by accident: the safe answer is the default.
        cancelButton.setDefaultButton(true);
        alert.getDialogPane().setId(id + "-dialog");
        alert.setOnHidden(event -> {
            if (alert.getResult() == confirmType) {
                onConfirmed.run();
            }
        });
        alert.show();
    }

    // Building blocks

    private Dialog<ButtonType> dialog(Window owner, String titleKey, String id) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.titleProperty().bind(messages.text(titleKey));
        dialog.getDialogPane().setId(id + "-dialog");
        dialog.getDialogPane().getStylesheets().add(ComputeView.STYLESHEET);
        return dialog;
    }

    private void finish(Dialog<ButtonType> dialog, String id, ServiceForm form, BooleanBinding saveDisabled,
                        Runnable save, GridPane fields) {
        Message formError = new Message();
        formError.setId(id + "-form-error");
        formError.getStyleClass().add(Styles.DANGER);
        formError.setGraphic(new FontIcon(Feather.ALERT_OCTAGON));
        formError.descriptionProperty().bind(form.formErrorProperty());
        formError.visibleProperty().bind(form.formErrorProperty().isNotNull());
        formError.managedProperty().bind(formError.visibleProperty());
        formError.setMaxWidth(WIDE_FIELD_WIDTH + 160);

        VBox content = new VBox(12, formError, fields);
        content.getStyleClass().add("compute-dialog-content");
        dialog.getDialogPane().setContent(content);

        ButtonType saveType = new ButtonType(messages.get("compute.dialog.save"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancelType = new ButtonType(messages.get("compute.dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(saveType, cancelType);
        Button saveButton = button(dialog.getDialogPane(), saveType, "compute.dialog.save");
        saveButton.setId(id + "-save");
        saveButton.getStyleClass().add(Styles.ACCENT);
        saveButton.disableProperty().bind(saveDisabled);
        button(dialog.getDialogPane(), cancelType, "compute.dialog.cancel").setId(id + "-cancel");
        // The dialog closes once the service has accepted, not on the click: a refusal is shown in it.
        saveButton.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume();
            save.run();
        });
        form.savedProperty().addListener((observable, was, saved) -> {
            if (saved) {
                dialog.setResult(saveType);
            }
        });
        dialog.show();
    }

    /** The dialog's button for {@code type}, its words following the language. */
    private Button button(DialogPane pane, ButtonType type, String key) {
        Button button = (Button) pane.lookupButton(type);
        button.textProperty().bind(messages.text(key));
        return button;
    }

    private static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(4);
        return grid;
    }

    /** A field in rows 2*index and 2*index+1: label and input, then what is wrong with it. */
    private void addField(GridPane grid, int index, String labelKey, TextInputControl input,
                          ObservableValue<String> error, String errorId, ValidationSupport validation) {
        Label label = label(labelKey);
        label.setLabelFor(input);
        Label problem = new Label();
        problem.setId(errorId);
        problem.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_SMALL);
        problem.setWrapText(true);
        problem.setMaxWidth(WIDE_FIELD_WIDTH);
        problem.textProperty().bind(error);
        problem.visibleProperty().bind(problem.textProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        grid.add(label, 0, index * 2);
        grid.add(input, 1, index * 2);
        grid.add(problem, 1, index * 2 + 1);
        GridPane.setHgrow(input, Priority.ALWAYS);
        decorate(validation, input, error);
    }

    /** ControlsFX marks the field as invalid while the form says it is. */
    private static void decorate(ValidationSupport validation, Control control, ObservableValue<String> error) {
        validation.registerValidator(control, false, (Control target, Object value) ->
                ValidationResult.fromErrorIf(target, Objects.requireNonNullElse(error.getValue(), ""),
                        error.getValue() != null));
        error.addListener((observable, old, now) -> validation.revalidate(control));
    }

    private TextField textField(String id, StringProperty value) {
        TextField field = new TextField();
        field.setId(id);
        field.setPrefWidth(FIELD_WIDTH);
        field.textProperty().bindBidirectional(value);
        return field;
    }

    private RadioButton radio(String id, String key, IdentityType type, ToggleGroup group) {
        RadioButton radio = new RadioButton();
        radio.setId(id);
        radio.textProperty().bind(messages.text(key));
        radio.setUserData(type);
        radio.setToggleGroup(group);
        return radio;
    }

    private Label label(String key) {
        Label label = new Label();
        label.textProperty().bind(messages.text(key));
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }
}
