package dev.computestudio.ui.demo;

import dev.computestudio.app.AppContext;
import dev.computestudio.demo.DemoServices;
import dev.computestudio.demo.ScenarioLibrary;
import dev.computestudio.engine.EngineSettings;
import dev.computestudio.infra.persistence.Database;
import dev.computestudio.infra.runner.ProcessNodeRunner;
import dev.computestudio.ui.common.Messages;
import dev.computestudio.ui.common.ScreenContent;
import dev.computestudio.ui.common.UiThreads;
import dev.computestudio.ui.shell.EngineStatus;
import dev.computestudio.ui.shell.Screen;
import dev.computestudio.ui.shell.ScreenFactory;
import dev.computestudio.ui.shell.ShellView;
import dev.computestudio.ui.shell.ShellViewModel;
import dev.computestudio.testing.TestStage;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
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
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A trainer plays the quota scenario through the Demos screen of the real shell: the studio
 * follows the steps to their screens, the narration stays beside them, the speed shows in the
 * status bar, and the clean-up leaves nothing behind.
 */
@ExtendWith(ApplicationExtension.class)
class DemoViewTest {

    private final ExecutorService background = Executors.newFixedThreadPool(2);
    private final ExecutorService player = Executors.newSingleThreadExecutor();
    private AppContext context;
    private ShellViewModel shell;
    private DemoViewModel demos;

    @Start
    void start(Stage stage) throws IOException {
        Path folder = Files.createTempDirectory("demo-view-test");
        context = AppContext.over(folder, Database.openFile(folder), new ProcessNodeRunner(folder),
                Clock.systemUTC(), EngineSettings.defaults().withTick(Duration.ofMillis(100)), "demo view test");
        context.clock().setSpeed(20);
        context.engine().start();
        shell = new ShellViewModel(context.preferences(), context.workspaces()::list,
                new ShellViewModel.RunStatus(folder, "process", EngineStatus.RUNNING),
                new UiThreads(background, Platform::runLater));
        shell.setLanguage(Locale.ENGLISH);
        Messages messages = new Messages(shell.languageProperty());
        DemoServices services = new DemoServices(context.workspaces(), context.compute(), context.jobs(),
                context.quota(), context.locks(), context.identities(), context.clock());
        demos = new DemoViewModel(() -> ScenarioLibrary.load(Path.of("assets", "demos")), services,
                new UiThreads(background, Platform::runLater), player, shell.languageProperty(), messages,
                new ShellLink(shell), Duration.ZERO);
        ScreenFactory factory = new ScreenFactory() {
            @Override
            public Optional<ScreenContent> create(Screen screen) {
                return screen == Screen.DEMOS ? Optional.of(new ScreenContent(new DemoView(demos, messages),
                        demos::refresh)) : Optional.empty();
            }

            @Override
            public Optional<Node> sidePanel() {
                return Optional.of(new NarrationPanel(demos, messages));
            }

            @Override
            public Optional<Node> statusItem() {
                return Optional.of(new SpeedIndicator(demos, messages));
            }
        };
        TestStage.setScene(stage, new ShellView(shell, messages, factory), 1280, 800);
        shell.select(Screen.DEMOS);
        shell.refreshWorkspaces();
        stage.show();
    }

    @AfterEach
    void close() throws InterruptedException {
        player.shutdownNow();
        player.awaitTermination(10, TimeUnit.SECONDS);
        background.shutdown();
        background.awaitTermination(5, TimeUnit.SECONDS);
        context.close();
    }

    @Test
    void playsTheQuotaScenarioWithNarrationBesideTheScreensThenCleansUp(FxRobot robot) {
        assertThat(robot.lookup("#demo-narration-panel").query().isVisible()).isFalse();
        assertThat(robot.lookup("#status-demo-speed").queryAs(Labeled.class).getText()).isEqualTo("Demo clock 20x");

        robot.clickOn("Quota - a GPU cluster blocked at 0 cores");
        robot.clickOn("#demo-play");

        try {
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> text(robot, "#demo-last-result").contains("job train-gpu is Completed"));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("the scenario did not end: " + demos.results() + " problem: "
                    + demos.problemProperty().get(), e);
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#demo-narration-panel").query().isVisible()).isTrue();
        assertThat(text(robot, "#demo-narration-progress")).isEqualTo("Step 9 of 9");
        assertThat(text(robot, "#screen-title")).as("the studio followed the last step").isEqualTo("Jobs");
        assertThat(text(robot, "#demo-narration")).isEqualTo("The job runs and completes.");
        assertThat(robot.lookup("#status-demo-speed").query().isVisible()).isTrue();
        assertThat(shell.selectedWorkspace()).isEqualTo("demo-quota");

        robot.clickOn("#nav-demos");
        assertThat(text(robot, "#demo-outcome")).isEqualTo("All checks hold");
        robot.clickOn("#demo-clean");

        await().atMost(Duration.ofSeconds(60)).until(() -> context.workspaces().list().isEmpty());
        await().atMost(Duration.ofSeconds(5)).until(() ->
                !robot.lookup("#demo-narration-panel").query().isVisible());
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Labeled.class).getText();
    }
}
