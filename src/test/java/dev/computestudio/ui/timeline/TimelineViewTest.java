package dev.computestudio.ui.timeline;

import atlantafx.base.theme.PrimerLight;
import dev.computestudio.domain.NodeState;
import dev.computestudio.service.TimelineService;
import dev.computestudio.service.timeline.NodeRow;
import dev.computestudio.service.timeline.Segment;
import dev.computestudio.testing.StudioFixture;
import dev.computestudio.testing.TimelineScenario;
import dev.computestudio.ui.common.Messages;
import dev.computestudio.ui.common.UiThreads;
import dev.computestudio.testing.TestStage;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Labeled;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static dev.computestudio.domain.NodeState.IDLE;
import static dev.computestudio.domain.NodeState.PREEMPTED;
import static dev.computestudio.domain.NodeState.RUNNING;
import static dev.computestudio.testing.StudioFixture.WS;
import static dev.computestudio.testing.TimelineScenario.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The timeline of a cluster that scaled 0 -> 2 -> 0 with a preemption, on a headless stage over
 * real services and H2, as a user points and clicks.
 */
@ExtendWith(ApplicationExtension.class)
class TimelineViewTest {

    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private final List<String> openedJobs = new CopyOnWriteArrayList<>();
    private StudioFixture studio;
    private TimelineViewModel viewModel;
    private TimelineView view;

    @Start
    void start(Stage stage) throws IOException {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        studio = new StudioFixture(Files.createTempDirectory("timeline-view-test"));
        TimelineScenario.play(studio);
        TimelineService timelines = new TimelineService(studio.stores.workspaces(), studio.stores.clusters(),
                studio.stores.nodes(), studio.stores.events(), studio.clock);
        viewModel = new TimelineViewModel(timelines, new SimpleStringProperty(WS),
                new UiThreads(background, Platform::runLater), new Messages(new SimpleObjectProperty<>(Locale.ENGLISH)),
                ZoneOffset.UTC, openedJobs::add);
        view = new TimelineView(viewModel, new Messages(new SimpleObjectProperty<>(Locale.ENGLISH)));
        TestStage.setScene(stage, view, 1200, 700);
        stage.show();
        background.execute(viewModel::refresh);
    }

    @AfterEach
    void close() throws InterruptedException {
        background.shutdown();
        background.awaitTermination(5, TimeUnit.SECONDS);
        studio.close();
    }

    private void showEverything(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> viewModel.timelineProperty().get() != null);
        robot.clickOn("#timeline-range-all");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> viewModel.timelineProperty().get().from().equals(at(0)));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Where on the screen an instant of a row is drawn. */
    private Point2D pointAt(FxRobot robot, int row, long seconds) {
        Canvas canvas = robot.lookup("#timeline-canvas").queryAs(Canvas.class);
        double x = canvas.getWidth() * seconds / 210.0;
        double y = TimelineLayout.HEADER_HEIGHT + (row + 0.5) * TimelineLayout.ROW_HEIGHT;
        return canvas.localToScreen(x, y);
    }

    private Point2D markerAt(FxRobot robot, long seconds) {
        Canvas canvas = robot.lookup("#timeline-canvas").queryAs(Canvas.class);
        return canvas.localToScreen(canvas.getWidth() * seconds / 210.0,
                TimelineLayout.STRIP_HEIGHT + TimelineLayout.MARKER_HEIGHT / 2);
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Labeled.class).getText();
    }

    @Test
    void showsARowPerNodeWithItsSegmentsGoneNodesIncluded(FxRobot robot) throws Exception {
        showEverything(robot);

        List<NodeRow> rows = viewModel.timelineProperty().get().rows();
        assertThat(rows).extracting(viewModel::rowLabel).containsExactly("node 1", "node 2", "node 3");
        assertThat(rows.get(0).segments()).extracting(Segment::state, Segment::job)
                .containsExactly(tuple(RUNNING, "job-a"), tuple(PREEMPTED, "job-a"));
        assertThat(rows.get(1).segments()).extracting(Segment::state).containsExactly(RUNNING, IDLE);
        assertThat(rows.get(2).segments()).extracting(Segment::state).containsExactly(RUNNING, IDLE);
        for (String label : List.of("node 1 · gone", "node 2 · gone", "node 3 · gone")) {
            Node shown = robot.lookup(label).query();
            assertThat(shown.isVisible()).as(label).isTrue();
        }
        assertThat(robot.lookup("#timeline-range-all").queryAs(ToggleButton.class).isSelected()).isTrue();
        assertThat(text(robot, "#timeline-summary")).startsWith("3 nodes · ").endsWith("09:00:00 – 09:03:30");
        for (NodeState state : List.of(NodeState.PREPARING, IDLE, RUNNING, NodeState.LEAVING, PREEMPTED,
                NodeState.UNUSABLE)) {
            assertThat(robot.lookup("#timeline-legend-" + state.restName()).tryQuery()).as(state.name()).isPresent();
        }
    }

    @Test
    void hoveringARunningSegmentTellsItsStoryAndClickingOpensTheJob(FxRobot robot) throws Exception {
        showEverything(robot);

        robot.moveTo(pointAt(robot, 2, 60));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#timeline-tooltip").queryAs(Labeled.class)
                .isVisible());

        assertThat(text(robot, "#timeline-tooltip")).startsWith("node 3  (").contains("State: running")
                .contains("Start: 09:00:31").contains("End: 09:01:30").contains("Duration: 59 s")
                .contains("Job: job-a").contains("Click to open the job.");

        robot.clickOn(pointAt(robot, 2, 60));

        assertThat(openedJobs).containsExactly("job-a");
    }

    @Test
    void clickingThePreemptionMarkerAnswersWhy(FxRobot robot) throws Exception {
        showEverything(robot);

        robot.clickOn(markerAt(robot, 30));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(text(robot, "#timeline-why-title")).isEqualTo("Node preempted");
        assertThat(text(robot, "#timeline-why-text")).contains("restarts from the start")
                .contains("preempted on request");
    }

    @Test
    void theWheelZoomsAroundThePointerAndDraggingPans(FxRobot robot) throws Exception {
        showEverything(robot);
        Viewport before = viewModel.viewportProperty().get();
        double pointer = 105 / 210.0;

        robot.moveTo(pointAt(robot, 1, 105));
        robot.scroll(javafx.geometry.VerticalDirection.UP);
        WaitForAsyncUtils.waitForFxEvents();

        Viewport zoomed = viewModel.viewportProperty().get();
        assertThat(zoomed.span()).isNotEqualTo(before.span());
        assertThat(viewModel.followLiveProperty().get()).as("zooming while live keeps following").isTrue();
        assertThat(zoomed.end()).as("live: the right edge stays at now").isEqualTo(before.end());

        viewModel.followLiveProperty().set(false);
        Viewport still = viewModel.viewportProperty().get();
        robot.scroll(javafx.geometry.VerticalDirection.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        Viewport aroundPointer = viewModel.viewportProperty().get();
        double pointerMillis = still.start().toEpochMilli() + still.spanMillis() * pointer;
        double after = aroundPointer.start().toEpochMilli() + aroundPointer.spanMillis() * pointer;
        assertThat(aroundPointer.span()).isNotEqualTo(still.span());
        assertThat(Math.abs(after - pointerMillis)).as("the instant under the pointer stays there")
                .isLessThan(1_000);

        robot.drag(pointAt(robot, 1, 100)).moveBy(200, 0).release(javafx.scene.input.MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(viewModel.followLiveProperty().get()).isFalse();
        assertThat(viewModel.viewportProperty().get().start()).isBefore(aroundPointer.start());
    }

    @Test
    void theChartSnapshotIsWhatAPngExportWrites(FxRobot robot) throws Exception {
        showEverything(robot);

        WritableImage[] shot = new WritableImage[1];
        robot.interact(() -> shot[0] = view.snapshotChart());

        assertThat(shot[0].getWidth()).isGreaterThan(800);
        assertThat(Snapshots.toBufferedImage(shot[0]).getHeight()).isEqualTo((int) shot[0].getHeight());
    }
}
