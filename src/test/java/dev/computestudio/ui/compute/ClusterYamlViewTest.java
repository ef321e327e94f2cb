package dev.computestudio.ui.compute;

import atlantafx.base.theme.PrimerLight;
import dev.computestudio.infra.yaml.YamlEnvironmentTable;
import dev.computestudio.infra.yaml.YamlFiles;
import dev.computestudio.infra.yaml.YamlSpecCodec;
import dev.computestudio.service.SpecFiles;
import dev.computestudio.testing.StudioFixture;
import dev.computestudio.ui.common.Messages;
import dev.computestudio.ui.common.UiThreads;
import dev.computestudio.testing.TestStage;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
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
import java.util.concurrent.TimeoutException;

import static dev.computestudio.testing.StudioFixture.WS;
import static org.assertj.core.api.Assertions.assertThat;

/** The compute screen's YAML buttons on a real (headless) stage. */
@ExtendWith(ApplicationExtension.class)
class ClusterYamlViewTest {

    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private StudioFixture studio;
    private ComputeViewModel compute;

    @Start
    void start(Stage stage) throws IOException {
        studio = new StudioFixture(Files.createTempDirectory("compute-yaml-view-test"));
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Messages messages = new Messages(new SimpleObjectProperty<>(Locale.ENGLISH));
        SpecFiles files = new SpecFiles(new YamlSpecCodec(new YamlEnvironmentTable(studio.dataFolder)),
                studio.compute, studio.jobs);
        compute = new ComputeViewModel(studio.compute, files, new UiThreads(background, Platform::runLater),
                new SimpleStringProperty(WS), messages, workspace -> { }, () -> { });
        TestStage.setScene(stage, new ComputeView(compute, messages), 1100, 720);
        stage.show();
    }

    @AfterEach
    void closeEverything() throws InterruptedException {
        background.shutdown();
        background.awaitTermination(5, TimeUnit.SECONDS);
        studio.close();
    }

    @Test
    void anImportedFileAppearsSelectedAndCanBeExported(FxRobot robot) throws TimeoutException {
        assertThat(menuItem(robot, "compute-import-yaml").getText()).isEqualTo("Import YAML…");
        assertThat(menuItem(robot, "compute-import-yaml").isDisable()).isFalse();
        assertThat(menuItem(robot, "compute-export-yaml").isDisable()).isTrue();

        // What a drop on the screen calls; the file chooser itself is the platform's.
        robot.interact(() -> compute.yaml().importFile(YamlFiles.path("cluster/minimal.yml")));

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> compute.selected() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(compute.selected().name()).isEqualTo("cpu-cluster");
        assertThat(menuItem(robot, "compute-export-yaml").isDisable()).isFalse();
        assertThat(robot.lookup("#compute-feedback").queryAs(atlantafx.base.controls.Message.class).getDescription())
                .isEqualTo("Created “cpu-cluster” from minimal.yml.");
    }

    /** An action of the toolbar's "More" menu. */
    private static MenuItem menuItem(FxRobot robot, String id) {
        return robot.lookup("#compute-more").queryAs(MenuButton.class).getItems().stream()
                .filter(item -> id.equals(item.getId())).findFirst().orElseThrow();
    }
}
