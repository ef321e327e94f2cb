package dev.computestudio.app;

import dev.computestudio.cli.RunnerChoice;
import dev.computestudio.engine.EngineSettings;
import dev.computestudio.ui.common.Messages;
import dev.computestudio.ui.common.NotificationsViewModel;
import dev.computestudio.ui.common.UiThreads;
import dev.computestudio.ui.shell.EngineStatus;
import dev.computestudio.ui.shell.ShellView;
import dev.computestudio.ui.shell.ShellViewModel;
import dev.computestudio.ui.shell.TextZoom;
import dev.computestudio.testing.TestStage;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The whole studio on a test's stage, as {@link StudioApp} builds it: a real H2 file, the real
 * engine and the process runner, every screen, and the shown screen read again every 300 ms so
 * that what the engine does appears.
 */
final class StudioWindow implements AutoCloseable {

    private final ExecutorService background = Executors.newFixedThreadPool(2);
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor();
    final AppContext context;
    private ShellViewModel shell;
    private StudioScreens screens;
    private TextZoom zoom;

    /** Opens the context and starts its engine; {@link #show} puts the studio on a stage. */
    StudioWindow(String folderPrefix) throws IOException {
        Path folder = Files.createTempDirectory(folderPrefix);
        context = AppContext.open(folder, RunnerChoice.PROCESS, "studio test",
                EngineSettings.defaults().withTick(Duration.ofMillis(200)));
        context.engine().start();
    }

    /** Shows the studio in {@code language}; call from the test's {@code @Start}. */
    ShellViewModel show(Stage stage, Locale language) {
        UiThreads threads = new UiThreads(background, Platform::runLater);
        shell = new ShellViewModel(context.preferences(), context.workspaces()::list,
                new ShellViewModel.RunStatus(context.dataFolder(), context.runnerName(), EngineStatus.RUNNING), threads);
        shell.setLanguage(language);
        Messages messages = new Messages(shell.languageProperty());
        screens = new StudioScreens(context, threads, shell, messages);
        ShellView view = new ShellView(shell, messages, screens);
        TestStage.setScene(stage, view, 1280, 800);
        stage.show();
        zoom = TextZoom.follow(shell);
        refresher.scheduleWithFixedDelay(() -> {
            view.refreshShownScreen();
            Platform.runLater(shell::refreshWorkspaces);
        }, 300, 300, TimeUnit.MILLISECONDS);
        return shell;
    }

    /** Shows the studio in English in a window as big as a projector's picture, 1024x700. */
    ShellViewModel showOnProjector(Stage stage) {
        ShellViewModel shown = show(stage, Locale.ENGLISH);
        stage.setWidth(1024);
        stage.setHeight(700);
        return shown;
    }

    /** The session's notifications, which the test polls as the studio does every few seconds. */
    NotificationsViewModel notifications() {
        return screens.notifications().orElseThrow();
    }

    @Override
    public void close() throws InterruptedException {
        if (zoom != null) {
            WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(zoom::stop));
        }
        refresher.shutdownNow();
        background.shutdown();
        background.awaitTermination(5, TimeUnit.SECONDS);
        context.close();
    }
}
