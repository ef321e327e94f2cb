package dev.computestudio.service.timeline;

import dev.computestudio.domain.EventKind;
import dev.computestudio.domain.LogEvent;
import dev.computestudio.domain.Message;
import dev.computestudio.domain.Node;
import dev.computestudio.domain.NodeState;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static dev.computestudio.domain.NodeState.GONE;
import static dev.computestudio.domain.NodeState.IDLE;
import static dev.computestudio.domain.NodeState.LEAVING;
import static dev.computestudio.domain.NodeState.PREEMPTED;
import static dev.computestudio.domain.NodeState.PREPARING;
import static dev.computestudio.domain.NodeState.RUNNING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Events to rows of segments, with no database: the rules the timeline is drawn by. */
class SegmentBuilderTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final String N1 = "tvm-1234567890_1-20260302t090000z";
    private static final String N2 = "tvm-1234567890_2-20260302t090000z";

    private static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }

    /** An event whose reason is a sentence stored as it is: only its words matter here. */
    private static LogEvent event(long seconds, String node, NodeState state, String job, String reason) {
        return new LogEvent(seconds + 1, at(seconds), EventKind.NODE, "ws", "cpu", node, job, state.name(), 0,
                reason == null ? null : Message.of("text.recorded", reason));
    }

    private static Node stored(String id, long createdSeconds, NodeState state, long sinceSeconds) {
        return new Node(id, "ws", "cpu", state, null, 0, null, at(createdSeconds), at(sinceSeconds), null, null);
    }

    @Test
    void theCurrentStateStaysOpenAndEachChangeEndsASegment() {
        List<NodeRow> rows = SegmentBuilder.build(List.of(stored(N1, 0, IDLE, 40)), List.of(), List.of(
                event(0, N1, PREPARING, null, "scale up"),
                event(5, N1, IDLE, null, "node ready"),
                event(10, N1, RUNNING, "train-1", "placed"),
                event(40, N1, IDLE, null, "rank exited with code 0")), at(0));

        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.label().english()).isEqualTo("node 1");
            assertThat(row.gone()).isFalse();
            assertThat(row.segments()).extracting(Segment::state, Segment::start, Segment::end, Segment::job)
                    .containsExactly(tuple(PREPARING, at(0), at(5), null), tuple(IDLE, at(5), at(10), null),
                            tuple(RUNNING, at(10), at(40), "train-1"), tuple(IDLE, at(40), null, null));
        });
        Segment open = rows.get(0).segments().get(3);
        assertThat(open.open()).isTrue();
        assertThat(open.duration(at(100)).toSeconds()).isEqualTo(60);
        assertThat(rows.get(0).segments().get(2).endReason().english()).isEqualTo("rank exited with code 0");
    }

    @Test
    void aNodeStartsInTheStateItWasInAtTheWindowStartWithItsRealStart() {
        // Running since 09:00:10; the window starts at 09:01:00.
        LogEvent before = event(10, N1, RUNNING, "train-1", "placed");

        List<NodeRow> rows = SegmentBuilder.build(List.of(stored(N1, 0, IDLE, 70)), List.of(before),
                List.of(event(70, N1, IDLE, null, "rank exited with code 0")), at(60));

        assertThat(rows.get(0).segments()).extracting(Segment::state, Segment::start, Segment::end)
                .containsExactly(tuple(RUNNING, at(10), at(70)), tuple(IDLE, at(70), null));
    }

    @Test
    void aNodeWithoutHistoryBeforeTheWindowFallsBackToItsStoredState() {
        List<NodeRow> rows = SegmentBuilder.build(List.of(stored(N1, 0, IDLE, 20)), List.of(), List.of(), at(60));

        assertThat(rows.get(0).segments()).extracting(Segment::state, Segment::start, Segment::end)
                .containsExactly(tuple(IDLE, at(20), null));
    }

    @Test
    void aGoneNodeKeepsItsRowAndALeavingOfNoDurationLeavesNoSegment() {
        List<NodeRow> rows = SegmentBuilder.build(List.of(stored(N1, 0, GONE, 130)), List.of(), List.of(
                event(0, N1, IDLE, null, "node ready"),
                event(130, N1, LEAVING, null, "idle for 130 s"),
                event(130, N1, GONE, null, "idle for 130 s")), at(0));

        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.gone()).isTrue();
            assertThat(row.segments()).extracting(Segment::state, Segment::start, Segment::end,
                            segment -> segment.endReason().english())
                    .containsExactly(tuple(IDLE, at(0), at(130), "idle for 130 s"));
        });
    }

    @Test
    void aNodeThatCameBackShowsAGapBetweenItsTwoLives() {
        List<NodeRow> rows = SegmentBuilder.build(List.of(stored(N1, 0, IDLE, 300)), List.of(), List.of(
                event(0, N1, IDLE, null, "node ready"),
                event(100, N1, GONE, null, "reclaimed"),
                event(300, N1, IDLE, null, "adopted after restart")), at(0));

        NodeRow row = rows.get(0);
        assertThat(row.cameBack()).isTrue();
        assertThat(row.gone()).isFalse();
        assertThat(row.segments()).extracting(Segment::start, Segment::end)
                .containsExactly(tuple(at(0), at(100)), tuple(at(300), null));
        assertThat(row.segmentAt(at(200), at(400))).as("the gap").isNull();
        assertThat(row.segmentAt(at(350), at(400)).start()).isEqualTo(at(300));
    }

    @Test
    void aPreemptedNodeKeepsTheJobItLostWhenTheJobIsClearedAfterwards() {
        List<NodeRow> rows = SegmentBuilder.build(List.of(stored(N1, 0, GONE, 41)), List.of(), List.of(
                event(0, N1, RUNNING, "train-1", "placed"),
                event(30, N1, PREEMPTED, "train-1", "preempted on request"),
                event(31, N1, PREEMPTED, null, "preempted"),
                event(41, N1, LEAVING, null, "reclaimed after preemption"),
                event(41, N1, GONE, null, "reclaimed after preemption")), at(0));

        assertThat(rows.get(0).segments()).extracting(Segment::state, Segment::end, Segment::job,
                        segment -> segment.reason().english())
                .containsExactly(tuple(RUNNING, at(30), "train-1", "placed"),
                        tuple(PREEMPTED, at(41), "train-1", "preempted on request"));
    }

    @Test
    void aNewJobOnARunningNodeStartsANewSegment() {
        List<NodeRow> rows = SegmentBuilder.build(List.of(stored(N1, 0, RUNNING, 20)), List.of(), List.of(
                event(0, N1, RUNNING, "train-1", "placed"),
                event(20, N1, IDLE, null, "rank exited"),
                event(20, N1, RUNNING, "train-2", "placed")), at(0));

        assertThat(rows.get(0).segments()).extracting(Segment::job, Segment::start, Segment::end)
                .containsExactly(tuple("train-1", at(0), at(20)), tuple("train-2", at(20), null));
    }

    @Test
    void rowsFollowTheStoredNodesOrderAndNodesKnownOnlyFromEventsComeAfter() {
        String orphan = "node-from-an-older-cluster";
        List<NodeRow> rows = SegmentBuilder.build(List.of(stored(N2, 0, IDLE, 0), stored(N1, 5, IDLE, 5)), List.of(),
                List.of(event(0, orphan, IDLE, null, null), event(0, N2, IDLE, null, null),
                        event(5, N1, IDLE, null, null)), at(0));

        assertThat(rows).extracting(row -> row.label().english()).containsExactly("node 2", "node 1", orphan);
        assertThat(rows.get(2).createdAt()).isNull();
    }

    @Test
    void theCountStripCountsPresentNodesAndTargetsOnlyUsableOnes() {
        List<NodeRow> rows = SegmentBuilder.build(List.of(stored(N1, 0, GONE, 41), stored(N2, 0, RUNNING, 0)),
                List.of(), List.of(
                        event(0, N1, RUNNING, "a", null),
                        event(0, N2, RUNNING, "b", null),
                        event(30, N1, PREEMPTED, "a", null),
                        event(41, N1, GONE, null, null)), at(0));

        assertThat(CountStrip.steps(rows, at(0), at(60)))
                .extracting(CountStep::at, CountStep::current, CountStep::target)
                .containsExactly(tuple(at(0), 2, 2), tuple(at(30), 2, 1), tuple(at(41), 1, 1));
    }

    @Test
    void theCountStripStartsAtTheWindowStartForNodesAlreadyThere() {
        List<NodeRow> rows = SegmentBuilder.build(List.of(stored(N1, 0, IDLE, 10)),
                List.of(event(10, N1, IDLE, null, null)), List.of(), at(60));

        assertThat(CountStrip.steps(rows, at(60), at(90)))
                .extracting(CountStep::at, CountStep::current, CountStep::target)
                .containsExactly(tuple(at(60), 1, 1));
    }
}
