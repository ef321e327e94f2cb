package dev.computestudio.app;

import dev.computestudio.domain.Workspace;
import dev.computestudio.ui.common.NotificationsViewModel;
import dev.computestudio.ui.shell.ShellViewModel;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.time.Duration;

import static dev.computestudio.testing.StudioFixture.NC6;
import static dev.computestudio.testing.StudioFixture.dedicated;
import static dev.computestudio.testing.StudioFixture.jobSpec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The bell over the whole studio: it counts what the engine did, its centre lists it, and an entry
 * (clicked, or Enter) lands on the job or cluster.
 */
@ExtendWith(ApplicationExtension.class)
class NotificationCentreTest {

    private static final String FIRST = "ws-first";
    private static final String OTHER = "ws-other";

    private StudioWindow window;
    private ShellViewModel shell;
    private NotificationsViewModel notifications;

    @Start
    void start(Stage stage) throws IOException {
        window = new StudioWindow("notification-centre-test");
        shell = window.showOnProjector(stage);
        notifications = window.notifications();
    }

    @AfterEach
    void close() throws InterruptedException {
        window.close();
    }

    @Test
    void theBellCountsWhatHappenedAndItsEntriesLandOnTheJobAndTheCluster(FxRobot robot) {
        notifications.poll();
        window.context.workspaces().create(FIRST, Workspace.DEFAULT_LOCATION, "rg-first");
        window.context.workspaces().create(OTHER, Workspace.DEFAULT_LOCATION, "rg-other");
        // No GPU quota: the job stays queued, so cancelling it never races the engine.
        window.context.compute().create(OTHER, "gpu-cluster", dedicated(NC6, 0, 2));
        window.context.jobs().submit(OTHER, jobSpec("train-1", "gpu-cluster", 1, null));
        pollUntilUnread(robot, "1");
        window.context.jobs().cancel(OTHER, "train-1");
        pollUntilUnread(robot, "2");
        assertThat(shell.selectedWorkspace()).isEqualTo(FIRST);

        robot.clickOn("#notification-bell");

        assertThat(robot.lookup("#notification-count").query().isVisible()).as("opening marks all read").isFalse();
        assertThat(robot.lookup("#notification-entries").<NotificationsViewModel.Notice>queryListView().getItems())
                .as("newest first").extracting(notice -> notice.kind().name())
                .containsExactly("JOB_CANCELED", "QUOTA_EXCEEDED");
        robot.clickOn("Job train-1 was canceled (ws-other).");

        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#screen-title")).isEqualTo("Jobs");
        assertThat(shell.selectedWorkspace()).isEqualTo(OTHER);
        await().atMost(Duration.ofSeconds(10)).until(() -> selectedName(robot, "#jobs-table").equals("train-1"));
        assertThat(robot.lookup("#notification-centre").query().isVisible()).as("the centre closed").isFalse();

        robot.clickOn("#notification-bell").type(KeyCode.ESCAPE);
        assertThat(robot.lookup("#notification-centre").query().isVisible()).as("Escape closes it").isFalse();
        robot.type(KeyCode.SPACE).type(KeyCode.DOWN).type(KeyCode.ENTER);

        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#screen-title")).isEqualTo("Compute");
        await().atMost(Duration.ofSeconds(10)).until(() -> selectedName(robot, "#compute-table").equals("gpu-cluster"));
    }

    private void pollUntilUnread(FxRobot robot, String count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            notifications.poll();
            WaitForAsyncUtils.waitForFxEvents();
            Labeled badge = robot.lookup("#notification-count").queryAs(Labeled.class);
            return badge.isVisible() && badge.getText().equals(count);
        });
    }

    private static String selectedName(FxRobot robot, String table) {
        Object row = robot.lookup(table).queryAs(TableView.class).getSelectionModel().getSelectedItem();
        return row == null ? "" : rowName(row);
    }

    private static String rowName(Object row) {
        return row instanceof dev.computestudio.ui.jobs.JobRow job ? job.name()
                : ((dev.computestudio.ui.compute.ClusterRow) row).name();
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Labeled.class).getText();
    }
}
