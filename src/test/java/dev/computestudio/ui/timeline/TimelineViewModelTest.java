package dev.computestudio.ui.timeline;

import dev.computestudio.domain.NodeState;
import dev.computestudio.service.TimelineService;
import dev.computestudio.service.timeline.Marker;
import dev.computestudio.service.timeline.MarkerKind;
import dev.computestudio.service.timeline.NodeRow;
import dev.computestudio.service.timeline.Segment;
import dev.computestudio.testing.StudioFixture;
import dev.computestudio.testing.TimelineScenario;
import dev.computestudio.ui.common.Messages;
import dev.computestudio.ui.common.UiThreads;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static dev.computestudio.testing.StudioFixture.WS;
import static dev.computestudio.testing.TimelineScenario.CLUSTER;
import static dev.computestudio.testing.TimelineScenario.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The timeline screen's state and commands, without a toolkit, over a real engine run in H2. */
class TimelineViewModelTest {

    @TempDir
    Path dataFolder;
    private StudioFixture studio;
    private TimelineScenario story;
    private final SimpleStringProperty workspace = new SimpleStringProperty(WS);
    private final List<String> openedJobs = new ArrayList<>();
    private final SimpleObjectProperty<Locale> language = new SimpleObjectProperty<>(Locale.ENGLISH);
    private TimelineViewModel viewModel;

    @BeforeEach
    void playTheStoryAndOpenTheScreen() {
        studio = new StudioFixture(dataFolder);
        story = TimelineScenario.play(studio);
        TimelineService timelines = new TimelineService(studio.stores.workspaces(), studio.stores.clusters(),
                studio.stores.nodes(), studio.stores.events(), studio.clock);
        viewModel = new TimelineViewModel(timelines, workspace, UiThreads.direct(), new Messages(language),
                ZoneOffset.UTC, openedJobs::add);
        viewModel.refresh();
    }

    @AfterEach
    void close() {
        studio.close();
    }

    private NodeRow row(int index) {
        return viewModel.timelineProperty().get().rows().get(index);
    }

    private Marker marker(MarkerKind kind, long atSeconds) {
        return viewModel.timelineProperty().get().markers().stream()
                .filter(m -> m.kind() == kind && m.at().equals(at(atSeconds))).findFirst().orElseThrow();
    }

    @Test
    void theFirstClusterIsShownFollowingTheLastHourLive() {
        assertThat(viewModel.clusters()).containsExactly(CLUSTER);
        assertThat(viewModel.selectedClusterProperty().get()).isEqualTo(CLUSTER);
        assertThat(viewModel.rangeProperty().get()).isEqualTo(TimeRange.LAST_HOUR);
        assertThat(viewModel.followLiveProperty().get()).isTrue();
        assertThat(viewModel.viewportProperty().get()).isEqualTo(new Viewport(at(210).minus(Duration.ofHours(1)),
                at(210)));
        assertThat(viewModel.timelineProperty().get().rows()).extracting(viewModel::rowLabel, NodeRow::gone)
                .containsExactly(tuple("node 1", true), tuple("node 2", true), tuple("node 3", true));
        assertThat(viewModel.summaryProperty().get()).startsWith("3 nodes · ").endsWith(" events · 08:03:30 – 09:03:30");
    }

    @Test
    void aNodeShownByADemoStepIsTheRowTheChartKeepsInView() {
        String third = row(2).nodeId();

        assertThat(viewModel.showNode("no-such-cluster", third)).as("a cluster not listed").isFalse();
        assertThat(viewModel.focusedNodeProperty().get()).isNull();
        assertThat(viewModel.showNode(CLUSTER, third)).isTrue();

        assertThat(viewModel.selectedClusterProperty().get()).isEqualTo(CLUSTER);
        assertThat(viewModel.focusedNodeProperty().get()).isEqualTo(third);
    }

    @Test
    void newActivityAppearsOnTheNextRefreshWithAnOpenSegment() {
        studio.submit("job-c", CLUSTER);
        studio.pass();
        studio.advanceSeconds(20);

        viewModel.refresh();

        NodeRow newest = row(3);
        assertThat(viewModel.rowLabel(newest)).isEqualTo("node 4");
        Segment running = newest.segments().get(newest.segments().size() - 1);
        assertThat(running.state()).isEqualTo(NodeState.RUNNING);
        assertThat(running.open()).isTrue();
        assertThat(viewModel.viewportProperty().get().end()).as("follows live").isEqualTo(at(230));
    }

    @Test
    void pickingARangeShowsItAndZoomingWhileLiveKeepsTheRightEdgeAtNow() {
        viewModel.selectRange(TimeRange.LAST_5_MINUTES);
        assertThat(viewModel.viewportProperty().get()).isEqualTo(new Viewport(at(-90), at(210)));

        viewModel.zoom(0.5, 0.1);

        assertThat(viewModel.viewportProperty().get()).isEqualTo(new Viewport(at(60), at(210)));
        assertThat(viewModel.followLiveProperty().get()).isTrue();
        assertThat(viewModel.rangeProperty().get()).as("no longer one of the picker's ranges").isNull();
        assertThat(viewModel.timelineProperty().get().from()).isEqualTo(at(60));
        assertThat(viewModel.timelineProperty().get().rows()).extracting(viewModel::rowLabel)
                .containsExactly("node 2", "node 3");
    }

    @Test
    void panningStopsFollowingAndFollowingAgainReturnsToNow() {
        viewModel.selectRange(TimeRange.LAST_5_MINUTES);

        viewModel.pan(-0.5);

        assertThat(viewModel.followLiveProperty().get()).isFalse();
        assertThat(viewModel.viewportProperty().get()).isEqualTo(new Viewport(at(-240), at(60)));
        assertThat(viewModel.timelineProperty().get().to()).isEqualTo(at(60).plusNanos(1));

        viewModel.followLiveProperty().set(true);

        assertThat(viewModel.viewportProperty().get()).isEqualTo(new Viewport(at(-90), at(210)));
    }

    @Test
    void allShowsTheWholeLifeOfTheCluster() {
        viewModel.selectRange(TimeRange.ALL);

        assertThat(viewModel.viewportProperty().get()).isEqualTo(new Viewport(at(0), at(210)));
    }

    @Test
    void theTooltipTellsNodeStateStartEndDurationJobAndReason() {
        NodeRow node3 = row(2);
        Segment running = node3.segments().get(0);

        viewModel.hover(new Hit.OnSegment(node3, running));

        assertThat(viewModel.hoverTextProperty().get()).isEqualTo(String.join("\n",
                "node 3  (" + story.nodeIds.get(2) + ")",
                "State: running",
                "Start: 09:00:31",
                "End: 09:01:30",
                "Duration: 59 s",
                "Job: job-a",
                "Reason: rank 0 of job-a",
                "Ended: rank exited with code 0",
                "Click to open the job."));
    }

    @Test
    void theTooltipAndTheWhyPanelSpeakTheChosenLanguageEngineReasonsIncluded() {
        NodeRow node3 = row(2);
        viewModel.hover(new Hit.OnSegment(node3, node3.segments().get(0)));
        viewModel.selectMarker(marker(MarkerKind.NOT_SCALED, 60));

        language.set(Locale.forLanguageTag("pt-BR"));

        assertThat(viewModel.hoverTextProperty().get()).isEqualTo(String.join("\n",
                "nó 3  (" + story.nodeIds.get(2) + ")",
                "Estado: em execução",
                "Início: 09:00:31",
                "Fim: 09:01:30",
                "Duração: 59 s",
                "Trabalho: job-a",
                "Motivo: rank 0 de job-a",
                "Terminou: rank terminou com o código 0",
                "Clique para abrir o trabalho."));
        assertThat(viewModel.whyTitleProperty().get()).isEqualTo("Não reduziu: tempo ocioso não atingido");
        assertThat(viewModel.whyTextProperty().get()).contains("Às 09:01:00 o motor registrou: mantendo 1 nó(s) "
                + "ocioso(s): o tempo ocioso antes da redução (120 s) ainda não foi atingido (" + story.nodeIds.get(1)
                + " ocioso há 0 s, sai em 120 s)");
        assertThat(viewModel.summaryProperty().get()).startsWith("3 nós · ");
        assertThat(viewModel.rowLabel(row(0))).isEqualTo("nó 1");
        assertThat(viewModel.stateName(NodeState.IDLE)).isEqualTo("ocioso");

        language.set(Locale.ENGLISH);

        assertThat(viewModel.whyTitleProperty().get()).isEqualTo("Not scaled down: idle time not reached");
        assertThat(viewModel.hoverTextProperty().get()).contains("Reason: rank 0 of job-a");
    }

    @Test
    void clickingARunningSegmentOpensItsJob() {
        viewModel.activate(new Hit.OnSegment(row(1), row(1).segments().get(0)));

        assertThat(openedJobs).containsExactly("job-b");
        assertThat(viewModel.messageProperty().get()).isEqualTo("Opening job job-b");
    }

    @Test
    void aMarkerAnswersWhyTheClusterDidNotScaleDown() {
        viewModel.activate(new Hit.OnMarker(marker(MarkerKind.NOT_SCALED, 60)));

        assertThat(viewModel.whyTitleProperty().get()).isEqualTo("Not scaled down: idle time not reached");
        assertThat(viewModel.whyTextProperty().get())
                .startsWith("An idle node is removed only after it has been idle for the cluster's idle time")
                .contains("At 09:01:00 the engine recorded: keeping 1 idle node(s): the idle time before scale-down "
                        + "(120 s) is not reached yet (" + story.nodeIds.get(1) + " idle for 0 s, goes in 120 s)");
    }

    @Test
    void clickingAnIdleSegmentAnswersWhyItsNodeWasRemoved() {
        NodeRow node2 = row(1);

        viewModel.activate(new Hit.OnSegment(node2, node2.segments().get(1)));

        assertThat(viewModel.selectedMarkerProperty().get().kind()).isEqualTo(MarkerKind.SCALE_DOWN);
        assertThat(viewModel.whyTitleProperty().get()).isEqualTo("Node removed: it was not needed");
        assertThat(viewModel.whyTextProperty().get()).contains("removing " + story.nodeIds.get(1) + ": idle for 120 s");
        assertThat(openedJobs).isEmpty();
    }

    @Test
    void aPreemptionAnswersWhyItsJobRestarted() {
        viewModel.selectMarker(marker(MarkerKind.PREEMPTION, 30));

        assertThat(viewModel.whyTitleProperty().get()).isEqualTo("Node preempted");
        assertThat(viewModel.whyTextProperty().get()).contains("restarts from the start")
                .contains("the engine recorded: preempted on request");
    }

    @Test
    void markersCanBeSteppedThrough() {
        viewModel.stepMarker(1);
        Marker first = viewModel.selectedMarkerProperty().get();
        viewModel.stepMarker(1);

        assertThat(first.code()).isEqualTo("CREATED");
        assertThat(viewModel.selectedMarkerProperty().get().kind()).isEqualTo(MarkerKind.SCALE_UP);
    }

    @Test
    void theEventsExportAsCsvAndTheDrawingAsPng() throws Exception {
        Path csv = dataFolder.resolve("timeline.csv");
        Path png = dataFolder.resolve("timeline.png");

        viewModel.exportCsv(csv);
        assertThat(viewModel.messageProperty().get()).isEqualTo("Saved " + csv);
        viewModel.exportPng(png, new BufferedImage(40, 20, BufferedImage.TYPE_INT_ARGB));

        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo("sequence,at,kind,node,job,state,attempt,reason");
        assertThat(lines).anyMatch(line -> line.contains(",NODE," + story.nodeIds.get(0) + ",job-a,PREEMPTED,"));
        assertThat(lines).hasSize(viewModel.timelineProperty().get().events().size() + 1);
        assertThat(ImageIO.read(png.toFile()).getWidth()).isEqualTo(40);
        assertThat(viewModel.messageProperty().get()).isEqualTo("Saved " + png);
    }

    @Test
    void aWorkspaceWithoutClustersShowsNothingAndSaysSo() {
        studio.workspaces.create("empty-ws", null, null);

        workspace.set("empty-ws");

        assertThat(viewModel.clusters()).isEmpty();
        assertThat(viewModel.selectedClusterProperty().get()).isNull();
        assertThat(viewModel.timelineProperty().get()).isNull();
        assertThat(viewModel.summaryProperty().get()).isEqualTo("This workspace has no compute clusters.");
    }
}
