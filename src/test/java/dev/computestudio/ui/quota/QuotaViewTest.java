package dev.computestudio.ui.quota;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import atlantafx.base.theme.Theme;
import dev.computestudio.testing.StudioFixture;
import dev.computestudio.ui.common.Messages;
import dev.computestudio.ui.common.UiThreads;
import dev.computestudio.testing.TestStage;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static dev.computestudio.testing.StudioFixture.WS;
import static org.assertj.core.api.Assertions.assertThat;

/** The Quota screen on a headless stage, over real services and H2, as a user clicks it. */
@ExtendWith(ApplicationExtension.class)
class QuotaViewTest {

    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private StudioFixture studio;
    private QuotaViewModel viewModel;

    @Start
    void start(Stage stage) throws IOException {
        studio = new StudioFixture(Files.createTempDirectory("quota-view-test"));
        Messages messages = new Messages(new SimpleObjectProperty<>(Locale.ENGLISH));
        viewModel = new QuotaViewModel(studio.quota, new SimpleStringProperty(WS),
                new UiThreads(background, Platform::runLater), messages);
        TestStage.setScene(stage, new QuotaView(viewModel, messages), 1000, 700);
        stage.show();
        background.execute(viewModel::refresh);
    }

    @AfterEach
    void close() throws InterruptedException {
        background.shutdown();
        background.awaitTermination(5, TimeUnit.SECONDS);
        studio.close();
    }

    @Test
    void selectingAGpuFamilyAndRequestingALimitRaisesIt(FxRobot robot) throws Exception {
        TableView<?> table = robot.lookup("#quota-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !table.getItems().isEmpty());
        assertThat(robot.lookup("0 / 0 vCPUs  (no quota)").tryQuery()).isPresent();

        robot.clickOn("Standard NC Family Cluster Dedicated vCPUs");
        robot.doubleClickOn("#quota-new-limit").eraseText(2).write("12");
        robot.clickOn("#quota-request");

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> studio.quota.ledger(WS).limit("standardNCFamily") == 12);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#quota-message").queryAs(Labeled.class).getText())
                .isEqualTo("Standard NC Family Cluster Dedicated vCPUs: 0 -> 12");
        assertThat(robot.lookup("0 / 12 vCPUs").tryQuery()).isPresent();
    }

    @Test
    void theRequestButtonStaysOffForALimitThatIsNotANumber(FxRobot robot) throws Exception {
        TableView<?> table = robot.lookup("#quota-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !table.getItems().isEmpty());

        robot.clickOn("Clusters");
        robot.doubleClickOn("#quota-new-limit").eraseText(3).write("lots");

        assertThat(robot.lookup("#quota-request").queryButton().isDisabled()).isTrue();
        assertThat(studio.quota.ledger(WS).limit("clusters")).isEqualTo(200);
    }
    @Test
    void anEmptyUsageBarStandsOutOnAStripedRowInBothThemes(FxRobot robot) throws Exception {
        TableView<?> table = robot.lookup("#quota-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !table.getItems().isEmpty());
        String before = Application.getUserAgentStylesheet();
        try {
            for (Theme theme : List.of(new PrimerLight(), new PrimerDark())) {
                robot.interact(() -> Application.setUserAgentStylesheet(theme.getUserAgentStylesheet()));
                WaitForAsyncUtils.waitForFxEvents();
                TableRow<?> odd = robot.lookup(".table-row-cell").queryAllAs(TableRow.class).stream()
                        .filter(row -> !row.isEmpty() && row.getIndex() % 2 == 1).findFirst().orElseThrow();
                Region track = (Region) odd.lookup(".progress-bar").lookup(".track");
                Color rowColour = lastFill(odd);
                Color outline = (Color) track.getBackground().getFills().get(0).getFill();

                // As much as a text field's border has against the page: the theme's own track had none (1.0).
                assertThat(contrast(outline, rowColour)).as(theme.getName()).isGreaterThan(1.3);
            }
        } finally {
            robot.interact(() -> Application.setUserAgentStylesheet(before));
        }
    }

    private static Color lastFill(Region region) {
        List<BackgroundFill> fills = region.getBackground().getFills();
        return (Color) fills.get(fills.size() - 1).getFill();
    }

    /** WCAG's contrast ratio, 1 (none) to 21. */
    private static double contrast(Color one, Color other) {
        double lighter = Math.max(brightness(one), brightness(other));
        double darker = Math.min(brightness(one), brightness(other));
        return (lighter + 0.05) / (darker + 0.05);
    }

    /** Relative luminance as WCAG defines it, 0 (black) to 1 (white). */
    private static double brightness(Color colour) {
        return 0.2126 * linear(colour.getRed()) + 0.7152 * linear(colour.getGreen()) + 0.0722 * linear(colour.getBlue());
    }

    private static double linear(double channel) {
        return channel <= 0.03928 ? channel / 12.92 : Math.pow((channel + 0.055) / 1.055, 2.4);
    }
}
