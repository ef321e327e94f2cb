package dev.computestudio.app;

import dev.computestudio.demo.DemoServices;
import dev.computestudio.demo.ScenarioLibrary;
import dev.computestudio.ui.common.Messages;
import dev.computestudio.ui.common.NotificationsViewModel;
import dev.computestudio.ui.common.Rows;
import dev.computestudio.ui.common.ScreenContent;
import dev.computestudio.ui.common.StudioObject;
import dev.computestudio.ui.common.UiThreads;
import dev.computestudio.ui.compute.ComputeView;
import dev.computestudio.ui.compute.ComputeViewModel;
import dev.computestudio.ui.demo.DemoView;
import dev.computestudio.ui.demo.DemoViewModel;
import dev.computestudio.ui.demo.NarrationPanel;
import dev.computestudio.ui.demo.ShellLink;
import dev.computestudio.ui.demo.SpeedIndicator;
import dev.computestudio.ui.identity.IdentityView;
import dev.computestudio.ui.identity.IdentityViewModel;
import dev.computestudio.ui.jobs.JobsView;
import dev.computestudio.ui.jobs.JobsViewModel;
import dev.computestudio.ui.quota.QuotaView;
import dev.computestudio.ui.quota.QuotaViewModel;
import dev.computestudio.ui.shell.Screen;
import dev.computestudio.ui.shell.ScreenFactory;
import dev.computestudio.ui.shell.ShellViewModel;
import dev.computestudio.ui.timeline.TimelineView;
import dev.computestudio.ui.timeline.TimelineViewModel;
import dev.computestudio.ui.workspaces.WorkspacesView;
import dev.computestudio.ui.workspaces.WorkspacesViewModel;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.Executors;

/** Builds each screen's view-model and view over the context's services: the studio's wiring. */
final class StudioScreens implements ScreenFactory {

    private final AppContext context;
    private final UiThreads threads;
    private final ShellViewModel shell;
    private final Messages messages;
    /** How long a played demo lets the class read a narration before the next step. */
    private static final Duration DEMO_READING_TIME = Duration.ofSeconds(4);
    private DemoViewModel demos;
    private NotificationsViewModel notifications;

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
                shell.whenOpened(object -> {
                    if (object.kind() == StudioObject.Kind.LOCK) {
                        viewModel.locks().reveal(object.name());
                    }
                });
                yield Optional.of(new ScreenContent(new WorkspacesView(viewModel, messages), viewModel::refresh));
            }
            case COMPUTE -> {
                ClusterWizardLauncher wizard = new ClusterWizardLauncher(context, threads, messages);
                ComputeViewModel compute = new ComputeViewModel(context.compute(), context.specFiles(), threads,
                        shell.selectedWorkspaceProperty(), messages, wizard::open,
                        () -> shell.select(Screen.TIMELINE));
                shell.whenOpened(object -> {
                    if (object.cluster() != null) {
                        compute.reveal(object.cluster());
                    }
                });
                wizard.whenCreated(compute::showCreated);
                yield Optional.of(new ScreenContent(new ComputeView(compute, messages), compute::refresh));
            }
            case JOBS -> {
                JobsViewModel jobs = new JobsViewModel(context.jobs(), context.compute(), threads,
                        shell.selectedWorkspaceProperty(), messages, context.clock(), ZoneId.systemDefault());
                shell.whenOpened(object -> {
                    if (object.kind() == StudioObject.Kind.JOB) {
                        jobs.list().reveal(object.name());
                    }
                });
                yield Optional.of(JobsView.screen(jobs, messages));
            }
            case QUOTA -> {
                QuotaViewModel quota = new QuotaViewModel(context.quota(), shell.selectedWorkspaceProperty(), threads,
                        messages);
                shell.whenOpened(object -> {
                    if (object.kind() == StudioObject.Kind.QUOTA) {
                        Rows.selectListed(quota.rows(), row -> row.key().equalsIgnoreCase(object.name()),
                                quota.selectedProperty());
                    }
                });
                yield Optional.of(new ScreenContent(new QuotaView(quota, messages), quota::refresh));
            }
            case IDENTITY -> {
                IdentityViewModel identity = new IdentityViewModel(context.identities(), context.compute(),
                        shell.selectedWorkspaceProperty(), threads, messages, context.clock());
                shell.whenOpened(object -> {
                    switch (object.kind()) {
                        case IDENTITY -> identity.revealIdentity(object.name());
                        case CLUSTER -> identity.revealCluster(object.name());
                        default -> { }
                    }
                });
                yield Optional.of(new ScreenContent(new IdentityView(identity, messages), identity::refresh));
            }
            case TIMELINE -> {
                TimelineViewModel timeline = new TimelineViewModel(context.timeline(), shell.selectedWorkspaceProperty(),
                        threads, messages, ZoneId.systemDefault(), job -> shell.select(Screen.JOBS));
                shell.whenOpened(object -> {
                    switch (object.kind()) {
                        case NODE -> timeline.showNode(object.cluster(), object.name());
                        case CLUSTER -> Rows.selectListed(timeline.clusters(), object.name()::equals,
                                timeline.selectedClusterProperty());
                        default -> { }
                    }
                });
                yield Optional.of(new ScreenContent(new TimelineView(timeline, messages), timeline::refresh));
            }
            case DEMOS -> Optional.of(new ScreenContent(new DemoView(demos(), messages), demos()::refresh));
        };
    }

    @Override
    public Optional<javafx.scene.Node> sidePanel() {
        return Optional.of(new NarrationPanel(demos(), messages));
    }

    @Override
    public Optional<javafx.scene.Node> statusItem() {
        return Optional.of(new SpeedIndicator(demos(), messages));
    }

    /** The session's notifications; whoever runs the studio polls them. */
    @Override
    public Optional<NotificationsViewModel> notifications() {
        if (notifications == null) {
            notifications = new NotificationsViewModel(context.activity(), messages, threads,
                    Clock.systemDefaultZone(), shell::open);
        }
        return Optional.of(notifications);
    }

    /** The one demo player: the Demos screen, the narration beside every screen and the status bar share it. */
    private DemoViewModel demos() {
        if (demos == null) {
            var player = Executors.newSingleThreadExecutor(task -> {
                Thread thread = new Thread(task, "studio-demo-player");
                thread.setDaemon(true);
                return thread;
            });
            DemoServices services = new DemoServices(context.workspaces(), context.compute(), context.jobs(),
                    context.quota(), context.locks(), context.identities(), context.clock());
            demos = new DemoViewModel(ScenarioLibrary::installed, services, threads, player, shell.languageProperty(),
                    messages, new ShellLink(shell), DEMO_READING_TIME);
        }
        return demos;
    }
}
