package dev.computestudio.app;

import dev.computestudio.cli.RunnerChoice;
import dev.computestudio.cli.StopSignals;
import dev.computestudio.cli.StudioLauncher;
import dev.computestudio.ui.demo.ShellLink;
import dev.computestudio.ui.shell.Screen;

import javafx.application.Platform;

import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Opens the studio window over a data folder and runs the engine in this process while the
 * window is open; kept apart so that a command-line call loads no JavaFX.
 */
final class StudioMain {

    static final String CLASS_WORKSPACE = "demo-class";
    private static final int DEMO_SPEED = 20;

    private StudioMain() {
    }

    /** The studio in both forms: as usual, and ready for a class. */
    static StudioLauncher launcher() {
        return new StudioLauncher() {
            @Override
            public void launch(Path dataFolder, RunnerChoice runner) {
                StudioMain.launch(dataFolder, runner);
            }

            @Override
            public void launchDemo(Path dataFolder, RunnerChoice runner) {
                StudioMain.launchDemo(dataFolder, runner);
            }
        };
    }

    /**
     * {@code --demo}: a workspace for the class ({@value #CLASS_WORKSPACE}), the demo clock at 20x
     * and the Demos screen open; each scenario still makes and removes its own workspace.
     */
    static void launchDemo(Path dataFolder, RunnerChoice runner) {
        closeWindowOnStopSignal();
        try (ContextOpening opening = ContextOpening.start(() -> openAndStart(dataFolder, runner, "studio (demo)",
                context -> {
                    if (context.workspaces().list().stream().noneMatch(w -> w.name().equals(CLASS_WORKSPACE))) {
                        context.workspaces().create(CLASS_WORKSPACE, null, null);
                    }
                    context.clock().setSpeed(DEMO_SPEED);
                }))) {
            StudioApp.launchWith(opening::await, shell -> {
                shell.select(Screen.DEMOS);
                new ShellLink(shell).showWorkspace(CLASS_WORKSPACE);
            });
            // A context that failed to open ended the studio before its window; the command reports why.
            opening.await();
        }
    }

    static void launch(Path dataFolder, RunnerChoice runner) {
        closeWindowOnStopSignal();
        try (ContextOpening opening = ContextOpening.start(() -> openAndStart(dataFolder, runner, "studio",
                context -> { }))) {
            StudioApp.launchWith(opening::await, shell -> { });
            // A context that failed to open ended the studio before its window; the command reports why.
            opening.await();
        }
    }

    /**
     * Ctrl-C or SIGTERM close the studio as its window's close button does, so that the engine
     * hands its running jobs back before the JVM exits (in an exit hook H2 may already be closed).
     */
    private static void closeWindowOnStopSignal() {
        StopSignals.onStop(Platform::exit);
    }

    /** Opens the context, prepares it and starts its engine; closes it again when any of that fails. */
    private static AppContext openAndStart(Path dataFolder, RunnerChoice runner, String role,
                                           Consumer<AppContext> prepare) {
        AppContext context = AppContext.open(dataFolder, runner, role);
        try {
            prepare.accept(context);
            context.engine().start();
            return context;
        } catch (RuntimeException e) {
            context.close();
            throw e;
        }
    }
}
