package dev.computestudio.ui.timeline;

import dev.computestudio.domain.EventKind;
import dev.computestudio.domain.LogEvent;
import dev.computestudio.domain.Message;
import dev.computestudio.domain.Node;
import dev.computestudio.domain.NodeState;
import dev.computestudio.service.timeline.MarkerKind;
import dev.computestudio.service.timeline.Segment;
import dev.computestudio.service.timeline.Timeline;
import dev.computestudio.service.timeline.Timelines;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Pixels of a frame, with no toolkit: where bars, ticks and markers go, and what the pointer hits. */
class TimelineLayoutTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final String N1 = "tvm-1234567890_1-20260302t090000z";
    private static final String N2 = "tvm-1234567890_2-20260302t090000z";

    private static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }

    private static LogEvent node(long seconds, String id, NodeState state, String job) {
        return new LogEvent(seconds, at(seconds), EventKind.NODE, "ws", "cpu", id, job, state.name(), 0,
                Message.of("reason.node.ready"));
    }

    private static Node stored(String id) {
        return new Node(id, "ws", "cpu", NodeState.IDLE, null, 0, null, T0, T0, null, null);
    }

    /** Node 1 runs train-1 for 60 s then idles; node 2 idles; a scale-up at 0 and a preemption at 90. */
    private static Timeline twoNodes() {
        return Timelines.assemble("ws", "cpu", T0, at(120), at(120), List.of(stored(N1), stored(N2)), List.of(),
                List.of(LogEvent.cluster(T0, "ws", "cpu", "SCALE_UP",
                                Message.of("reason.cluster.scale-up", 2, 2, 0, 2)),
                        node(0, N1, NodeState.RUNNING, "train-1"),
                        node(0, N2, NodeState.IDLE, null),
                        node(60, N1, NodeState.IDLE, null),
                        node(90, N2, NodeState.PREEMPTED, null)));
    }

    private static String label(Segment segment) {
        return TimelineLayout.defaultLabel(segment, state -> state.restName());
    }

    @Test
    void barsSpanTheirTimeAndRunningOnesCarryTheJobName() {
        TimelineLayout layout = new TimelineLayout(twoNodes(), new Viewport(T0, at(120)), 1200, 400, 0,
                ZoneOffset.UTC, Locale.ROOT);

        TimelineLayout.Frame frame = layout.frame(TimelineLayoutTest::label);

        assertThat(frame.rows()).extracting(slot -> slot.row().label().english()).containsExactly("node 1", "node 2");
        assertThat(frame.bars()).hasSize(4);
        TimelineLayout.Bar running = frame.bars().get(0);
        assertThat(running.segment().state()).isEqualTo(NodeState.RUNNING);
        assertThat(running.x()).isEqualTo(0);
        assertThat(running.width()).isCloseTo(600, within(0.01));
        assertThat(running.y()).isCloseTo(TimelineLayout.HEADER_HEIGHT + 3, within(0.01));
        assertThat(running.label()).isEqualTo("train-1");
        assertThat(frame.bars().get(3).segment().state()).isEqualTo(NodeState.PREEMPTED);
        assertThat(frame.bars().get(3).x()).isCloseTo(900, within(0.01));
    }

    @Test
    void barsAreClippedToTheViewportAndLabelsLeftOutWhereTheyDoNotFit() {
        TimelineLayout layout = new TimelineLayout(twoNodes(), new Viewport(at(55), at(115)), 600, 400, 0,
                ZoneOffset.UTC, Locale.ROOT);

        TimelineLayout.Frame frame = layout.frame(TimelineLayoutTest::label);

        TimelineLayout.Bar runningTail = frame.bars().get(0);
        assertThat(runningTail.x()).isEqualTo(0);
        assertThat(runningTail.width()).isCloseTo(50, within(0.01));
        assertThat(runningTail.label()).as("'train-1' needs about 56 px").isNull();
        assertThat(frame.bars()).allSatisfy(bar -> assertThat(bar.x() + bar.width()).isLessThanOrEqualTo(600));
    }

    @Test
    void segmentsNarrowerThanAPixelAreDrawnOncePerPixel() {
        List<LogEvent> flapping = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            flapping.add(node(i, N1, i % 2 == 0 ? NodeState.RUNNING : NodeState.IDLE, i % 2 == 0 ? "j" + i : null));
        }
        Timeline timeline = Timelines.assemble("ws", "cpu", T0, at(1000), at(1000), List.of(stored(N1)), List.of(),
                flapping);

        TimelineLayout.Frame frame = new TimelineLayout(timeline, new Viewport(T0, at(1000)), 100, 400, 0,
                ZoneOffset.UTC, Locale.ROOT).frame(TimelineLayoutTest::label);

        assertThat(timeline.segmentCount()).isEqualTo(1000);
        assertThat(frame.bars()).hasSizeLessThanOrEqualTo(101);
    }

    @Test
    void onlyTheVisibleRowsAreLaidOut() {
        List<Node> nodes = new ArrayList<>();
        List<LogEvent> events = new ArrayList<>();
        for (int i = 1; i <= 500; i++) {
            String id = "tvm-1234567890_" + i + "-20260302t090000z";
            nodes.add(stored(id));
            events.add(node(0, id, NodeState.IDLE, null));
        }
        Timeline timeline = Timelines.assemble("ws", "cpu", T0, at(60), at(60), nodes, List.of(), events);
        double height = TimelineLayout.HEADER_HEIGHT + 10 * TimelineLayout.ROW_HEIGHT;

        TimelineLayout layout = new TimelineLayout(timeline, new Viewport(T0, at(60)), 800, height,
                100 * TimelineLayout.ROW_HEIGHT, ZoneOffset.UTC, Locale.ROOT);
        TimelineLayout.Frame frame = layout.frame(TimelineLayoutTest::label);

        assertThat(frame.rows()).hasSizeLessThanOrEqualTo(11);
        assertThat(frame.rows().get(0).row().label().english()).isEqualTo("node 101");
        assertThat(TimelineLayout.maxScroll(timeline, height)).isEqualTo(490 * TimelineLayout.ROW_HEIGHT);
    }

    @Test
    void hitsFindTheSegmentUnderThePointerAndTheMarkerNearIt() {
        TimelineLayout layout = new TimelineLayout(twoNodes(), new Viewport(T0, at(120)), 1200, 400, 0,
                ZoneOffset.UTC, Locale.ROOT);
        double row2 = TimelineLayout.HEADER_HEIGHT + TimelineLayout.ROW_HEIGHT * 1.5;

        Hit onIdle = layout.hit(300, row2);
        Hit onPreemption = layout.hit(903, TimelineLayout.STRIP_HEIGHT + 10);

        assertThat(onIdle).isInstanceOfSatisfying(Hit.OnSegment.class, hit -> {
            assertThat(hit.row().label().english()).isEqualTo("node 2");
            assertThat(hit.segment().state()).isEqualTo(NodeState.IDLE);
        });
        assertThat(onPreemption).isInstanceOfSatisfying(Hit.OnMarker.class,
                hit -> assertThat(hit.marker().kind()).isEqualTo(MarkerKind.PREEMPTION));
        assertThat(layout.hit(500, TimelineLayout.STRIP_HEIGHT + 10)).as("no marker near").isNull();
        assertThat(layout.hit(300, TimelineLayout.HEADER_HEIGHT + TimelineLayout.ROW_HEIGHT * 5)).isNull();
    }

    @Test
    void theCountStripStepsAndTicksFallOnRoundTimes() {
        TimelineLayout layout = new TimelineLayout(twoNodes(), new Viewport(T0, at(120)), 1200, 400, 0,
                ZoneOffset.UTC, Locale.ROOT);

        TimelineLayout.Frame frame = layout.frame(TimelineLayoutTest::label);

        assertThat(frame.countX()).containsExactly(0.0, 900.0);
        assertThat(frame.current()).containsExactly(2, 2);
        assertThat(frame.target()).containsExactly(2, 1);
        assertThat(frame.countScale()).isEqualTo(2);
        assertThat(layout.ticks()).extracting(TimelineLayout.Tick::text)
                .startsWith("09:00:00", "09:00:15", "09:00:30");
        assertThat(layout.ticks().get(1).x()).isCloseTo(150, within(0.01));
        assertThat(frame.nowX()).isCloseTo(1200, within(0.01));
    }

    @Test
    void zoomKeepsTheAnchorInPlaceAndPanMovesBySpan() {
        Viewport view = new Viewport(T0, at(100));

        Viewport zoomed = view.zoom(0.5, 0.25);
        Viewport panned = view.pan(-0.5);

        assertThat(zoomed.start()).isEqualTo(T0.plusMillis(12_500));
        assertThat(zoomed.span()).isEqualTo(Duration.ofSeconds(50));
        assertThat(panned.start()).isEqualTo(at(-50));
        assertThat(view.zoom(0.0001, 0.5).span()).isEqualTo(Viewport.MIN_SPAN);
        assertThat(view.pan(1).notAfter(at(150)).end()).isEqualTo(at(150));
    }
}
