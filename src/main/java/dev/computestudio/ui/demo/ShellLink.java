package dev.computestudio.ui.demo;

import dev.computestudio.demo.Focus;
import dev.computestudio.ui.common.StudioObject;
import dev.computestudio.ui.shell.Screen;
import dev.computestudio.ui.shell.ShellViewModel;
import javafx.collections.ListChangeListener;

import java.util.Arrays;
import java.util.Locale;

/**
 * How a demo moves the studio: to the screen a step is about, to the scenario's workspace, and to
 * what the step talks about on that screen. Runs on the FX thread.
 */
public final class ShellLink implements DemoViewModel.Studio {

    private final ShellViewModel shell;

    public ShellLink(ShellViewModel shell) {
        this.shell = shell;
    }

    @Override
    public void show(Focus focus) {
        shell.show(switch (focus.kind()) {
            case CLUSTER -> StudioObject.cluster(focus.workspace(), focus.name());
            case NODE -> StudioObject.node(focus.workspace(), focus.cluster(), focus.name());
            case JOB -> StudioObject.job(focus.workspace(), focus.name());
            case IDENTITY -> StudioObject.of(StudioObject.Kind.IDENTITY, focus.workspace(), focus.name());
            case QUOTA -> StudioObject.of(StudioObject.Kind.QUOTA, focus.workspace(), focus.name());
            case LOCK -> StudioObject.of(StudioObject.Kind.LOCK, focus.workspace(), focus.name());
        });
    }

    @Override
    public void showScreen(String id) {
        Arrays.stream(Screen.values()).filter(screen -> screen.id().equals(id.toLowerCase(Locale.ROOT))).findFirst()
                .ifPresent(shell::select);
    }

    @Override
    public void showWorkspace(String name) {
        if (shell.workspaces().contains(name)) {
            shell.selectWorkspace(name);
            return;
        }
        // The workspace was just made: select it once the shell's list has read it.
        shell.workspaces().addListener(new ListChangeListener<>() {
            @Override
            public void onChanged(Change<? extends String> change) {
                if (shell.workspaces().contains(name)) {
                    shell.workspaces().removeListener(this);
                    shell.selectWorkspace(name);
                }
            }
        });
        shell.refreshWorkspaces();
    }
}
