package dev.computestudio.ui.wizard;

import dev.computestudio.service.ComputeService;
import dev.computestudio.service.IdentityService;
import dev.computestudio.service.QuotaService;
import dev.computestudio.service.WorkspaceService;
import dev.computestudio.ui.common.Messages;
import dev.computestudio.ui.common.UiThreads;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Modality;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Opens the cluster creation wizard in its own window over {@code owner}. The Compute screen (through
 * the app's launcher) calls {@link #open}; {@code onCreated} hears the new cluster's name on the FX
 * thread as soon as it exists.
 */
public final class ClusterWizard {

    private static final double WIDTH = 1160;
    private static final double HEIGHT = 740;
    /** Room left around the window for its frame, so it fits a 1024x700 projector whole. */
    private static final double SCREEN_MARGIN = 48;
    private static final Duration PROBE_INTERVAL = Duration.ofSeconds(1);

    private ClusterWizard() {
    }

    /** Call on the FX thread; returns the shown window. */
    public static Stage open(Window owner, String workspace, Messages messages, WorkspaceService workspaces,
                             ComputeService compute, QuotaService quota, IdentityService identities, UiThreads threads,
                             Consumer<String> onCreated) {
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(onCreated, "onCreated");
        ClusterWizardViewModel viewModel = new ClusterWizardViewModel(workspace, workspaces, compute, quota, identities, threads,
                messages, CreationTracker.Polling.every(PROBE_INTERVAL, threads.background()));
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        }
        show(stage, viewModel, messages, onCreated);
        return stage;
    }

    /**
     * Shows a wizard over its view-model in {@code stage} (also what tests use) and loads its data.
     * However the window goes (Cancel, Esc, its close box, its owner closing), the view-model is closed.
     */
    public static void show(Stage stage, ClusterWizardViewModel viewModel, Messages messages, Consumer<String> onCreated) {
        ClusterWizardView view = new ClusterWizardView(viewModel, messages);
        Rectangle2D screen = screenOf(stage.getOwner());
        stage.setScene(new Scene(view, Math.min(WIDTH, screen.getWidth() - SCREEN_MARGIN),
                Math.min(HEIGHT, screen.getHeight() - SCREEN_MARGIN)));
        stage.titleProperty().bind(messages.text("wizard.title"));
        stage.setMinWidth(760);
        stage.setMinHeight(520);
        if (stage.getOwner() instanceof Stage main) {
            stage.getIcons().setAll(main.getIcons());
        }
        viewModel.creation().createdClusterProperty().addListener((observable, old, now) -> {
            if (old == null && now != null) {
                onCreated.accept(now.name());
            }
        });
        viewModel.closeRequestedProperty().addListener((observable, old, close) -> {
            if (close) {
                stage.close();
            }
        });
        stage.setOnCloseRequest(event -> viewModel.cancel());
        stage.setOnHidden(event -> viewModel.close());
        viewModel.load();
        stage.show();
    }

    /** The usable part of the screen the owner is on (the primary screen without one). */
    private static Rectangle2D screenOf(Window owner) {
        if (owner == null) {
            return Screen.getPrimary().getVisualBounds();
        }
        return Screen.getScreensForRectangle(owner.getX(), owner.getY(), owner.getWidth(), owner.getHeight()).stream()
                .findFirst().orElse(Screen.getPrimary()).getVisualBounds();
    }
}
