package dev.computestudio.app;

import dev.computestudio.ui.common.Messages;
import dev.computestudio.ui.common.ScreenContent;
import dev.computestudio.ui.common.UiThreads;
import dev.computestudio.ui.compute.ComputeView;
import dev.computestudio.ui.compute.ComputeViewModel;
import dev.computestudio.ui.quota.QuotaView;
import dev.computestudio.ui.quota.QuotaViewModel;
import dev.computestudio.ui.shell.Screen;
import dev.computestudio.ui.shell.ScreenFactory;
import dev.computestudio.ui.shell.ShellViewModel;
import dev.computestudio.ui.workspaces.WorkspacesView;
import dev.computestudio.ui.workspaces.WorkspacesViewModel;

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
            case WORKSPACES -> {
                WorkspacesViewModel viewModel = new WorkspacesViewModel(context.workspaces(), context.locks(), threads,
                        shell.selectedWorkspaceProperty(), shell::selectWorkspace, shell::refreshWorkspaces, messages);
                yield Optional.of(new ScreenContent(new WorkspacesView(viewModel, messages), viewModel::refresh));
            }
            case COMPUTE -> {
                // New cluster opens nothing yet: the creation wizard lands in the wizard branch.
                ComputeViewModel compute = new ComputeViewModel(context.compute(), context.specFiles(), threads,
                        shell.selectedWorkspaceProperty(), messages, workspace -> { },
                        () -> shell.select(Screen.TIMELINE));
                yield Optional.of(new ScreenContent(new ComputeView(compute, messages), compute::refresh));
            }
            case JOBS -> Optional.empty();
            case QUOTA -> {
                QuotaViewModel quota = new QuotaViewModel(context.quota(), shell.selectedWorkspaceProperty(), threads);
                yield Optional.of(new ScreenContent(new QuotaView(quota, messages), quota::refresh));
            }
            case IDENTITY, TIMELINE, DEMOS -> Optional.empty();
        };
    }
}
