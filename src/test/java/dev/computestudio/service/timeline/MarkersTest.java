package dev.computestudio.service.timeline;

import dev.computestudio.domain.ClusterError;
import dev.computestudio.domain.EventKind;
import dev.computestudio.domain.LogEvent;
import dev.computestudio.domain.ScaleDecisions;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The answers to "why?" that markers carry. */
class MarkersTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    private static LogEvent decision(String code, String reason) {
        return LogEvent.cluster(T0, "ws", "cpu", code, reason);
    }

    private static LogEvent node(String node, String state, String job, String reason) {
        return new LogEvent(0, T0, EventKind.NODE, "ws", "cpu", node, job, state, 0, reason);
    }

    @Test
    void eachDecisionSaysWhatHappenedAndWhy() {
        assertThat(Markers.decision(decision(ScaleDecisions.SCALE_UP,
                "adding 2 node(s): 2 node(s) wanted by waiting jobs, min_instances 0, max_instances 2")).why())
                .isEqualTo("Nodes added because jobs were waiting: adding 2 node(s): 2 node(s) wanted by waiting "
                        + "jobs, min_instances 0, max_instances 2.");
        assertThat(Markers.decision(decision(ScaleDecisions.SCALE_DOWN, "removing n1: idle for 120 s")).why())
                .isEqualTo("Node removed because it was not needed: removing n1: idle for 120 s.");
        assertThat(Markers.decision(decision(ScaleDecisions.KEPT_IDLE_TIME, "keeping 1 idle node(s)")).why())
                .startsWith("Not scaled down, idle time not reached: keeping 1 idle node(s)");
        assertThat(Markers.decision(decision(ScaleDecisions.KEPT_MIN_NODES, "min_instances is 1")).why())
                .startsWith("Not scaled down, min nodes:");
        assertThat(Markers.decision(decision(ScaleDecisions.KEPT_FOR_WAITING_JOBS, "job 'big' needs 3")).why())
                .startsWith("Not scaled down, waiting jobs:");
        assertThat(Markers.decision(decision(ScaleDecisions.AT_MAX_NODES, "2 job(s) wait")).why())
                .startsWith("Not scaled up, max nodes reached:");
        assertThat(Markers.decision(decision(ClusterError.QUOTA_EXCEEDED, "Quota exceeded: 1 more")).why())
                .startsWith("Not scaled up (fully), quota: Quota exceeded");
        assertThat(Markers.decision(decision(ClusterError.SCOPE_LOCKED, "Scaling is blocked")).why())
                .startsWith("Not scaled, lock: Scaling is blocked");
        assertThat(Markers.decision(decision(ScaleDecisions.CREATED, null)).why())
                .isEqualTo("Cluster created: no reason recorded.");
    }

    @Test
    void decisionsFallIntoKindsForTheirMarkers() {
        assertThat(List.of(ScaleDecisions.SCALE_UP, ScaleDecisions.SCALE_DOWN, ScaleDecisions.KEPT_MIN_NODES,
                ScaleDecisions.AT_MAX_NODES, ClusterError.QUOTA_EXCEEDED, ClusterError.SCOPE_LOCKED,
                ClusterError.RUNNER_UNAVAILABLE, ScaleDecisions.UPDATED))
                .extracting(code -> Markers.decision(decision(code, "r")).kind())
                .containsExactly(MarkerKind.SCALE_UP, MarkerKind.SCALE_DOWN, MarkerKind.NOT_SCALED,
                        MarkerKind.NOT_SCALED, MarkerKind.ERROR, MarkerKind.ERROR, MarkerKind.ERROR, MarkerKind.CHANGE);
    }

    @Test
    void aPreemptionIsMarkedOnceWithTheJobItInterrupted() {
        List<Marker> markers = Markers.of(List.of(), List.of(
                node("n1", "RUNNING", "train-1", "placed"),
                node("n1", "PREEMPTED", "train-1", "preempted on request"),
                node("n1", "PREEMPTED", null, "preempted"),
                node("n2", "UNUSABLE", null, "node setup failed: no capacity")));

        assertThat(markers).extracting(Marker::kind, Marker::nodeId, Marker::jobName)
                .containsExactly(tuple(MarkerKind.PREEMPTION, "n1", "train-1"), tuple(MarkerKind.ERROR, "n2", null));
        assertThat(markers.get(0).why()).isEqualTo("Node n1 preempted: preempted on request. Low-priority nodes can "
                + "be taken back at any time; job 'train-1' goes back to the queue and restarts from the start.");
        assertThat(markers.get(1).why()).startsWith("Node n2 became unusable: node setup failed: no capacity.");
    }

    @Test
    void aPreemptionAlreadyUnderWayAtTheWindowStartIsNotMarkedAgain() {
        assertThat(Markers.of(List.of(node("n1", "PREEMPTED", "train-1", "preempted on request")),
                List.of(node("n1", "PREEMPTED", null, "preempted")))).isEmpty();
    }
}
