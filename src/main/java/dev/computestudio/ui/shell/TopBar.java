package dev.computestudio.ui.shell;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.computestudio.ui.common.Messages;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The top line: the studio's name, the workspace picker, the theme toggle and the settings menu. */
final class TopBar extends HBox {

    private static final double PICKER_WIDTH = 240;

    private final ShellViewModel viewModel;
    private final Messages messages;

    TopBar(ShellViewModel viewModel, Messages messages) {
        this.viewModel = viewModel;
        this.messages = messages;
        getStyleClass().add("top-bar");

        Label title = new Label();
        title.setId("app-title");
        title.getStyleClass().addAll(Styles.TITLE_4, "app-title");
        title.setGraphic(new FontIcon(Feather.LAYERS));
        title.textProperty().bind(messages.text("app.title"));

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);

        Label pickerLabel = new Label();
        pickerLabel.textProperty().bind(messages.text("workspace.picker.label"));
        ComboBox<String> picker = workspacePicker();
        pickerLabel.setLabelFor(picker);

        getChildren().addAll(title, spacer, pickerLabel, picker, themeToggle(), settingsMenu());
    }

    private ComboBox<String> workspacePicker() {
        ComboBox<String> picker = new ComboBox<>(viewModel.workspaces());
        picker.setId("workspace-picker");
        picker.setPrefWidth(PICKER_WIDTH);
        picker.promptTextProperty().bind(viewModel.workspacePromptProperty());
        picker.setValue(viewModel.selectedWorkspace());
        viewModel.selectedWorkspaceProperty().addListener((observable, old, now) -> picker.setValue(now));
        picker.valueProperty().addListener((observable, old, now) -> {
            if (now != null && !now.equals(viewModel.selectedWorkspace())) {
                viewModel.selectWorkspace(now);
            }
        });
        return picker;
    }

    private Button themeToggle() {
        Button toggle = new Button();
        toggle.setId("theme-toggle");
        toggle.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        // The icon shows the theme a click switches to.
        FontIcon icon = new FontIcon();
        icon.iconCodeProperty().bind(Bindings.when(viewModel.darkThemeProperty())
                .then(Feather.SUN).otherwise(Feather.MOON));
        toggle.setGraphic(icon);
        ObservableValue<String> hint = Bindings.when(viewModel.darkThemeProperty())
                .then(messages.text("theme.useLight")).otherwise(messages.text("theme.useDark"));
        toggle.accessibleTextProperty().bind(hint);
        Tooltip tooltip = new Tooltip();
        tooltip.textProperty().bind(hint);
        toggle.setTooltip(tooltip);
        toggle.setOnAction(event -> viewModel.toggleTheme());
        return toggle;
    }

    private MenuButton settingsMenu() {
        MenuButton menu = new MenuButton();
        menu.setId("settings-menu");
        menu.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Tweaks.NO_ARROW);
        menu.setGraphic(new FontIcon(Feather.SETTINGS));
        menu.accessibleTextProperty().bind(messages.text("settings.title"));
        Tooltip tooltip = new Tooltip();
        tooltip.textProperty().bind(messages.text("settings.title"));
        menu.setTooltip(tooltip);

        MenuItem caption = new MenuItem();
        caption.textProperty().bind(messages.text("settings.language"));
        caption.setDisable(true);
        menu.getItems().addAll(caption, new SeparatorMenuItem());
        menu.getItems().addAll(languageItems());

        MenuItem textSizeCaption = new MenuItem();
        textSizeCaption.textProperty().bind(messages.text("settings.textSize"));
        textSizeCaption.setDisable(true);
        menu.getItems().addAll(new SeparatorMenuItem(), textSizeCaption, new SeparatorMenuItem());
        menu.getItems().addAll(textSizeItems());
        return menu;
    }

    /** The text sizes; the one in use is checked, also when the zoom keys changed it. */
    private RadioMenuItem[] textSizeItems() {
        ToggleGroup group = new ToggleGroup();
        RadioMenuItem[] items = viewModel.textSizes().stream().map(percent -> {
            RadioMenuItem item = new RadioMenuItem();
            item.setId("text-size-" + percent);
            item.textProperty().bind(messages.format("settings.textSize.percent", new SimpleIntegerProperty(percent)));
            item.setToggleGroup(group);
            item.setUserData(percent);
            item.setOnAction(event -> viewModel.setTextSize(percent));
            return item;
        }).toArray(RadioMenuItem[]::new);
        Runnable check = () -> group.getToggles().forEach(item ->
                item.setSelected(item.getUserData().equals(viewModel.textSizeProperty().get())));
        check.run();
        viewModel.textSizeProperty().addListener((observable, old, now) -> check.run());
        return items;
    }

    private RadioMenuItem[] languageItems() {
        ToggleGroup group = new ToggleGroup();
        return viewModel.supportedLanguages().stream().map(language -> {
            RadioMenuItem item = new RadioMenuItem();
            item.setId("language-" + language.toLanguageTag());
            // Each language is named in itself, so a reader finds theirs whatever is shown now.
            item.setText(messages.get("language." + language.toLanguageTag()));
            item.setToggleGroup(group);
            item.setSelected(language.equals(viewModel.language()));
            item.setOnAction(event -> viewModel.setLanguage(language));
            return item;
        }).toArray(RadioMenuItem[]::new);
    }

    /** Puts an item (the notification bell) just before the theme toggle. */
    void addBeforeThemeToggle(Node item) {
        getChildren().add(getChildren().indexOf(lookup("#theme-toggle")), item);
    }
}
