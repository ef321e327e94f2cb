package dev.computestudio.app;

import dev.computestudio.domain.Workspace;
import dev.computestudio.ui.common.NotificationsViewModel;
import javafx.geometry.Bounds;
import javafx.scene.Node;
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
import java.util.List;
import java.util.Set;

import static dev.computestudio.testing.StudioFixture.NC6;
import static dev.computestudio.testing.StudioFixture.dedicated;
import static dev.computestudio.testing.StudioFixture.jobSpec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** On a 1024x700 projector, with a demo's narration open, notification cards leave every player button free. */
@ExtendWith(ApplicationExtension.class)
class NotificationCardsPlacementTest {

    private static final String FIRST = "ws-first";

    private StudioWindow window;
    private NotificationsViewModel notifications;

    @Start
    void start(Stage stage) throws IOException {
        window = new StudioWindow("notification-cards-test");
        window.showOnProjector(stage);
        notifications = window.notifications();
    }

    @AfterEach
    void close() throws InterruptedException {
        window.close();
    }

    @Test
    void cardsNeverCoverTheDemoNarrationNorThePlayersButtons(FxRobot robot) {
        robot.clickOn("#nav-demos");
        // The screen reads its scenarios in the background; a busy machine lists them later.
        await().atMost(Duration.ofSeconds(30)).until(() -> robot.lookup("Quota - a GPU cluster blocked at 0 cores")
                .tryQuery().map(Node::isVisible).orElse(false));
        robot.clickOn("Quota - a GPU cluster blocked at 0 cores").clickOn("#demo-next");
        await().atMost(Duration.ofSeconds(30)).until(() -> robot.lookup("#demo-narration-panel").query().isVisible());
        robot.clickOn("#nav-demos");
        notifications.poll();
        window.context.workspaces().create(FIRST, Workspace.DEFAULT_LOCATION, "rg-first");
        window.context.compute().create(FIRST, "gpu-cluster", dedicated(NC6, 0, 2));
        for (int i = 1; i <= 3; i++) {
            window.context.jobs().submit(FIRST, jobSpec("job-" + i, "gpu-cluster", 1, null));
            window.context.jobs().cancel(FIRST, "job-" + i);
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> {
            notifications.poll();
            WaitForAsyncUtils.waitForFxEvents();
            return robot.lookup(".notice-card").queryAll().size() == 3;
        });

        Set<Node> cards = robot.lookup(".notice-card").queryAll();
        List<String> controls = List.of("#demo-narration-panel", "#demo-narration-play", "#demo-narration-pause",
                "#demo-narration-next", "#demo-play", "#demo-pause", "#demo-next", "#demo-restart", "#demo-clean",
                "#notification-bell", "#status-engine");
        for (Node card : cards) {
            Bounds shown = card.localToScreen(card.getBoundsInLocal());
            for (String control : controls) {
                Node node = robot.lookup(control).query();
                assertThat(node.isVisible()).as(control + " is shown").isTrue();
                Bounds covered = node.localToScreen(node.getBoundsInLocal());
                assertThat(shown.intersects(covered)).as("a card at " + shown + " over " + control + " at " + covered)
                        .isFalse();
            }
        }
    }

}
