package dev.computestudio.app;

import dev.computestudio.ui.common.Messages;
import dev.computestudio.ui.common.UiThreads;
import dev.computestudio.ui.wizard.ClusterWizard;
import javafx.stage.Window;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Opens the cluster creation wizard over the studio's main window, with the context's services.
 * The Compute screen's "New" action is wired to {@link #open(String)}, and the screen hears of each
 * cluster the wizard creates through {@link #whenCreated}, e.g. in StudioScreens:
 * {@code launcher::open} into the screen's view-model, then {@code launcher.whenCreated(viewModel::showCreated)}.
 */
public final class ClusterWizardLauncher {

    private final AppContext context;
    private final UiThreads threads;
    private final Messages messages;
    private final Supplier<Window> owner;
    private Consumer<String> created = name -> { };

    /** Opens over the studio window that is showing (the focused one when there are several). */
    public ClusterWizardLauncher(AppContext context, UiThreads threads, Messages messages) {
        this(context, threads, messages, ClusterWizardLauncher::mainWindow);
    }

    public ClusterWizardLauncher(AppContext context, UiThreads threads, Messages messages, Supplier<Window> owner) {
        this.context = Objects.requireNonNull(context, "context");
        this.threads = Objects.requireNonNull(threads, "threads");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.owner = Objects.requireNonNull(owner, "owner");
    }

    /** What hears the name of each cluster a wizard opened by {@link #open(String)} creates, on the FX thread. */
    public void whenCreated(Consumer<String> onCreated) {
        created = Objects.requireNonNull(onCreated, "onCreated");
    }

    /** Shows the wizard for a workspace; call on the FX thread. */
    public void open(String workspace) {
        open(workspace, created);
    }

    /** Shows the wizard; {@code onCreated} gets the new cluster's name on the FX thread once it exists. */
    public void open(String workspace, Consumer<String> onCreated) {
        ClusterWizard.open(owner.get(), workspace, messages, context.workspaces(), context.compute(), context.quota(),
                context.identities(), threads, onCreated);
    }

    private static Window mainWindow() {
        return Window.getWindows().stream().filter(Window::isShowing).filter(Window::isFocused).findFirst()
                .or(() -> Window.getWindows().stream().filter(Window::isShowing).findFirst())
                .orElse(null);
    }
}
