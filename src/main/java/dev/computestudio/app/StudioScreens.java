package dev.computestudio.app;

import dev.computestudio.ui.common.Messages;
import dev.computestudio.ui.common.ScreenContent;
import dev.computestudio.ui.common.UiThreads;
import dev.computestudio.ui.jobs.JobsView;
import dev.computestudio.ui.jobs.JobsViewModel;
import dev.computestudio.ui.shell.Screen;
import dev.computestudio.ui.shell.ScreenFactory;
import dev.computestudio.ui.shell.ShellViewModel;

import java.time.Clock;
import java.util.Optional;

/** Builds each screen's view-model and view over the context's services: the studio's wiring. */
final class StudioScreens implements ScreenFactory {

    private final AppContext context;
    private final UiThreads threads;
    private final ShellViewModel shell;
    private final Messages messages;

    StudioScreens(AppContext context, UiThreads threads, ShellViewModel shell, Messages messages) {
        this.context = context;
        this.threads = threads;
        this.shell = shell;
        this.messages = messages;
    }

    @Override
    public Optional<ScreenContent> create(Screen screen) {
        return switch (screen) {
            case WORKSPACES -> Optional.empty();
            case COMPUTE -> Optional.empty();
            case JOBS -> Optional.of(JobsView.screen(new JobsViewModel(context.jobs(), context.compute(), threads,
                    shell.selectedWorkspaceProperty(), messages, Clock.systemDefaultZone()), messages));
            case QUOTA -> Optional.empty();
            case IDENTITY, TIMELINE, DEMOS -> Optional.empty();
        };
    }
}
