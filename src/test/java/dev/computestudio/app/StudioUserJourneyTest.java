package dev.computestudio.app;

import dev.computestudio.domain.ComputeCluster;
import dev.computestudio.domain.JobStatus;
import dev.computestudio.ui.compute.ClusterRow;
import dev.computestudio.ui.shell.ShellViewModel;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole studio as a trainer uses it, over a real H2 file, the real engine and the process
 * runner: create a workspace, create a cluster with the wizard, submit a job, see it complete
 * and the cluster go back to its minimum.
 */
@ExtendWith(ApplicationExtension.class)
class StudioUserJourneyTest {

    private static final String WS = "class-ws";
    private static final String CLUSTER = "train-cpu";

    private StudioWindow studio;
    private AppContext context;
    private ShellViewModel shell;

    @Start
    void start(Stage stage) throws IOException {
        studio = new StudioWindow("studio-journey");
        context = studio.context;
        shell = studio.show(stage, Locale.ENGLISH);
    }

    @AfterEach
    void closeEverything() throws InterruptedException {
        studio.close();
    }

    @Test
    void aWorkspaceAClusterFromTheWizardAndAJobThatCompletesThenTheClusterShrinksToItsMinimum(FxRobot robot)
            throws Exception {
        robot.clickOn("#nav-workspaces").clickOn("#workspaces-new");
        robot.clickOn("#workspaces-name").write(WS);
        robot.clickOn("#workspaces-create");
        waitUntil(() -> WS.equals(shell.selectedWorkspace()), 10);

        robot.clickOn("#nav-compute").clickOn("#compute-new");
        waitUntil(() -> robot.lookup("#wizard-size-filter").tryQuery().isPresent(), 10);
        robot.clickOn("#wizard-size-filter").write("DS1");
        robot.clickOn("Standard_DS1_v2");
        robot.clickOn("#wizard-next");
        robot.clickOn("#wizard-name").write(CLUSTER);
        replace(robot, "#wizard-max-nodes", "1");
        replace(robot, "#wizard-idle-seconds", "2");
        robot.clickOn("#wizard-next").clickOn("#wizard-next").clickOn("#wizard-create");
        waitUntil(() -> context.compute().list(WS).stream().anyMatch(c -> c.name().equals(CLUSTER)), 10);
        robot.clickOn("#wizard-cancel");
        TableView<?> clusters = robot.lookup("#compute-table").queryAs(TableView.class);
        waitUntil(() -> clusters.getSelectionModel().getSelectedItem() instanceof ClusterRow row
                && row.name().equals(CLUSTER), 10);

        robot.clickOn("#nav-jobs");
        waitUntil(() -> CLUSTER.equals(robot.lookup("#jobs-compute").queryComboBox().getValue()), 10);
        robot.clickOn("#jobs-command").write("echo hello from the studio");
        robot.clickOn("#jobs-name").write("first-job");
        robot.clickOn("#jobs-submit");

        waitUntil(() -> context.jobs().show(WS, "first-job").status() == JobStatus.COMPLETED, 30);
        waitUntil(() -> robot.lookup("Completed").tryQuery().isPresent(), 10);
        robot.clickOn("first-job");
        waitUntil(() -> robot.lookup("#jobs-log").queryAs(javafx.scene.control.TextInputControl.class).getText()
                .contains("hello from the studio"), 10);

        ComputeCluster cluster = context.compute().show(WS, CLUSTER);
        assertThat(cluster.spec().maxNodes()).isEqualTo(1);
        waitUntil(() -> context.compute().show(WS, CLUSTER).status().currentNodeCount() == 0, 30);
        robot.clickOn("#nav-compute");
        waitUntil(() -> robot.lookup("#compute-table").queryTableView().getItems().size() == 1, 10);
        assertThat(context.compute().show(WS, CLUSTER).spec().minNodes()).isZero();
    }

    private static void replace(FxRobot robot, String query, String text) {
        TextField field = robot.lookup(query).queryAs(TextField.class);
        robot.interact(field::clear);
        robot.clickOn(field).write(text);
    }

    private static void waitUntil(Callable<Boolean> condition, int seconds) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
