package dev.computestudio.app;

import dev.computestudio.engine.Engine;
import dev.computestudio.ui.common.Messages;
import dev.computestudio.ui.common.NotificationsViewModel;
import dev.computestudio.ui.common.UiThreads;
import dev.computestudio.ui.shell.EngineStatus;
import dev.computestudio.ui.shell.ShellView;
import dev.computestudio.ui.shell.ShellViewModel;
import dev.computestudio.ui.shell.TextZoom;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The studio window over an {@link AppContext} whose engine runs in this process. Start it with
 * {@link #launchWith}.
 */
public final class StudioApp extends Application {

    private static final double WIDTH = 1200;
    private static final double HEIGHT = 760;
    private static final double MIN_WIDTH = 900;
    private static final double MIN_HEIGHT = 600;
    private static final Duration SAVE_GRACE = Duration.ofSeconds(2);
    /** How often the shown screen reads the database again, to show what the engine and the CLI changed. */
    private static final Duration LIVE_REFRESH = Duration.ofSeconds(1);
    private static final Duration NOTIFICATION_POLL = Duration.ofSeconds(3);

    private static final Logger LOG = LoggerFactory.getLogger(StudioApp.class);

    // JavaFX builds the Application itself through its no-argument constructor, so the composition
    // root hands the context over through this one slot.
    private static final AtomicReference<Supplier<AppContext>> HANDED_OVER = new AtomicReference<>();
    private static final AtomicReference<Consumer<ShellViewModel>> AFTER_SHOWN = new AtomicReference<>(shell -> { });

    /** Null when the context failed to open. */
    private AppContext context;
    private ExecutorService background;
    private ScheduledExecutorService refresher;
    private UiThreads threads;
    private ShellViewModel shell;

    /**
     * Opens the studio window and returns when it is closed. Can be called once per JVM, as
     * {@link Application#launch} can.
     */
    public static void launchWith(AppContext context, String... args) {
        launchWith(context, shell -> { }, args);
    }

    /**
     * As {@link #launchWith(AppContext, String...)}, and calls {@code afterShown} on the FX thread
     * once the window is shown (the studio benchmark drives the shell from there).
     */
    public static void launchWith(AppContext context, Consumer<ShellViewModel> afterShown, String... args) {
        Objects.requireNonNull(context, "context");
        launchWith(() -> context, afterShown, args);
    }

    /**
     * As {@link #launchWith(AppContext, Consumer, String...)} with a context still opening on another
     * thread: the toolkit starts meanwhile and {@code context} is waited for off the FX thread. When
     * it throws, the studio ends without showing a window and says nothing: the caller reports why.
     */
    static void launchWith(Supplier<AppContext> context, Consumer<ShellViewModel> afterShown, String... args) {
        Objects.requireNonNull(context, "context");
        AFTER_SHOWN.set(Objects.requireNonNull(afterShown, "afterShown"));
        if (!HANDED_OVER.compareAndSet(null, context)) {
            throw new IllegalStateException("the studio was already launched in this JVM");
        }
        Application.launch(StudioApp.class, args);
    }

    /**
     * Runs on the launcher thread, so waiting for the context and reading the saved preferences do
     * not hold up the FX thread.
     */
    @Override
    public void init() {
        Supplier<AppContext> handedOver = HANDED_OVER.get();
        if (handedOver == null) {
            throw new IllegalStateException("start the studio with StudioApp.launchWith(context, args)");
        }
        try {
            context = handedOver.get();
        } catch (RuntimeException e) {
            // Thrown from here it would reach the terminal under JavaFX's own banner: start() ends the
            // studio instead, and the launcher reports the failure.
            return;
        }
        background = Executors.newFixedThreadPool(2, daemon("studio-background"));
        refresher = Executors.newSingleThreadScheduledExecutor(daemon("studio-live-refresh"));
        threads = new UiThreads(background, Platform::runLater);
        shell = new ShellViewModel(context.preferences(), context.workspaces()::list,
                new ShellViewModel.RunStatus(context.dataFolder(), context.runnerName(),
                        describe(context.engine().state())),
                threads);
    }

    @Override
    public void start(Stage stage) {
        if (context == null) {
            // The context failed to open: nothing to show.
            Platform.exit();
            return;
        }
        Messages messages = shell.messages();
        StudioScreens screens = new StudioScreens(context, threads, shell, messages);
        ShellView view = new ShellView(shell, messages, screens);
        Scene scene = new Scene(view);
        stage.setScene(scene);
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        // A projector's 1024x700 is smaller than the studio's usual size: the window, frame included, fits it.
        stage.setWidth(Math.min(WIDTH, screen.getWidth()));
        stage.setHeight(Math.min(HEIGHT, screen.getHeight()));
        if (screen.getWidth() <= WIDTH || screen.getHeight() <= HEIGHT) {
            stage.setX(screen.getMinX());
            stage.setY(screen.getMinY());
        }
        stage.titleProperty().bind(messages.text("app.title"));
        stage.setMinWidth(Math.min(MIN_WIDTH, screen.getWidth()));
        stage.setMinHeight(Math.min(MIN_HEIGHT, screen.getHeight()));
        TextZoom.follow(shell);
        // Decoding the icons and scaling them for the window manager took a tenth of the FX thread's
        // start; the window gets them a moment after its first frame instead.
        CompletableFuture.supplyAsync(StudioApp::icons, background)
                .thenAcceptAsync(stage.getIcons()::setAll, Platform::runLater);
        StartupReport.logOnFirstFrame(scene);
        context.engine().addListener(state -> Platform.runLater(() -> shell.engineStatusChanged(describe(state))));
        // The engine starts as the context opens, so it may have taken its lease since init() read its state.
        shell.engineStatusChanged(describe(context.engine().state()));
        shell.refreshWorkspaces();
        NotificationsViewModel notifications = screens.notifications().orElseThrow();
        stage.show();
        refresher.scheduleWithFixedDelay(() -> {
            // A failure must not end the schedule: the next second tries again.
            try {
                view.refreshShownScreen();
            } catch (RuntimeException e) {
                LOG.warn("live refresh failed: {}", e.getMessage(), e);
            }
            Platform.runLater(shell::refreshWorkspaces);
        }, LIVE_REFRESH.toMillis(), LIVE_REFRESH.toMillis(), TimeUnit.MILLISECONDS);
        // Notifications come every few seconds at most: a class full of finishing jobs must not keep the
        // FX thread busy making cards.
        refresher.scheduleWithFixedDelay(notifications::poll, NOTIFICATION_POLL.toMillis(),
                NOTIFICATION_POLL.toMillis(), TimeUnit.MILLISECONDS);
        AFTER_SHOWN.get().accept(shell);
    }

    /**
     * Lets a preference chosen just before closing reach storage, but does not hang on it. The live
     * refresh ends first, so no refresh starts work on executors that are closing.
     */
    @Override
    public void stop() throws InterruptedException {
        if (context == null) {
            return;
        }
        refresher.shutdownNow();
        refresher.awaitTermination(SAVE_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        background.shutdown();
        background.awaitTermination(SAVE_GRACE.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static List<Image> icons() {
        return Stream.of("64", "256")
                .map(size -> new Image(StudioApp.class.getResource("compute-studio-" + size + ".png").toExternalForm()))
                .toList();
    }

    private static EngineStatus describe(Engine.State state) {
        return switch (state) {
            case RUNNING -> EngineStatus.RUNNING;
            case WAITING_FOR_LEASE -> EngineStatus.WAITING_FOR_LEASE;
            case STOPPED -> EngineStatus.NOT_RUNNING;
        };
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
