package dev.computestudio.app;

import dev.computestudio.ui.common.Messages;
import dev.computestudio.ui.common.ScreenContent;
import dev.computestudio.ui.common.UiThreads;
import dev.computestudio.ui.quota.QuotaView;
import dev.computestudio.ui.quota.QuotaViewModel;
import dev.computestudio.ui.shell.Screen;
import dev.computestudio.ui.shell.ScreenFactory;
import dev.computestudio.ui.shell.ShellViewModel;
import dev.computestudio.ui.timeline.TimelineView;
import dev.computestudio.ui.timeline.TimelineViewModel;

import java.time.ZoneId;
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
            case JOBS -> Optional.empty();
            case QUOTA -> {
                QuotaViewModel quota = new QuotaViewModel(context.quota(), shell.selectedWorkspaceProperty(), threads);
                yield Optional.of(new ScreenContent(new QuotaView(quota, messages), quota::refresh));
            }
            case TIMELINE -> {
                TimelineViewModel timeline = new TimelineViewModel(context.timeline(), shell.selectedWorkspaceProperty(),
                        threads, messages, ZoneId.systemDefault(), job -> shell.select(Screen.JOBS));
                yield Optional.of(new ScreenContent(new TimelineView(timeline, messages), timeline::refresh));
            }
            case IDENTITY, DEMOS -> Optional.empty();
        };
    }
}
