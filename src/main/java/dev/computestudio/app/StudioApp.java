package dev.computestudio.app;

import dev.computestudio.ui.common.Messages;
import dev.computestudio.ui.shell.ShellView;
import dev.computestudio.ui.shell.ShellViewModel;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/** The studio window. Start it with {@link #launchWith}. */
public final class StudioApp extends Application {

    private static final double WIDTH = 1200;
    private static final double HEIGHT = 760;
    private static final double MIN_WIDTH = 900;
    private static final double MIN_HEIGHT = 600;
    private static final Duration SAVE_GRACE = Duration.ofSeconds(2);

    // JavaFX builds the Application itself through its no-argument constructor, so the composition
    // root hands the collaborators over through this one slot.
    private static final AtomicReference<StudioServices> HANDED_OVER = new AtomicReference<>();

    private ExecutorService background;
    private ShellViewModel shell;

    /**
     * Opens the studio window and returns when it is closed. Can be called once per JVM, as
     * {@link Application#launch} can.
     */
    public static void launchWith(StudioServices services, String... args) {
        Objects.requireNonNull(services, "services");
        if (!HANDED_OVER.compareAndSet(null, services)) {
            throw new IllegalStateException("the studio was already launched in this JVM");
        }
        Application.launch(StudioApp.class, args);
    }

    /** Runs on the launcher thread, so reading the saved preferences does not hold up the FX thread. */
    @Override
    public void init() {
        StudioServices services = HANDED_OVER.get();
        if (services == null) {
            throw new IllegalStateException("start the studio with StudioApp.launchWith(services, args)");
        }
        background = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "studio-background");
            thread.setDaemon(true);
            return thread;
        });
        shell = new ShellViewModel(services.preferences(), services.workspaces(),
                new ShellViewModel.RunStatus(services.dataFolder(), services.runnerName(), services.engineState()),
                background, Platform::runLater);
    }

    @Override
    public void start(Stage stage) {
        Messages messages = new Messages(shell.languageProperty());
        Scene scene = new Scene(new ShellView(shell, messages), WIDTH, HEIGHT);
        stage.setScene(scene);
        stage.titleProperty().bind(messages.text("app.title"));
        stage.setMinWidth(MIN_WIDTH);
        stage.setMinHeight(MIN_HEIGHT);
        for (String size : new String[] {"64", "256"}) {
            stage.getIcons().add(new Image(StudioApp.class.getResource("compute-studio-" + size + ".png").toExternalForm()));
        }
        StartupReport.logOnFirstFrame(scene);
        shell.refreshWorkspaces();
        stage.show();
    }

    /** Lets a preference chosen just before closing reach storage, but does not hang on it. */
    @Override
    public void stop() throws InterruptedException {
        background.shutdown();
        background.awaitTermination(SAVE_GRACE.toMillis(), TimeUnit.MILLISECONDS);
    }
}
