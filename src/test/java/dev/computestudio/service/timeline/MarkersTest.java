package dev.computestudio.service.timeline;

import dev.computestudio.domain.ClusterError;
import dev.computestudio.domain.EventKind;
import dev.computestudio.domain.LogEvent;
import dev.computestudio.domain.Message;
import dev.computestudio.domain.MessageFormatter;
import dev.computestudio.domain.ScaleDecisions;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The answers to "why?" that markers carry. */
class MarkersTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final MessageFormatter PORTUGUESE = new MessageFormatter(Locale.forLanguageTag("pt-BR"));

    private static LogEvent decision(String code, Message reason) {
        return LogEvent.cluster(T0, "ws", "cpu", code, reason);
    }

    private static LogEvent node(String node, String state, String job, Message reason) {
        return new LogEvent(0, T0, EventKind.NODE, "ws", "cpu", node, job, state, 0, reason);
    }

    private static String why(String code, Message reason) {
        return Markers.decision(decision(code, reason)).why().english();
    }

    @Test
    void eachDecisionSaysWhatHappenedAndWhy() {
        assertThat(why(ScaleDecisions.SCALE_UP, Message.of("reason.cluster.scale-up", 2, 2, 0, 2)))
                .isEqualTo("Nodes added because jobs were waiting: adding 2 node(s): 2 node(s) wanted by waiting "
                        + "jobs, min_instances 0, max_instances 2.");
        assertThat(why(ScaleDecisions.SCALE_DOWN, Message.of("reason.cluster.scale-down", "n1",
                Message.of("reason.node.idle-time-reached", 120, 120))))
                .isEqualTo("Node removed because it was not needed: removing n1: idle for 120 s (idle time before "
                        + "scale-down 120 s).");
        assertThat(why(ScaleDecisions.KEPT_IDLE_TIME, Message.of("note.autoscaler.kept-idle-time", 1, 120,
                Message.of("note.autoscaler.idle-node", "n1", 0, 120))))
                .startsWith("Not scaled down, idle time not reached: keeping 1 idle node(s)");
        assertThat(why(ScaleDecisions.KEPT_MIN_NODES, Message.of("note.autoscaler.kept-min-nodes", 1, "n1", 1)))
                .startsWith("Not scaled down, min nodes:");
        assertThat(why(ScaleDecisions.KEPT_FOR_WAITING_JOBS,
                Message.of("note.autoscaler.kept-for-waiting-jobs", 1, "n1", "big", 3)))
                .startsWith("Not scaled down, waiting jobs:");
        assertThat(why(ScaleDecisions.AT_MAX_NODES, Message.of("note.autoscaler.at-max-nodes", 2, 1, 1)))
                .startsWith("Not scaled up, max nodes reached:");
        assertThat(why(ClusterError.QUOTA_EXCEEDED, Message.of("error.quota-exceeded", 1, "Standard_DS3_v2", 4,
                "Standard DSv2 Family vCPUs", 4, 4, "ws", "standardDSv2Family")))
                .startsWith("Not scaled up (fully), quota: Quota exceeded: 1 more Standard_DS3_v2 node(s)");
        assertThat(why(ClusterError.SCOPE_LOCKED, Message.of("error.scope-locked", "rg-ws", "ws", "CanNotDelete",
                "keep", 0)))
                .startsWith("Not scaled, lock: Scaling is blocked: the resource group 'rg-ws'");
        assertThat(why(ScaleDecisions.CREATED, null)).isEqualTo("Cluster created: no reason recorded.");
        assertThat(why("ScaleUp", Message.of("text.recorded", "1 queued job needs 2 nodes")))
                .as("a decision this version does not know").isEqualTo("Cluster scaleup: 1 queued job needs 2 nodes.");
    }

    @Test
    void theAnswerIsByCodeWithTheEnginesReasonInsideSoItReadsInTheUsersLanguage() {
        Message reason = Message.of("reason.cluster.scale-up", 2, 2, 0, 2);
        Marker marker = Markers.decision(decision(ScaleDecisions.SCALE_UP, reason));

        assertThat(marker.why()).isEqualTo(Message.of("marker.scale-up", reason));
        assertThat(marker.reason()).isEqualTo(reason);
        assertThat(PORTUGUESE.format(marker.why())).isEqualTo("Nós adicionados porque havia trabalhos esperando: "
                + "adicionando 2 nó(s): 2 nó(s) pedidos por trabalhos em espera, min_instances 0, max_instances 2.");
    }

    @Test
    void decisionsFallIntoKindsForTheirMarkers() {
        assertThat(List.of(ScaleDecisions.SCALE_UP, ScaleDecisions.SCALE_DOWN, ScaleDecisions.KEPT_MIN_NODES,
                ScaleDecisions.AT_MAX_NODES, ClusterError.QUOTA_EXCEEDED, ClusterError.SCOPE_LOCKED,
                ClusterError.RUNNER_UNAVAILABLE, ScaleDecisions.UPDATED))
                .extracting(code -> Markers.decision(decision(code, Message.of("text.recorded", "r"))).kind())
                .containsExactly(MarkerKind.SCALE_UP, MarkerKind.SCALE_DOWN, MarkerKind.NOT_SCALED,
                        MarkerKind.NOT_SCALED, MarkerKind.ERROR, MarkerKind.ERROR, MarkerKind.ERROR, MarkerKind.CHANGE);
    }

    @Test
    void aPreemptionIsMarkedOnceWithTheJobItInterrupted() {
        List<Marker> markers = Markers.of(List.of(), List.of(
                node("n1", "RUNNING", "train-1", Message.of("reason.node.rank-started", 0, "train-1")),
                node("n1", "PREEMPTED", "train-1", Message.of("reason.node.preempted-on-request")),
                node("n1", "PREEMPTED", null, Message.of("reason.node.preempted")),
                node("n2", "UNUSABLE", null, Message.of("reason.node.setup-failed", "no capacity"))));

        assertThat(markers).extracting(Marker::kind, Marker::nodeId, Marker::jobName)
                .containsExactly(tuple(MarkerKind.PREEMPTION, "n1", "train-1"), tuple(MarkerKind.ERROR, "n2", null));
        assertThat(markers.get(0).why().english()).isEqualTo("Node n1 preempted: preempted on request. Low-priority "
                + "nodes can be taken back at any time; job 'train-1' goes back to the queue and restarts from the "
                + "start.");
        assertThat(markers.get(1).why().english())
                .startsWith("Node n2 became unusable: node setup failed: no capacity.");
        assertThat(PORTUGUESE.format(markers.get(1).why()))
                .startsWith("O nó n2 ficou inutilizável: falha ao preparar o nó: no capacity.");
    }

    @Test
    void aPreemptionAlreadyUnderWayAtTheWindowStartIsNotMarkedAgain() {
        LogEvent underWay = node("n1", "PREEMPTED", "train-1", Message.of("reason.node.preempted-on-request"));

        assertThat(Markers.of(List.of(underWay),
                List.of(node("n1", "PREEMPTED", null, Message.of("reason.node.preempted"))))).isEmpty();
    }

    @Test
    void aMarkerConcernsTheNodesItsReasonNamesAloneOrInAList() {
        Marker removal = Markers.decision(decision(ScaleDecisions.SCALE_DOWN, Message.of("reason.cluster.scale-down",
                "tvm-1", Message.of("reason.node.above-max", 1))));
        Marker kept = Markers.decision(decision(ScaleDecisions.KEPT_MIN_NODES,
                Message.of("note.autoscaler.kept-min-nodes", 2, "tvm-10, tvm-11", 2)));

        assertThat(removal.concerns("tvm-1")).isTrue();
        assertThat(removal.concerns("tvm-2")).isFalse();
        assertThat(kept.concerns("tvm-11")).isTrue();
        assertThat(kept.concerns("tvm-1")).as("a node whose id is part of another's is not named").isFalse();
    }
}
