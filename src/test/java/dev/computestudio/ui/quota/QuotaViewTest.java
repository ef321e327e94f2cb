package dev.computestudio.ui.quota;

import dev.computestudio.testing.StudioFixture;
import dev.computestudio.ui.common.Messages;
import dev.computestudio.ui.common.UiThreads;
import javafx.application.Platform;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
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
        stage.setScene(new Scene(new QuotaView(viewModel, messages), 1000, 700));
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
        assertThat(robot.lookup("0 / 0 vCPUs  (full)").tryQuery()).isPresent();

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
}
