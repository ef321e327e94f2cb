package dev.computestudio.service;

import dev.computestudio.domain.EventKind;
import dev.computestudio.domain.NodeState;
import dev.computestudio.domain.NotFoundException;
import dev.computestudio.domain.ScaleDecisions;
import dev.computestudio.service.timeline.CountStep;
import dev.computestudio.service.timeline.Marker;
import dev.computestudio.service.timeline.MarkerKind;
import dev.computestudio.service.timeline.NodeRow;
import dev.computestudio.service.timeline.Segment;
import dev.computestudio.service.timeline.Timeline;
import dev.computestudio.service.timeline.TimelineCsv;
import dev.computestudio.testing.StudioFixture;
import dev.computestudio.testing.TimelineScenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringWriter;
import java.nio.file.Path;

import static dev.computestudio.domain.NodeState.IDLE;
import static dev.computestudio.domain.NodeState.PREEMPTED;
import static dev.computestudio.domain.NodeState.RUNNING;
import static dev.computestudio.testing.StudioFixture.WS;
import static dev.computestudio.testing.TimelineScenario.CLUSTER;
import static dev.computestudio.testing.TimelineScenario.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** The timeline of a real engine run, read back from H2 for different windows. */
class TimelineServiceTest {

    @TempDir
    Path dataFolder;
    private StudioFixture studio;
    private TimelineService timelines;
    private TimelineScenario story;

    @BeforeEach
    void playTheStory() {
        studio = new StudioFixture(dataFolder);
        timelines = new TimelineService(studio.stores.workspaces(), studio.stores.clusters(), studio.stores.nodes(),
                studio.stores.events(), studio.clock);
        story = TimelineScenario.play(studio);
    }

    @AfterEach
    void close() {
        studio.close();
    }

    @Test
    void theWholeRunShowsEveryNodeGoneOnesIncluded() {
        Timeline timeline = timelines.load(WS, CLUSTER, at(0), at(211));

        assertThat(timeline.rows()).extracting(row -> row.label().english(), NodeRow::gone)
                .containsExactly(tuple("node 1", true), tuple("node 2", true), tuple("node 3", true));
        assertThat(timeline.rows().get(0).segments()).extracting(Segment::state, Segment::start, Segment::end,
                        Segment::job)
                .containsExactly(tuple(RUNNING, at(0), at(30), "job-a"), tuple(PREEMPTED, at(30), at(41), "job-a"));
        assertThat(timeline.rows().get(1).segments()).extracting(Segment::state, Segment::start, Segment::end,
                        Segment::job)
                .containsExactly(tuple(RUNNING, at(0), at(60), "job-b"), tuple(IDLE, at(60), at(180), null));
        assertThat(timeline.rows().get(2).segments()).extracting(Segment::state, Segment::start, Segment::end,
                        Segment::job)
                .containsExactly(tuple(RUNNING, at(31), at(90), "job-a"), tuple(IDLE, at(90), at(210), null));
        assertThat(timeline.rows().get(1).segments().get(1).endReason().english()).startsWith("idle for 120 s");
    }

    @Test
    void theCountStripGoesFromZeroToTwoAndBack() {
        Timeline timeline = timelines.load(WS, CLUSTER, at(0), at(211));

        assertThat(timeline.counts()).extracting(CountStep::at, CountStep::current, CountStep::target)
                .containsExactly(tuple(at(0), 2, 2), tuple(at(30), 2, 1), tuple(at(31), 3, 2), tuple(at(41), 2, 2),
                        tuple(at(180), 1, 1), tuple(at(210), 0, 0));
        assertThat(timeline.maxCount()).isEqualTo(3);
    }

    @Test
    void markersSayWhyTheClusterScaledAndWhyNot() {
        Timeline timeline = timelines.load(WS, CLUSTER, at(0), at(211));

        assertThat(timeline.markers()).extracting(Marker::at, Marker::kind, Marker::code).containsSubsequence(
                tuple(at(0), MarkerKind.SCALE_UP, ScaleDecisions.SCALE_UP),
                tuple(at(30), MarkerKind.PREEMPTION, "PREEMPTED"),
                tuple(at(31), MarkerKind.SCALE_UP, ScaleDecisions.SCALE_UP),
                tuple(at(60), MarkerKind.NOT_SCALED, ScaleDecisions.KEPT_IDLE_TIME),
                tuple(at(90), MarkerKind.NOT_SCALED, ScaleDecisions.KEPT_IDLE_TIME),
                tuple(at(180), MarkerKind.SCALE_DOWN, ScaleDecisions.SCALE_DOWN),
                tuple(at(180), MarkerKind.NOT_SCALED, ScaleDecisions.KEPT_IDLE_TIME),
                tuple(at(210), MarkerKind.SCALE_DOWN, ScaleDecisions.SCALE_DOWN));
        Marker kept = timeline.markers().stream().filter(m -> m.at().equals(at(60))
                && m.kind() == MarkerKind.NOT_SCALED).findFirst().orElseThrow();
        assertThat(kept.why().english()).startsWith("Not scaled down, idle time not reached: keeping 1 idle node(s)")
                .contains("idle time before scale-down (120 s) is not reached")
                .contains(story.nodeIds.get(1) + " idle for 0 s, goes in 120 s");
        Marker preemption = timeline.markers().stream().filter(m -> m.kind() == MarkerKind.PREEMPTION).findFirst()
                .orElseThrow();
        assertThat(preemption.jobName()).isEqualTo("job-a");
        assertThat(preemption.why().english()).contains("preempted on request").contains("job 'job-a' goes back to the queue");
    }

    @Test
    void aWindowStartsEachNodeInTheStateItWasInAndClipsNothingItKnows() {
        // From 09:00:45 to 09:01:15: node 1 is gone, node 2 runs job-b until 60, node 3 runs job-a since 31.
        Timeline timeline = timelines.load(WS, CLUSTER, at(45), at(75));

        assertThat(timeline.rows()).extracting(row -> row.label().english()).containsExactly("node 2", "node 3");
        assertThat(timeline.rows().get(0).segments()).extracting(Segment::state, Segment::start, Segment::end)
                .containsExactly(tuple(RUNNING, at(0), at(60)), tuple(IDLE, at(60), null));
        assertThat(timeline.rows().get(1).segments()).extracting(Segment::state, Segment::start, Segment::end)
                .containsExactly(tuple(RUNNING, at(31), null));
        assertThat(timeline.counts()).extracting(CountStep::at, CountStep::current)
                .containsExactly(tuple(at(45), 2));
        assertThat(timeline.events()).allMatch(e -> !e.at().isBefore(at(45)) && e.at().isBefore(at(75)));
        assertThat(timeline.events()).anyMatch(e -> e.kind() == EventKind.NODE);
    }

    @Test
    void anOpenSegmentReachesNowWhenTheWindowDoes() {
        studio.submit("job-c", CLUSTER);
        studio.pass();
        studio.advanceSeconds(15);

        Timeline timeline = timelines.load(WS, CLUSTER, at(200), at(300));

        NodeRow newest = timeline.rows().get(timeline.rows().size() - 1);
        Segment running = newest.segments().get(newest.segments().size() - 1);
        assertThat(running.state()).isEqualTo(NodeState.RUNNING);
        assertThat(running.open()).isTrue();
        assertThat(timeline.end()).isEqualTo(at(225));
        assertThat(running.duration(timeline.end()).toSeconds()).isEqualTo(15);
    }

    @Test
    void segmentsExportAsCsvWithTheirRealStartAndDuration() {
        StringWriter csv = new StringWriter();
        TimelineCsv.segments(timelines.load(WS, CLUSTER, at(45), at(75)), csv);

        assertThat(csv.toString().split("\r\n")).containsExactly(
                "node,state,start,end,duration_s,job,reason",
                story.nodeIds.get(1) + ",running,2026-03-02T09:00:00Z,2026-03-02T09:01:00Z,60,job-b,rank 0 of job-b",
                story.nodeIds.get(1) + ",idle,2026-03-02T09:01:00Z,,15,,rank exited with code 0",
                story.nodeIds.get(2) + ",running,2026-03-02T09:00:31Z,,44,job-a,rank 0 of job-a");
    }

    @Test
    void aReloadWithNothingNewLoggedOnlyMovesNowAndOneWithNewEventsReadsAgain() {
        Timeline first = timelines.load(WS, CLUSTER, at(0), at(211));
        studio.advanceSeconds(30);

        Timeline quiet = timelines.reload(first, WS, CLUSTER, at(0), at(241));

        assertThat(quiet.rows()).isSameAs(first.rows());
        assertThat(quiet.end()).isEqualTo(at(240));
        assertThat(quiet.counts()).isSameAs(first.counts());

        studio.submit("job-c", CLUSTER);
        studio.pass();
        Timeline busy = timelines.reload(quiet, WS, CLUSTER, at(0), at(241));

        assertThat(busy.rows()).hasSize(4);
        assertThat(timelines.reload(busy, WS, CLUSTER, at(10), at(241)).from()).as("another start reads again")
                .isEqualTo(at(10));
    }

    @Test
    void anUnknownClusterIsNotFound() {
        assertThatThrownBy(() -> timelines.load(WS, "nope", at(0), at(10))).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("compute 'nope' was not found");
        assertThatThrownBy(() -> timelines.load(WS, CLUSTER, at(10), at(10)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
