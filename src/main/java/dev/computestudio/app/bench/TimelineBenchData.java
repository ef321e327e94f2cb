package dev.computestudio.app.bench;

import dev.computestudio.domain.EventKind;
import dev.computestudio.domain.LogEvent;
import dev.computestudio.domain.Message;
import dev.computestudio.domain.Node;
import dev.computestudio.domain.NodeState;
import dev.computestudio.domain.ScaleDecisions;
import dev.computestudio.service.timeline.Timeline;
import dev.computestudio.service.timeline.Timelines;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * A day of one busy cluster for the timeline benchmarks: 1,000 nodes created over the first twelve
 * hours (each with its scale-up decision), 100,000 state changes in all (100 per node) spread until
 * the end, every node still there at the end. The same seed gives the same day.
 */
final class TimelineBenchData {

    static final String WORKSPACE = "bench";
    static final String CLUSTER = "timeline";
    static final int NODES = 1_000;
    static final int CHANGES_PER_NODE = 100;
    static final Duration SPAN = Duration.ofHours(24);

    final Instant end;
    final List<Node> nodes = new ArrayList<>();
    /** In time order, as the engine appends them. */
    final List<LogEvent> events = new ArrayList<>();

    private TimelineBenchData(Instant end) {
        this.end = end;
    }

    /** The timeline of {@code [from, end]} put together in memory, as the service would from H2. */
    Timeline timeline(Instant from) {
        java.util.Map<String, LogEvent> starts = new java.util.LinkedHashMap<>();
        List<LogEvent> window = new ArrayList<>();
        for (LogEvent event : events) {
            if (event.at().isBefore(from)) {
                if (event.kind() == EventKind.NODE) {
                    starts.put(event.nodeId(), event);
                }
            } else {
                window.add(event);
            }
        }
        return Timelines.assemble(WORKSPACE, CLUSTER, from, end.plusNanos(1), end, nodes,
                List.copyOf(starts.values()), window);
    }

    static TimelineBenchData generate(Instant end) {
        TimelineBenchData data = new TimelineBenchData(end);
        Random random = new Random(20260302);
        Instant start = end.minus(SPAN);
        long createSpread = SPAN.toMillis() / 2 / NODES;
        for (int n = 0; n < NODES; n++) {
            String id = "tvm-1234567890_" + (n + 1) + "-bench";
            Instant created = start.plusMillis(n * createSpread);
            long life = Duration.between(created, end).toMillis();
            long[] times = new long[CHANGES_PER_NODE];
            for (int c = 1; c < CHANGES_PER_NODE; c++) {
                times[c] = 1 + (long) (random.nextDouble() * (life - 2));
            }
            java.util.Arrays.sort(times);
            NodeState state = NodeState.PREPARING;
            String job = null;
            Instant at = created;
            for (int c = 0; c < CHANGES_PER_NODE; c++) {
                at = created.plusMillis(times[c]);
                if (c > 0) {
                    boolean wasRunning = state == NodeState.RUNNING;
                    state = wasRunning ? (random.nextInt(20) == 0 ? NodeState.PREEMPTED : NodeState.IDLE)
                            : NodeState.RUNNING;
                    job = state == NodeState.RUNNING ? "job-" + n + "-" + c : null;
                }
                data.events.add(new LogEvent(0, at, EventKind.NODE, WORKSPACE, CLUSTER, id, job, state.name(), 0,
                        c == 0 ? Message.of("reason.node.scale-up")
                                : state == NodeState.RUNNING ? Message.of("reason.node.rank-started", 0, job)
                                : Message.of("reason.node.rank-exited", 0)));
            }
            data.events.add(LogEvent.cluster(created, WORKSPACE, CLUSTER, ScaleDecisions.SCALE_UP,
                    Message.of("reason.cluster.scale-up", 1, 1, 0, NODES)));
            data.nodes.add(new Node(id, WORKSPACE, CLUSTER, state, null, 0, job, created, at, null, null));
        }
        data.events.sort(Comparator.comparing(LogEvent::at));
        return data;
    }
}
